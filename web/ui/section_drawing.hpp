// The zoomed-out seat map: every section drawn as its outline in its band's colour, named, with how many of its
// seats this customer may pick; the section under the pointer lit (a tap zooms into it).
#pragma once
#include <cstdint>
#include <optional>

#include "imgui.h"
#include "logic/app_state.hpp"

namespace web {

void draw_section_shapes(ImDrawList* dl, const AppState& app, std::optional<std::uint32_t> hovered);

}  // namespace web
