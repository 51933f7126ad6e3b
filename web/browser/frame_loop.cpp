// emscripten_set_main_loop and Emscripten's clocks.
#include "browser/frame_loop.hpp"

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

namespace web {

void run_frame_loop(void (*frame)()) { emscripten_set_main_loop(frame, 0, 1); }

double monotonic_ms() { return emscripten_get_now(); }

double wall_clock_ms() { return emscripten_date_now(); }

}  // namespace web
