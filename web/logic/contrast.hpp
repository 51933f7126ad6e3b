// WCAG 2.1 contrast: a colour's relative luminance and the contrast ratio of two colours (1 to 21).
#pragma once
#include "logic/palette.hpp"

namespace web {

double relative_luminance(Rgb c);
double contrast_ratio(Rgb a, Rgb b);

}  // namespace web
