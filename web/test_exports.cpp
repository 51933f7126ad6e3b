// Functions the browser tests call through Module: frame count, a JSON snapshot of the client state,
// a seat's on-screen position (CSS pixels, for page.mouse) and choosing a performance.
#include <emscripten/emscripten.h>

#include <string>

#include <nlohmann/json.hpp>

#include "app_state.hpp"
#include "canvas_size.hpp"
#include "encore/money.hpp"
#include "seat_map_view.hpp"

namespace web {
int frames_drawn();  // main.cpp
}

namespace {

std::string g_out;  // the last JSON handed to JavaScript; valid until the next export call

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

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE int encore_frame_count() { return web::frames_drawn(); }

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
                              {"price_text", price ? nlohmann::json(encore::format_money(*price)) : nlohmann::json(nullptr)}});
        }
    j["selection"] = picked;
    encore::Money total = web::selection_total(app);
    j["total"] = total.minor;
    j["total_text"] = encore::format_money(total);
    j["zoom"] = app.view.zoom();
    j["seat_count"] = venue ? venue->plan.seats.size() : 0;
    j["available_count"] = web::available_count(app);
    j["dpr"] = app.dpr;
    const web::CanvasSize& size = web::canvas_size();
    j["canvas"] = {{"css_width", size.css_width}, {"css_height", size.css_height}, {"width", size.width}, {"height", size.height}};
    j["frames"] = web::frames_drawn();
    g_out = j.dump();
    return g_out.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* encore_seat_screen_pos(const char* seat_id) {
    const web::AppState& app = web::the_app();
    nlohmann::json j = {{"x", 0}, {"y", 0}, {"visible", false}};
    const encore::Venue* venue = web::current_venue(app);
    std::optional<std::uint32_t> seat = venue && seat_id ? venue->plan.seat_index(encore::SeatId{seat_id}) : std::nullopt;
    if (seat) {
        if (std::optional<ImVec2> p = web::seat_screen_position(app, *seat)) {
            double dpr = app.dpr > 0 ? app.dpr : 1;
            j["x"] = p->x / dpr;
            j["y"] = p->y / dpr;
            j["visible"] = app.view.contains(p->x, p->y);
        }
    } else {
        j["error"] = "unknown seat";
    }
    g_out = j.dump();
    return g_out.c_str();
}

EMSCRIPTEN_KEEPALIVE int encore_select_instance(const char* instance_id) {
    return instance_id && web::choose_instance(web::the_app(), instance_id) ? 1 : 0;
}

}  // extern "C"
