// The mouse wheel on the canvas with its deltaMode (GLFW's port drops it), in notches: positive = away from
// the user. The page itself never scrolls.
#pragma once

namespace web {

struct WheelNotches {
    float vertical = 0, horizontal = 0;
};

// Registers the wheel listener on #canvas (call once).
void install_wheel_handler();
// The notches turned since the last call.
WheelNotches take_wheel_notches();

}  // namespace web
