// The checkout requests and their answers; every price sent is the core's (basket_pricing), never the page's.
#include "checkout_client.hpp"

#include <algorithm>
#include <cctype>

#include "account_client.hpp"
#include "basket_pricing.hpp"
#include "encore/pricing_json.hpp"
#include "http.hpp"
#include "problem_text.hpp"

namespace web {

namespace {

std::string g_card_token;     // the token of the card last saved ...
std::string g_card_for;       // ... and the fields it was saved from, so a retry does not save it again

std::string digits_only(const std::string& s) {
    std::string out;
    for (char c : s)
        if (std::isdigit(static_cast<unsigned char>(c))) out += c;
    return out;
}

void order_answered(AppState& app, const HttpAnswer& a) {
    CheckoutState& co = app.checkout;
    co.step = CheckoutStep::idle;
    co.attempt_unanswered = a.status == 0 || a.status >= 500;
    if (a.ok() && a.json.is_object()) {
        const nlohmann::json& o = a.json.contains("order") ? a.json["order"] : a.json;
        auto text = [&](const char* key) { return o.contains(key) && o[key].is_string() ? o[key].get<std::string>() : std::string(); };
        co.reference = text("reference");
        co.status = text("status");
        co.total_text = text("total_text");
        co.total = o.contains("total") && o["total"].is_number_integer() ? o["total"].get<std::int64_t>() : 0;
        co.due_at = text("due_at");
        co.error.clear();
        co.error_code.clear();
        co.card_number[0] = co.card_expiry[0] = co.card_cvc[0] = '\0';
        g_card_token.clear(), g_card_for.clear();
        forget_basket(app);  // the order used the hold: its seats are now reserved or sold
        app.availability_poll_now = true;
        refresh_customer(app);
        return;
    }
    co.error = problem_words(a, "place your order");
    co.error_code = a.code();
    if (co.error_code == "hold_not_found") forget_basket(app);
    if (co.error_code == "price_changed") refresh_customer(app);
    app.availability_poll_now = true;
}

void send_order(AppState& app, const nlohmann::json& payment) {
    const encore::PricedBasket& priced = priced_basket(app);
    nlohmann::json body = {{"basket", encore::basket_to_json(current_basket(app))},
                           {"holds", nlohmann::json::array({app.hold.token})},
                           {"expected", expected_totals(priced)},
                           {"payment", payment}};
    std::string text = body.dump();
    CheckoutState& co = app.checkout;
    if (!(co.attempt_unanswered && text == co.attempt_body) || co.idempotency_key.empty()) co.idempotency_key = random_uuid();
    co.attempt_body = text;
    co.attempt_unanswered = true;
    co.step = CheckoutStep::placing_order;
    http_send("POST", "/api/orders", text, [](const HttpAnswer& a) { order_answered(the_app(), a); }, co.idempotency_key);
}

}  // namespace

std::string checkout_blocker(const AppState& app) {
    if (app.picks.empty()) return "Choose your seats first.";
    if (!app.hold.queue.empty() || app.hold.in_flight ||
        std::any_of(app.picks.begin(), app.picks.end(), [](const Pick& p) { return !p.held; }))
        return "Holding your seats…";
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

void place_order(AppState& app) {
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
        send_order(app, {{"method", "invoice"}});
        return;
    }
    std::string number = digits_only(co.card_number);
    std::string fields = number + "|" + co.card_expiry + "|" + co.card_cvc;
    if (!g_card_token.empty() && fields == g_card_for) {
        send_order(app, {{"method", "card"}, {"card_token", g_card_token}});
        return;
    }
    co.step = CheckoutStep::saving_card;
    nlohmann::json card = {{"number", number}, {"expiry", co.card_expiry}, {"cvc", co.card_cvc}};
    http_send("POST", "/api/me/cards", card.dump(), [fields](const HttpAnswer& a) {
        AppState& app = the_app();
        CheckoutState& co = app.checkout;
        const nlohmann::json* c = a.json.is_object() && a.json.contains("card") ? &a.json["card"] : &a.json;
        if (!a.ok() || !c->is_object() || !c->contains("token") || !(*c)["token"].is_string()) {
            co.step = CheckoutStep::idle;
            co.error = a.ok() ? "The card could not be saved." : problem_words(a, "check your card");
            co.error_code = a.code();
            return;
        }
        g_card_token = (*c)["token"].get<std::string>();
        g_card_for = fields;
        send_order(app, {{"method", "card"}, {"card_token", g_card_token}});
    });
}

std::string order_status_words(const AppState& app) {
    const CheckoutState& co = app.checkout;
    if (co.status == "paid") return "Paid";
    if (co.status == "reserved") {
        std::string when = co.due_at;
        if (std::optional<encore::Instant> t = encore::parse_instant(co.due_at)) when = encore::describe_utc_time(*t);
        return when.empty() ? "Reserved — pay by invoice" : "Reserved — pay by " + when;
    }
    if (co.status.empty()) return "";
    std::string s = co.status;
    s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

}  // namespace web
