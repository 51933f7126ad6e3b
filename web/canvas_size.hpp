// Follows the browser window: the canvas's backing store is kept at its CSS size × devicePixelRatio,
// so WebGL draws at device resolution; GLFW (and so ImGui) then works in backing-store pixels.
#pragma once

namespace web {

struct CanvasSize {
    double css_width = 0, css_height = 0;  // CSS pixels
    double dpr = 1;                        // device pixels per CSS pixel
    int width = 0, height = 0;             // backing-store pixels
    bool dpr_changed = false;              // this frame: fonts and style must be rebuilt
    bool resized = false;                  // this frame: the backing store changed (and was cleared)
};

// Measures the canvas and resizes its backing store if needed; call once per frame before ImGui::NewFrame.
const CanvasSize& follow_canvas_size();
// The last measurement.
const CanvasSize& canvas_size();

}  // namespace web
