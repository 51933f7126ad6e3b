// WCAG 2.1's formulas (sRGB linearised, luminance weights 0.2126/0.7152/0.0722, (L1 + 0.05) / (L2 + 0.05)), and
// the palette's pairs that must meet them.
#include "logic/contrast.hpp"

#include <algorithm>
#include <cmath>

namespace web {

namespace {

double linear(std::uint8_t channel) {
    double v = channel / 255.0;
    return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

}  // namespace

double relative_luminance(Rgb c) { return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b); }

double contrast_ratio(Rgb a, Rgb b) {
    double la = relative_luminance(a), lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::vector<ContrastPair> palette_contrast_pairs() {
    using namespace palette;
    std::vector<ContrastPair> pairs;
    const std::pair<const char*, Rgb> surfaces[] = {{"the page", background}, {"a panel", panel},
                                                    {"a raised panel", panel_raised}, {"the map", map_background},
                                                    {"a text field", field_background}};
    const std::pair<const char*, Rgb> texts[] = {{"body text", text}, {"muted text", text_muted}, {"faint text", text_faint},
                                                 {"accent text", accent}, {"on-sale text", on_sale},
                                                 {"not-on-sale text", not_on_sale}, {"error text", error}};
    for (const auto& [text_name, fg] : texts)
        for (const auto& [surface_name, bg] : surfaces) pairs.push_back({text_name, fg, bg, 4.5});
    pairs.push_back({"placeholder text in a text field", field_placeholder, field_background, 4.5});
    pairs.push_back({"a button's text on the accent colour", background, accent, 4.5});
    pairs.push_back({"STAGE on the stage", stage_text, stage_top, 4.5});
    pairs.push_back({"a text field's edge", field_border, field_background, 3});
    pairs.push_back({"a taken seat's mark on the seat", seat_unavailable_mark, seat_unavailable, 3});
    pairs.push_back({"a taken seat's mark on the map", seat_unavailable_mark, map_background, 3});
    pairs.push_back({"the focus ring on the map", focus_ring, map_background, 3});
    pairs.push_back({"a selected seat on the map", seat_selected, map_background, 3});
    pairs.push_back({"a seat lock's colour on the map", locked, map_background, 3});
    return pairs;
}

}  // namespace web
