// The one-line notice (app.notice: a seat was taken, the hold expired...) goes away by itself once it has
// been on screen long enough to read, or when the customer dismisses it.
#pragma once
#include <string>

namespace web {

struct AppState;

struct NoticeState {
    std::string showing;     // the notice as last seen
    double since_ms = 0;     // browser ms when it appeared
};

// How long a notice stays: 6 s plus 60 ms per character, at most 15 s.
double notice_lifetime_ms(const std::string& text);
// Once per frame with the browser's monotonic clock: notes a new notice, clears an old one.
void pump_notice(AppState& app, double now_ms);
// The customer closed it.
void dismiss_notice(AppState& app);

}  // namespace web
