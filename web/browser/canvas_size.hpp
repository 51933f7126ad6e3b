// Follows the browser window: the canvas's backing store is kept at its CSS size × devicePixelRatio,
// so WebGL draws at device resolution; GLFW (and so ImGui) then works in backing-store pixels.
#pragma once
#include "logic/layout.hpp"

namespace web {

// Measures the canvas and resizes its backing store if needed; call once per frame before ImGui::NewFrame.
const CanvasSize& follow_canvas_size();
// The last measurement.
const CanvasSize& canvas_size();

}  // namespace web
