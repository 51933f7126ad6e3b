// Wheel notches and the touch mouse written into ImGuiIO.
#include "ui/pointer_input.hpp"

#include <optional>

#include "browser/touch_input.hpp"
#include "browser/wheel_input.hpp"
#include "imgui.h"

namespace web {

void feed_browser_input() {
    ImGuiIO& io = ImGui::GetIO();
    WheelNotches wheel = take_wheel_notches();
    io.MouseWheel += wheel.vertical;
    io.MouseWheelH += wheel.horizontal;
    std::optional<TouchMouse> touch = touch_mouse_for_frame();
    if (!touch) return;
    io.MousePos = ImVec2(static_cast<float>(touch->x), static_cast<float>(touch->y));
    io.MouseDown[0] = touch->down;
    if (touch->release_other_buttons)
        for (int i = 1; i < IM_ARRAYSIZE(io.MouseDown); ++i) io.MouseDown[i] = false;
}

}  // namespace web
