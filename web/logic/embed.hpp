// The picker embedded on a venue's site (web/embed/embed.js frames index.html?embed=1&host=ORIGIN): which host
// may talk to it (the server's --embed-origin list, GET /api/embed), the messages it posts to the host
// (encore:ready, encore:basketChanged with the priced basket, encore:orderCompleted with the order's references,
// encore:resize) and the host's encore:select, accepted only from the allowed host origin.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "logic/services.hpp"

namespace web {

struct AppState;

enum class Theme { dark, light };

// What the page's address asks for: ?embed=1&host=ORIGIN&theme=light (theme also works without embed).
struct EmbedSettings {
    bool embedded = false;
    std::string host;            // the host page's origin, as embed.js wrote it
    Theme theme = Theme::dark;
};

struct EmbedState {
    EmbedSettings settings;
    enum class Origins { unknown, asked, known, failed } origins_state = Origins::unknown;
    std::vector<std::string> allowed;     // the server's embed origins
    bool host_allowed = false;            // settings.host is one of them: only then are messages posted or taken
    bool ready_sent = false;
    std::string last_basket;              // the basket payload last posted (JSON text)
    std::string last_order;               // the order reference last posted
    int last_height = 0;                  // the content height last posted (CSS px)
    int ignored = 0;                      // messages refused (wrong origin, not allowed, unknown type or shape)
    std::vector<std::string> outbox;      // JSON texts to post to the host, oldest first
};

// "?embed=1&host=https%3A%2F%2Fvenue.example&theme=light" (location.search) -> settings; unknown keys ignored.
EmbedSettings parse_embed_query(std::string_view search);
// Once at start, with the page's location.search.
void start_embed(AppState& app, std::string_view search);
// Once per frame: asks for the allowed origins, then queues ready, basketChanged, orderCompleted and resize
// (the picker's height for a frame `css_width` wide) as they happen.
void pump_embed(AppState& app, Services& services, double css_width);
// A message from `origin` (event.origin) with `data` (JSON text); `from_parent`: sent by the parent window (the
// host page), not another frame. Applies encore:select {performance|series}; false (and counted) when ignored.
bool accept_embed_message(AppState& app, std::string_view origin, std::string_view data, bool from_parent = true);
// The messages to post to the host now (to settings.host only).
std::vector<std::string> take_embed_messages(AppState& app);
// The height the embedded picker asks its iframe for at this width (CSS px): the layout's rows stacked.
int embed_content_height(double css_width);

}  // namespace web
