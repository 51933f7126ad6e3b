// The checkout requests and their answers; every price sent is the core's (basket_pricing), never the page's.
#include "logic/checkout_client.hpp"

#include <algorithm>
#include <cctype>

#include "encore/pricing_json.hpp"
#include "logic/account_client.hpp"
#include "logic/basket_pricing.hpp"
#include "logic/order_view.hpp"
#include "logic/problem_text.hpp"
#include "logic/season_basket.hpp"

namespace web {

namespace {

std::string digits_only(const std::string& s) {
    std::string out;
    for (char c : s)
        if (std::isdigit(static_cast<unsigned char>(c))) out += c;
    return out;
}

void order_answered(AppState& app, HttpClient& http, const HttpAnswer& a) {
    CheckoutState& co = app.checkout;
    co.step = CheckoutStep::idle;
    co.attempt_unanswered = a.status == 0 || a.status >= 500;
    if (a.ok() && a.json().is_object()) {
        const nlohmann::json& o = a.json().contains("order") ? a.json()["order"] : a.json();
        auto text = [&](const char* key) { return o.contains(key) && o[key].is_string() ? o[key].get<std::string>() : std::string(); };
        co.reference = text("reference");
        co.status = text("status");
        co.total_text = text("total_text");
        co.total = o.contains("total") && o["total"].is_number_integer() ? o["total"].get<std::int64_t>() : 0;
        co.due_at = text("due_at");
        co.error.clear();
        co.error_code.clear();
        co.card_number.clear(), co.card_expiry.clear(), co.card_cvc.clear();
        co.card_token.clear(), co.card_saved_from.clear();
        co.open = false;
        show_placed_order(app, o);  // the confirmation is the order view
        forget_basket(app);  // the order used the hold: its seats are now reserved or sold
        season_order_placed(app, o);
        app.availability_poll_now = true;
        refresh_customer(app, http);
        return;
    }
    co.error = problem_words(a, "place your order");
    co.error_code = a.code();
    std::optional<encore::ApiProblem> problem = a.problem();
    if (problem == encore::ApiProblem::hold_not_found) forget_basket(app);
    if (problem == encore::ApiProblem::price_changed) {
        refresh_customer(app, http);
        app.season.offers.refresh_now = true;
    }
    app.availability_poll_now = true;
}

void send_order(AppState& app, Services& services, const nlohmann::json& payment) {
    const encore::PricedBasket& priced = priced_basket(app);
    nlohmann::json body = {{"basket", encore::basket_to_json(current_basket(app))},
                           {"holds", app.hold.token.empty() ? nlohmann::json::array() : nlohmann::json::array({app.hold.token})},
                           {"expected", expected_totals(priced)},
                           {"payment", payment}};
    std::string text = body.dump();
    CheckoutState& co = app.checkout;
    if (!(co.attempt_unanswered && text == co.attempt_body) || co.idempotency_key.empty())
        co.idempotency_key = services.new_idempotency_key();
    co.attempt_body = text;
    co.attempt_unanswered = true;
    co.step = CheckoutStep::placing_order;
    HttpRequest request{.method = "POST", .url = "/api/orders", .body = text, .bearer_token = app.account.token,
                        .idempotency_key = co.idempotency_key};
    services.http.send(std::move(request), [&app, &services](const HttpAnswer& a) { order_answered(app, services.http, a); });
}

}  // namespace

std::string checkout_blocker(const AppState& app) {
    if (basket_empty(app)) return "Choose your seats first.";
    if (!basket_seats_held(app)) return "Holding your seats…";
    if (app.account.token.empty()) return "Log in or create an account to pay.";
    const encore::PricedBasket& priced = priced_basket(app);
    if (!priced.valid) return priced.problems.empty() ? "This basket cannot be bought." : priced.problems.front().message;
    return "";
}

void reset_checkout_result(AppState& app) {
    CheckoutState& co = app.checkout;
    co.reference.clear(), co.status.clear(), co.total_text.clear(), co.due_at.clear();
    co.error.clear(), co.error_code.clear();
    co.total = 0;
}

void place_order(AppState& app, Services& services) {
    CheckoutState& co = app.checkout;
    if (co.step != CheckoutStep::idle) return;
    std::string blocker = checkout_blocker(app);
    if (!blocker.empty()) {
        co.error = blocker;
        return;
    }
    co.error.clear(), co.error_code.clear();
    co.reference.clear(), co.status.clear();
    if (co.method == PayMethod::invoice) {
        send_order(app, services, {{"method", "invoice"}});
        return;
    }
    std::string number = digits_only(co.card_number);
    std::string fields = number + "|" + co.card_expiry + "|" + co.card_cvc;
    if (!co.card_token.empty() && fields == co.card_saved_from) {
        send_order(app, services, {{"method", "card"}, {"card_token", co.card_token}});
        return;
    }
    co.step = CheckoutStep::saving_card;
    nlohmann::json card = {{"number", number}, {"expiry", co.card_expiry}, {"cvc", co.card_cvc}};
    HttpRequest request{.method = "POST", .url = "/api/me/cards", .body = card.dump(), .bearer_token = app.account.token};
    services.http.send(std::move(request), [&app, &services, fields](const HttpAnswer& a) {
        CheckoutState& co = app.checkout;
        const nlohmann::json& body = a.json();
        const nlohmann::json* c = body.is_object() && body.contains("card") ? &body["card"] : &body;
        if (!a.ok() || !c->is_object() || !c->contains("token") || !(*c)["token"].is_string()) {
            co.step = CheckoutStep::idle;
            co.error = a.ok() ? "The card could not be saved." : problem_words(a, "check your card");
            co.error_code = a.code();
            return;
        }
        co.card_token = (*c)["token"].get<std::string>();
        co.card_saved_from = fields;
        send_order(app, services, {{"method", "card"}, {"card_token", co.card_token}});
    });
}

}  // namespace web
