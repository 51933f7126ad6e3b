// GET /api/orders/{reference} and the order view's phases.
#include "logic/order_view.hpp"

#include "logic/app_state.hpp"
#include "logic/problem_text.hpp"
#include "logic/uri.hpp"

namespace web {

namespace {

void load(AppState& app, Services& services) {
    OrderViewState& v = app.page.order;
    v.phase = OrderViewState::Phase::loading;
    v.error.clear();
    const int serial = ++v.serial;
    services.http.send({.url = "/api/orders/" + uri_component(v.reference), .bearer_token = app.account.token},
                       [&app, serial](const HttpAnswer& a) {
                           OrderViewState& v = app.page.order;
                           if (serial != v.serial || v.phase != OrderViewState::Phase::loading) return;
                           const nlohmann::json& body = a.json();
                           if (a.ok() && body.is_object() && body.contains("order") && body["order"].is_object()) {
                               v.order = body["order"];
                               v.phase = OrderViewState::Phase::shown;
                           } else if (a.status == 401) {
                               v.phase = OrderViewState::Phase::needs_sign_in;
                           } else {
                               v.phase = OrderViewState::Phase::failed;
                               v.error = a.status == 404 ? "There is no order " + v.reference +
                                                               " in your account. Check the reference, or log in as the "
                                                               "customer who placed it."
                                                         : problem_words(a, "show this order");
                           }
                       });
}

}  // namespace

void open_order(AppState& app, Services& services, const std::string& reference) {
    OrderViewState& v = app.page.order;
    v = OrderViewState{.reference = reference, .serial = v.serial};
    if (app.account.token.empty()) v.phase = OrderViewState::Phase::needs_sign_in;
    else load(app, services);
}

void show_placed_order(AppState& app, const nlohmann::json& order) {
    OrderViewState& v = app.page.order;
    v = OrderViewState{.phase = OrderViewState::Phase::shown, .reference = order_display_reference(order), .order = order,
                       .just_placed = true, .serial = v.serial + 1};
}

void close_order(AppState& app) {
    OrderViewState& v = app.page.order;
    v = OrderViewState{.serial = v.serial + 1};
}

void pump_order_view(AppState& app, Services& services) {
    OrderViewState& v = app.page.order;
    if (v.phase == OrderViewState::Phase::needs_sign_in && !app.account.token.empty()) load(app, services);
}

std::string order_display_reference(const nlohmann::json& order) {
    if (order.contains("short_reference") && order["short_reference"].is_string()) return order["short_reference"];
    return order.contains("reference") && order["reference"].is_string() ? order["reference"].get<std::string>() : "";
}

}  // namespace web
