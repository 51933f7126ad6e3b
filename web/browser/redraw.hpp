// When to draw: only while something may change (input, answers from the server, resizes, a few
// frames after each), plus a slow heartbeat; an idle box office page then costs almost no CPU.
#pragma once

namespace web {

// Registers page-level listeners that wake drawing on any input or resize (call once).
void install_redraw_wakers();
// Something changed that the next frames must show (e.g. a fetch answer arrived).
void request_redraw();
// Asked once per animation frame: draw this one?
bool should_draw(double now_ms);

}  // namespace web
