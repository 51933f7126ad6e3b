// Functions the browser tests call through Module: frame count, a JSON snapshot of the client state (with
// hold, priced basket, account and last order), a seat's or a named widget's on-screen position (CSS pixels,
// for page.mouse), choosing a performance, and log-in / order helpers that run the UI buttons' own code;
// and the table of named widgets the UI fills every drawn frame.
#include "browser/test_exports.hpp"

#include <emscripten/emscripten.h>

#include <algorithm>
#include <string>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "browser/canvas_size.hpp"
#include "browser/page.hpp"
#include "encore/money.hpp"
#include "encore/pricing_json.hpp"
#include "logic/account_client.hpp"
#include "logic/app_state.hpp"
#include "logic/basket_pricing.hpp"
#include "logic/checkout_client.hpp"
#include "logic/display_format.hpp"
#include "logic/hold_client.hpp"
#include "logic/map_source.hpp"
#include "logic/map_view.hpp"
#include "logic/order_summary.hpp"
#include "logic/season_basket.hpp"
#include "logic/series_map.hpp"
#include "logic/staff_client.hpp"

namespace {

std::string g_out;  // the last JSON handed to JavaScript; valid until the next export call
int g_frames_drawn = 0;
int g_widget_frame = 0;
struct NamedWidget {
    web::WidgetRect rect;
    int frame = 0;
};
std::unordered_map<std::string, NamedWidget> g_widgets;

const char* phase_name(web::Phase p) {
    switch (p) {
        case web::Phase::loading: return "loading";
        case web::Phase::ready: return "ready";
        case web::Phase::error: return "error";
    }
    return "";
}

const char* fetch_name(web::Fetch f) {
    switch (f) {
        case web::Fetch::none: return "none";
        case web::Fetch::wanted: return "wanted";
        case web::Fetch::loading: return "loading";
        case web::Fetch::ready: return "ready";
        case web::Fetch::error: return "error";
    }
    return "";
}

const char* order_phase_name(web::OrderViewState::Phase p) {
    switch (p) {
        case web::OrderViewState::Phase::closed: return "closed";
        case web::OrderViewState::Phase::needs_sign_in: return "needs_sign_in";
        case web::OrderViewState::Phase::loading: return "loading";
        case web::OrderViewState::Phase::shown: return "shown";
        case web::OrderViewState::Phase::failed: return "failed";
    }
    return "";
}

// Staff mode: the tab and step, the customer served (orders, subscriptions, holds), the last sale, the campaign.
nlohmann::json staff_json(const web::AppState& app) {
    const web::StaffState& st = app.staff;
    nlohmann::json j = {{"mode", web::staff_mode(app)}, {"tab", st.tab == web::StaffTab::counter ? "counter" : "renewals"},
                        {"step", st.step == web::StaffStep::find ? "find" : st.step == web::StaffStep::customer ? "customer" : "sell"},
                        {"busy", st.busy}, {"message", st.message}, {"error", st.error}, {"hits", st.hits.size()},
                        {"customer", nullptr}, {"last_order", nullptr}};
    if (st.customer) {
        nlohmann::json orders = nlohmann::json::array(), records = nlohmann::json::array(), holds = nlohmann::json::array();
        for (const web::StaffOrderRow& o : st.customer->orders)
            orders.push_back({{"reference", o.reference}, {"short_reference", o.short_reference}, {"status", o.status}, {"total_text", o.total_text}});
        for (const web::StaffRecord& r : st.customer->records)
            records.push_back({{"id", r.id}, {"status", r.status}, {"package", r.package}, {"seats", r.seat_ids}, {"can_renew", r.renew_amount.has_value()}});
        for (const web::StaffHold& h : st.customer->holds) holds.push_back({{"token", h.token}, {"kind", h.kind}, {"seats", h.seats}});
        j["customer"] = {{"id", st.customer->account.id}, {"name", st.customer->account.name}, {"email", st.customer->account.email},
                         {"cards", st.customer->cards.size()}, {"orders", orders}, {"records", records}, {"holds", holds}};
    }
    if (st.last_order)
        j["last_order"] = {{"reference", st.last_order->reference}, {"short_reference", st.last_order->short_reference},
                           {"status", st.last_order->status}, {"payment_method", st.last_order->payment_method}};
    j["campaign"] = {{"loaded", st.campaign.loaded}, {"package", st.campaign.package}, {"packages", st.campaign.packages.size()},
                     {"days", st.campaign.days.size()}, {"key_dates", st.campaign.key_dates.size()}, {"error", st.campaign.error}};
    return j;
}

// What the page adds around the map: the order view, the touch preview, the text fields, the remembered
// basket, the event filter and the seat locks on the map (a performance's or a series').
nlohmann::json page_json(const web::AppState& app) {
    const web::PageState& page = app.page;
    nlohmann::json order = {{"phase", order_phase_name(page.order.phase)}, {"reference", page.order.reference},
                            {"error", page.order.error}, {"just_placed", page.order.just_placed}, {"lines", nlohmann::json::array()}};
    if (page.order.phase == web::OrderViewState::Phase::shown && app.catalog) {
        order["order"] = page.order.order;
        order["lines"] = web::order_summary_lines(web::summarise_order(*app.catalog, page.order.order));
    }
    nlohmann::json preview = nullptr;
    const encore::Venue* venue = web::map_venue(app);
    if (std::optional<std::uint32_t> seat = web::previewed_seat(app); seat && venue) {
        web::SeatFacts f = web::seat_facts(app, *seat, true);
        preview = {{"seat", venue->plan.seats[*seat].id.value}, {"name", f.name}, {"price", f.price}, {"lock", f.lock},
                   {"state", f.state}, {"action", f.action}, {"explanation", f.explanation}, {"free_at", f.free_at},
                   {"can_add", f.can_add}};
    }
    nlohmann::json fields = nlohmann::json::array();
    for (const web::ShownField& f : page.fields.shown)
        fields.push_back({{"id", f.id}, {"form", f.form}, {"value", f.value ? *f.value : std::string()}});
    nlohmann::json locked = nlohmann::json::array();
    if (venue) {
        const encore::SeatLocks& locks = web::map_seat_locks(app);
        for (std::size_t i = 0; i < locks.types.size() && i < venue->plan.seats.size(); ++i)
            if (locks.types[i])
                locked.push_back({{"seat", venue->plan.seats[i].id.value}, {"lock", web::lock_words(app, *locks.types[i])},
                                  {"kept", i < locks.kept.size() && locks.kept[i]}});
    }
    const char* memory = page.memory.phase == web::BasketMemory::Phase::waiting     ? "waiting"
                         : page.memory.phase == web::BasketMemory::Phase::restoring ? "restoring"
                                                                                     : "done";
    std::size_t events = app.catalog ? web::matching_events(*app.catalog, page.filter).size() : 0;
    const web::EmbedState& embed = page.embed;
    nlohmann::json embedding = {{"embedded", embed.settings.embedded}, {"host", embed.settings.host},
                                {"host_allowed", embed.host_allowed}, {"ready_sent", embed.ready_sent},
                                {"ignored", embed.ignored}, {"height", embed.last_height},
                                {"theme", embed.settings.theme == web::Theme::light ? "light" : "dark"}};
    return {{"order_view", order}, {"preview", preview}, {"fields", fields}, {"focused", page.fields.focused},
            {"basket_memory", memory}, {"events_shown", events}, {"locked_seats", locked},
            {"link", web::link_hash(web::current_link(app))}, {"embed", embedding}};
}

}  // namespace

