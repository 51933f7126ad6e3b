// The page's animation-frame loop and the browser's two clocks.
#pragma once

namespace web {

// Calls `frame` on every animation frame, for the page's life (does not return).
void run_frame_loop(void (*frame)());
// performance.now(): monotonic milliseconds, for intervals.
double monotonic_ms();
// Date.now(): milliseconds since 1970, for the rules' "now".
double wall_clock_ms();

}  // namespace web
