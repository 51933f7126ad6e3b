// Touch screens: html5 touch callbacks on the canvas. One finger stands in for the mouse (a tap is a
// click, a drag pans the map); two fingers make a pinch that zooms and pans the seat map.
#pragma once

namespace web {

// This frame's two-finger gesture, in backing-store pixels.
struct Pinch {
    bool active = false;
    double center_x = 0, center_y = 0;  // midpoint of the two fingers now
    double scale = 1;                   // finger distance now / last frame
    double dx = 0, dy = 0;              // movement of the midpoint since last frame
};

// Registers touchstart/move/end/cancel on #canvas (call once after the GLFW window exists).
void install_touch_handlers();
// Call after ImGui_ImplGlfw_NewFrame and before ImGui::NewFrame: while touch is in use it replaces
// ImGui's mouse position/button with the finger's, and computes this frame's pinch.
void apply_touch_to_imgui();
// The pinch computed by apply_touch_to_imgui for this frame.
const Pinch& pinch();
// A real mouse moved (no finger down): leave touch mode.
void note_mouse_moved();
// The customer is using a touch screen (a finger touched the canvas more recently than a mouse moved).
bool touch_mode();

}  // namespace web
