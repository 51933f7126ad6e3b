// The finger-sized controls of staff mode: buttons at least 48 CSS px tall, choice buttons that show which is
// chosen, and the message / error line.
#pragma once
#include <string>

#include "imgui.h"

namespace web {

inline constexpr float staff_target_css = 48;  // the height of every touch target (WCAG's 44 with room to spare)

// A button `width` wide (-1: the rest of the line), staff_target_css tall; remembered under `name`.
bool staff_button(const char* label, const char* name, float width = -1, bool primary = false, bool enabled = true);
// A choice among several: drawn filled when `chosen`.
bool staff_choice(const char* label, const char* name, bool chosen, float width);
// The last act's outcome: the message in green or the error in red, wrapped.
void staff_outcome(const std::string& message, const std::string& error);

}  // namespace web