namespace web {

void begin_widget_frame() { ++g_widget_frame; }

void note_widget(const char* name, const WidgetRect& rect) { g_widgets[name] = {rect, g_widget_frame}; }

void note_frame_drawn() { ++g_frames_drawn; }

}  // namespace web

extern "C" {

EMSCRIPTEN_KEEPALIVE int encore_frame_count() { return g_frames_drawn; }

EMSCRIPTEN_KEEPALIVE const char* encore_state_json() {
    const web::AppState& app = web::the_app();
    nlohmann::json j;
    j["phase"] = phase_name(app.phase);
    j["error"] = app.error.empty() ? nlohmann::json(nullptr) : nlohmann::json(app.error);
    j["instance"] = app.instance.empty() ? nlohmann::json(nullptr) : nlohmann::json(app.instance.value);
    j["availability"] = fetch_name(app.availability);
    j["availability_error"] = app.availability_error.empty() ? nlohmann::json(nullptr) : nlohmann::json(app.availability_error);
    const encore::Instance* inst = web::current_instance(app);
    j["on_sale"] = inst ? web::on_sale_web(app, *inst) : false;
    nlohmann::json picked = nlohmann::json::array();
    const encore::Venue* venue = web::current_venue(app);
    if (venue)
        for (std::uint32_t seat : web::selection(app)) {
            std::optional<encore::Money> price = web::seat_price(app, seat);
            picked.push_back({{"seat", venue->plan.seats[seat].id.value},
                              {"name", venue->plan.seat_name(seat)},
                              {"band", venue->plan.seats[seat].band.value},
                              {"price", price ? nlohmann::json(price->minor) : nlohmann::json(nullptr)},
                              {"price_text", price ? nlohmann::json(encore::format_money(*price)) : nlohmann::json(nullptr)},
                              {"held", std::any_of(app.picks.begin(), app.picks.end(), [&](const web::Pick& p) {
                                   return p.instance == app.instance && p.seat == seat && p.held; })}});
        }
    j["selection"] = picked;
    encore::Money total = web::selection_total(app);
    j["total"] = total.minor;
    j["total_text"] = encore::format_money(total);
    nlohmann::json hold = nullptr;
    if (!app.hold.token.empty()) {
        nlohmann::json seats = nlohmann::json::array();
        for (const web::Pick& p : app.picks)
            if (p.held) seats.push_back({{"instance", p.instance.value}, {"seat", p.seat_id.value}});
        hold = {{"token", app.hold.token}, {"expires_at", encore::format_instant(app.hold.expires_at)},
                {"seconds_left", web::hold_seconds_left(app)}, {"seats", seats}};
    }
    j["hold"] = hold;
    j["pending_hold_requests"] = static_cast<int>(app.hold.queue.size()) + (app.hold.in_flight ? 1 : 0);
    const encore::PricedBasket& priced = web::priced_basket(app);
    nlohmann::json basket = encore::priced_basket_to_json(priced);
    basket["total"] = priced.valid ? nlohmann::json(priced.total) : nlohmann::json(nullptr);
    basket["total_text"] = priced.valid ? nlohmann::json(encore::format_money({priced.total, priced.currency})) : nlohmann::json(nullptr);
    basket["request"] = encore::basket_to_json(web::current_basket(app));
    j["basket"] = basket;
    j["account"] = app.account.token.empty() ? nlohmann::json(nullptr) : nlohmann::json(app.account.email);
    j["account_error"] = app.account.error.empty() ? nlohmann::json(nullptr) : nlohmann::json(app.account.error);
    const web::CheckoutState& co = app.checkout;
    const char* step = co.step == web::CheckoutStep::idle ? "idle" : co.step == web::CheckoutStep::saving_card ? "saving_card" : "placing_order";
    j["order"] = {{"reference", co.reference.empty() ? nlohmann::json(nullptr) : nlohmann::json(co.reference)},
                  {"status", co.status.empty() ? nlohmann::json(nullptr) : nlohmann::json(co.status)},
                  {"status_text", web::order_status_words(co)},
                  {"total", co.reference.empty() ? nlohmann::json(nullptr) : nlohmann::json(co.total)},
                  {"error", co.error.empty() ? nlohmann::json(nullptr) : nlohmann::json(co.error)},
                  {"error_code", co.error_code.empty() ? nlohmann::json(nullptr) : nlohmann::json(co.error_code)},
                  {"idempotency_key", co.idempotency_key},
                  {"step", step},
                  {"checkout_open", co.open}};
    j["notice"] = app.notice.empty() ? nlohmann::json(nullptr) : nlohmann::json(app.notice);
    j["page"] = page_json(app);
    j["staff"] = staff_json(app);
    j["zoom"] = app.view.zoom();
    j["seat_count"] = venue ? venue->plan.seats.size() : 0;
    j["available_count"] = web::available_count(app);
    j["dpr"] = app.dpr;
    const web::CanvasSize& size = web::canvas_size();
    j["canvas"] = {{"css_width", size.css_width}, {"css_height", size.css_height}, {"width", size.width}, {"height", size.height}};
    const web::LayoutKind kind = web::compute_layout(size).kind;
    j["layout"] = kind == web::LayoutKind::wide ? "wide" : kind == web::LayoutKind::medium ? "medium" : "narrow";
    j["frames"] = g_frames_drawn;
    g_out = j.dump();
    return g_out.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* encore_seat_screen_pos(const char* seat_id) {
    const web::AppState& app = web::the_app();
    nlohmann::json j = {{"x", 0}, {"y", 0}, {"visible", false}};
    const encore::Venue* venue = web::map_venue(app);
    std::optional<std::uint32_t> seat = venue && seat_id ? venue->plan.seat_index(encore::SeatId{seat_id}) : std::nullopt;
    if (seat) {
        if (std::optional<web::ScreenPoint> p = web::seat_screen_position(app, *seat)) {
            double dpr = app.dpr > 0 ? app.dpr : 1;
            float x = static_cast<float>(p->x), y = static_cast<float>(p->y);  // the pixel the UI drew it at
            j["x"] = x / dpr;
            j["y"] = y / dpr;
            j["visible"] = app.view.contains(x, y);
        }
    } else {
        j["error"] = "unknown seat";
    }
    g_out = j.dump();
    return g_out.c_str();
}

// The season flows: the view, the series map (its choices, the seats free at every performance, selectable
// seats, the best-available proposal), the series seats, passes and memberships in the basket, the passes in
// use and usable, the account's records and the server clock.
EMSCRIPTEN_KEEPALIVE const char* encore_season_json() {
    const web::AppState& app = web::the_app();
    const web::SeasonState& s = app.season;
    nlohmann::json j;
    j["view"] = s.view == web::MainView::events ? "events" : s.view == web::MainView::season ? "season" : "account";
    j["shown"] = s.shown.value;
    j["series_map"] = web::series_map_shown(app);
    nlohmann::json chosen = nlohmann::json::array();
    for (const encore::InstanceId& i : s.choice.chosen) chosen.push_back(i.value);
    j["choice"] = {{"series", s.choice.series.value}, {"group", s.choice.group.value}, {"band", s.choice.band.value}, {"instances", chosen}};
    const char* load = s.group.state == web::Load::ready ? "ready" : s.group.state == web::Load::error ? "error"
                       : s.group.state == web::Load::none ? "none" : "loading";
    j["group_seats"] = load;
    const encore::Venue* venue = web::map_venue(app);
    std::vector<bool> selectable = web::map_selectable(app);
    nlohmann::json open = nlohmann::json::array();
    if (web::series_map_shown(app) && venue)
        for (std::uint32_t i = 0; i < selectable.size() && open.size() < 400; ++i)
            if (selectable[i]) open.push_back(venue->plan.seats[i].id.value);
    j["series_selectable_count"] = std::count(selectable.begin(), selectable.end(), true);
    j["series_selectable"] = open;
    nlohmann::json proposal = nlohmann::json::array();
    if (venue)
        for (std::uint32_t i : s.best.proposal) proposal.push_back(venue->plan.seats[i].id.value);
    j["best"] = {{"open", s.best.open}, {"seats", s.best.seats}, {"wheelchair", s.best.wheelchair}, {"proposal", proposal},
                 {"message", s.best.message}};
    nlohmann::json series = nlohmann::json::array();
    for (const web::SeriesPick& p : s.series_picks) {
        nlohmann::json instances = nlohmann::json::array();
        for (const encore::InstanceId& i : p.instances) instances.push_back(i.value);
        series.push_back({{"series", p.series.value}, {"group", p.group.value}, {"seat", p.seat_id.value}, {"instances", instances},
                          {"held", p.held}});
    }
    j["series_picks"] = series;
    nlohmann::json products = nlohmann::json::array();
    for (const web::ProductPick& p : s.products) products.push_back({{"kind", encore::line_kind_name(p.kind)}, {"product", p.product.value}});
    j["products"] = products;
    auto pass_list = [](const std::vector<encore::UsablePass>& passes) {
        nlohmann::json out = nlohmann::json::array();
        for (const encore::UsablePass& p : passes)
            out.push_back({{"code", p.redeem.code}, {"basket_line", p.redeem.basket_line}, {"pass", p.pass.value}, {"left", p.left},
                           {"allowance", p.allowance}, {"lines", p.lines}});
        return out;
    };
    j["passes_usable"] = pass_list(web::usable_passes_now(app));
    j["passes_in_use"] = pass_list(web::passes_in_use_now(app));
    j["pass_message"] = s.pass_message;
    nlohmann::json issued = nlohmann::json::array();
    for (const web::IssuedPass& p : s.issued) issued.push_back({{"code", p.code}, {"pass", p.pass.value}});
    j["issued"] = issued;
    const web::AccountRecords& r = s.records;
    const char* records = r.state == web::AccountRecords::State::ready ? "ready" : r.state == web::AccountRecords::State::error ? "error"
                          : r.state == web::AccountRecords::State::loading ? "loading" : "none";
    j["records"] = {{"state", records}, {"orders", r.orders.size()}, {"passes", r.passes.size()}, {"memberships", r.memberships.size()},
                    {"subscriptions", r.subscriptions.size()}};
    j["clock"] = {{"known", s.clock.known}, {"offset_seconds", s.clock.offset_seconds}, {"now", encore::format_instant(app.now)}};
    j["offers_known"] = s.offers.known;
    j["basket_empty"] = web::basket_empty(app);
    j["seats_held"] = web::basket_seats_held(app);
    g_out = j.dump();
    return g_out.c_str();
}

EMSCRIPTEN_KEEPALIVE int encore_select_instance(const char* instance_id) {
    return instance_id && web::choose_instance(web::the_app(), instance_id) ? 1 : 0;
}

// {"x","y","w","h","visible"} of a widget the UI named (CSS pixels), e.g. "checkout", "pay", "card_number".
EMSCRIPTEN_KEEPALIVE const char* encore_widget_rect(const char* name) {
    nlohmann::json j = {{"visible", false}};
    if (auto it = name ? g_widgets.find(name) : g_widgets.end(); it != g_widgets.end()) {
        const web::WidgetRect& r = it->second.rect;
        double dpr = web::the_app().dpr > 0 ? web::the_app().dpr : 1;
        j = {{"x", r.x / dpr}, {"y", r.y / dpr}, {"w", r.w / dpr}, {"h", r.h / dpr}, {"visible", it->second.frame == g_widget_frame}};
    }
    g_out = j.dump();
    return g_out.c_str();
}

// What the "Log in" button does with the form's fields.
EMSCRIPTEN_KEEPALIVE void encore_log_in(const char* email, const char* password) {
    web::log_in(web::the_app(), web::page_services(), email ? email : "", password ? password : "");
}

// Opens the checkout and presses "Pay" with this method ("card"/"invoice") and card fields, like the UI.
EMSCRIPTEN_KEEPALIVE void encore_place_order(const char* method, const char* number, const char* expiry, const char* cvc) {
    web::AppState& app = web::the_app();
    web::CheckoutState& co = app.checkout;
    co.open = true;
    co.method = method && std::string(method) == "invoice" ? web::PayMethod::invoice : web::PayMethod::card;
    co.card_number = number ? number : "";
    co.card_expiry = expiry ? expiry : "";
    co.card_cvc = cvc ? cvc : "";
    web::place_order(app, web::page_services());
}

}  // extern "C"
