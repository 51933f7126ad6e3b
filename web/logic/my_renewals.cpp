// The customer's renewal records and acts; the server decides what is offered (the record's `actions`) and
// refuses the rest with a problem this page puts in words.
#include "logic/my_renewals.hpp"

#include "logic/app_state.hpp"
#include "logic/problem_text.hpp"

namespace web {

namespace {

using nlohmann::json;

std::string text(const json& o, const char* key) {
    return o.is_object() && o.contains(key) && o[key].is_string() ? o[key].get<std::string>() : std::string();
}

MyRenewal renewal_from(const json& r) {
    MyRenewal m;
    m.id = r.value("id", std::int64_t{0});
    m.status = text(r, "status");
    if (r.contains("package") && r["package"].is_object()) m.package_name = text(r["package"], "name");
    if (r.contains("group") && r["group"].is_object()) m.group_name = text(r["group"], "name");
    if (r.contains("seats") && r["seats"].is_array())
        for (const json& s : r["seats"]) m.seats_text += (m.seats_text.empty() ? "" : "; ") + (text(s, "name").empty() ? text(s, "seat") : text(s, "name"));
    if (r.contains("dates") && r["dates"].is_object()) m.renewal_ends = text(r["dates"], "renewal_ends");
    if (r.contains("auto_renew") && r["auto_renew"].is_object()) m.auto_renew = r["auto_renew"].value("on", false);
    for (const json& a : r.value("actions", json::array())) {
        const std::string action = text(a, "action");
        if (action == "renew" && a.value("instalments", 0) == 1) m.renew_amount = a.value("amount", std::int64_t{0}), m.renew_amount_text = text(a, "amount_text");
        if (action == "decline") m.can_decline = true;
        if (action == "auto_renew_on") m.can_auto_renew_on = true;
        if (action == "auto_renew_off") m.can_auto_renew_off = true;
    }
    if (!m.renew_amount)
        for (const json& u : r.value("unavailable", json::array()))
            if (m.unavailable.empty()) m.unavailable = text(u, "message");
    return m;
}

void read(AppState& app, Services& services) {
    MyRenewalsState& st = app.my_renewals;
    const std::string token = app.account.token;
    st.token = token;
    st.state = MyRenewalsState::State::loading;
    services.http.send({.url = "/api/me/subscriber-records", .bearer_token = token}, [&app, token](const HttpAnswer& a) {
        MyRenewalsState& st = app.my_renewals;
        if (st.token != token) return;
        if (!a.ok()) {
            st.state = MyRenewalsState::State::error;
            st.error = problem_words(a, "read your subscriptions");
            return;
        }
        st.records.clear();
        for (const json& r : a.json().value("subscriber_records", json::array())) st.records.push_back(renewal_from(r));
        st.state = MyRenewalsState::State::ready;
    });
    services.http.send({.url = "/api/me/cards", .bearer_token = token}, [&app, token](const HttpAnswer& a) {
        if (app.my_renewals.token != token || !a.ok()) return;
        const json cards = a.json().value("cards", json::array());
        app.my_renewals.card_token = cards.empty() ? std::string() : text(cards.back(), "token");
    });
}

}  // namespace

void load_my_renewals(AppState& app, Services& services) {
    MyRenewalsState& st = app.my_renewals;
    if (app.account.token.empty()) {
        st = {};
        return;
    }
    if (st.token == app.account.token && st.state != MyRenewalsState::State::none) return;
    read(app, services);
}

void act_on_my_renewal(AppState& app, Services& services, std::int64_t record, const std::string& action) {
    MyRenewalsState& st = app.my_renewals;
    st.message.clear(), st.error.clear();
    const MyRenewal* r = nullptr;
    for (const MyRenewal& m : st.records)
        if (m.id == record) r = &m;
    if (!r) return;
    json body = {{"action", action}};
    if (action == "renew") {
        if (!r->renew_amount) {
            st.error = r->unavailable.empty() ? "This subscription cannot be renewed now." : r->unavailable;
            return;
        }
        body["instalments"] = 1;
        body["expected_amount"] = *r->renew_amount;
        if (*r->renew_amount > 0) {
            if (st.card_token.empty()) {
                st.error = "Renewing takes a card stored with us: buy with a card once, or ask the box office.";
                return;
            }
            body["payment"] = {{"method", "card"}, {"card_token", st.card_token}};
        }
    }
    if (action == "auto_renew_on") body["instalments"] = 1;
    ++st.busy;
    HttpRequest request{.method = "POST", .url = "/api/me/subscriber-records/" + std::to_string(record) + "/actions", .body = body.dump(),
                        .bearer_token = app.account.token, .idempotency_key = services.new_idempotency_key()};
    services.http.send(std::move(request), [&app, &services, action](const HttpAnswer& a) {
        MyRenewalsState& st = app.my_renewals;
        --st.busy;
        if (!a.ok()) {
            st.error = problem_words(a, "change your subscription");
            return;
        }
        if (action == "renew") st.message = "Renewed: your seats are yours for next season.";
        else if (action == "decline") st.message = "Noted: you will not renew. Your seats are kept until the renewal closes.";
        else if (action == "auto_renew_on") st.message = "Auto-renew is on: your stored card is charged when renewal opens.";
        else st.message = "Auto-renew is off.";
        read(app, services);
    });
}

std::string my_renewal_action_label(const MyRenewal& r, const std::string& action) {
    if (action == "renew") return "Renew · " + r.renew_amount_text;
    if (action == "decline") return "I do not wish to renew";
    if (action == "auto_renew_on") return "Turn auto-renew on";
    return "Turn auto-renew off";
}

}  // namespace web
