// Notice lifetimes.
#include "logic/notices.hpp"

#include <algorithm>

#include "logic/app_state.hpp"

namespace web {

double notice_lifetime_ms(const std::string& text) {
    return std::min(15'000.0, 6'000.0 + 60.0 * static_cast<double>(text.size()));
}

void pump_notice(AppState& app, double now_ms) {
    NoticeState& n = app.page.notice;
    if (app.notice != n.showing) {
        n.showing = app.notice;
        n.since_ms = now_ms;
        return;
    }
    if (!app.notice.empty() && now_ms - n.since_ms >= notice_lifetime_ms(app.notice)) {
        app.notice.clear();
        n.showing.clear();
    }
}

void dismiss_notice(AppState& app) {
    app.notice.clear();
    app.page.notice.showing.clear();
}

}  // namespace web
