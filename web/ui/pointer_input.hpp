// Hands the browser's wheel and touch input (web/browser) to ImGui for this frame.
#pragma once

namespace web {

// Call after ImGui_ImplGlfw_NewFrame and before ImGui::NewFrame: adds the wheel notches turned since the last
// drawn frame and, while touch is in use, replaces the mouse position and buttons with the finger's.
void feed_browser_input();

}  // namespace web
