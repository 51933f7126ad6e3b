// The page's side of embedding (the one place with postMessage): the address's ?embed=1&host=…&theme=… in,
// messages from the parent window in (to web/logic/embed), the logic's messages out to the allowed host only.
#pragma once
#include "logic/app_state.hpp"

namespace web {

// Once at start: reads location.search and listens for messages.
void install_embed_bridge(AppState& app);
// Once per frame after the logic's pump: posts what the logic queued to the host's origin.
void post_embed_messages(AppState& app);

}  // namespace web
