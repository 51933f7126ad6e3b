// The page being closed, reloaded or shown again: on pagehide the basket's hold is abandoned with a keepalive
// request (logic/basket_memory.hpp) so its seats go back on sale soon; on a return from the back/forward cache
// the hold is extended again.
#pragma once

namespace web {

// Once at start.
void install_page_lifecycle();

}  // namespace web

extern "C" {
// pagehide: the request to send, as {"method","url","bearer"}, or "" with nothing to send.
const char* encore_page_closing();
// pageshow from the back/forward cache.
void encore_page_shown_again();
}
