// The canvas's mouse cursor as a CSS cursor name (Emscripten's GLFW has no cursor shapes).
#pragma once

namespace web {

// "default", "pointer", "grabbing", "none", ...
void set_canvas_cursor(const char* css_cursor);

}  // namespace web
