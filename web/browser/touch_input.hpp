// Touch screens: html5 touch callbacks on the canvas. One finger stands in for the mouse (a tap is a
// click, a drag pans the map); two fingers make a pinch that zooms and pans the seat map.
#pragma once
#include <optional>

namespace web {

// This frame's two-finger gesture, in backing-store pixels.
struct Pinch {
    bool active = false;
    double center_x = 0, center_y = 0;  // midpoint of the two fingers now
    double scale = 1;                   // finger distance now / last frame
    double dx = 0, dy = 0;              // movement of the midpoint since last frame
};

// The mouse as touch makes it this frame, in backing-store pixels.
struct TouchMouse {
    double x = 0, y = 0;             // -FLT_MAX: nowhere (no hover after the finger has gone)
    bool down = false;               // the primary button
    bool release_other_buttons = true;
};

// Registers touchstart/move/end/cancel on #canvas (call once after the GLFW window exists).
void install_touch_handlers();
// Once per drawn frame, after the platform backend read the mouse and before the UI frame starts: computes
// this frame's pinch and, while touch is in use, the mouse the UI must use instead of the real one.
std::optional<TouchMouse> touch_mouse_for_frame();
// The pinch computed by touch_mouse_for_frame for this frame.
const Pinch& pinch();
// A real mouse moved (no finger down): leave touch mode.
void note_mouse_moved();
// The customer is using a touch screen (a finger touched the canvas more recently than a mouse moved).
bool touch_mode();

}  // namespace web
