// The staff requests and their answers. Prices sent are the core's for the customer served (their pricing
// document from GET /api/staff/customers/{id}) at the box-office channel; seats are the core's best available.
#include "logic/staff_client.hpp"

#include <algorithm>
#include <cctype>

#include "encore/best_available.hpp"
#include "encore/composite.hpp"
#include "encore/pricing.hpp"
#include "encore/pricing_json.hpp"
#include "encore/entitlements.hpp"
#include "encore/product_sale.hpp"
#include "logic/basket_pricing.hpp"
#include "logic/order_view.hpp"
#include "logic/problem_text.hpp"
#include "logic/staff_words.hpp"
#include "logic/uri.hpp"

namespace web {

namespace {

using nlohmann::json;

std::string text(const json& o, const char* key) {
    return o.is_object() && o.contains(key) && o[key].is_string() ? o[key].get<std::string>() : std::string();
}

std::int64_t integer(const json& o, const char* key) {
    return o.is_object() && o.contains(key) && o[key].is_number_integer() ? o[key].get<std::int64_t>() : 0;
}

std::string trimmed(const std::string& s) {
    std::size_t a = s.find_first_not_of(" \t\r\n"), b = s.find_last_not_of(" \t\r\n");
    return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
}

std::string digits_only(const std::string& s) {
    std::string out;
    for (char c : s)
        if (std::isdigit(static_cast<unsigned char>(c))) out += c;
    return out;
}

StaffCustomerHit hit_from(const json& a) { return {integer(a, "id"), text(a, "name"), text(a, "email")}; }

StaffOrderRow order_from(const AppState& app, const json& o) {
    StaffOrderRow row{text(o, "reference"), text(o, "short_reference"), text(o, "status"), text(o, "total_text"),
                      text(o, "payment_method"), text(o, "due_at"), {}};
    if (o.contains("performances") && o["performances"].is_array())
        for (const json& p : o["performances"])
            row.lines.push_back(staff_performance_words(app, text(p, "instance"),
                                                        p.contains("seats") && p["seats"].is_array() ? static_cast<int>(p["seats"].size()) : 0));
    if (o.contains("lines") && o["lines"].is_array())
        for (const json& l : o["lines"])
            if (text(l, "kind") == "pass" || text(l, "kind") == "membership") row.lines.push_back(text(l, "description") + " · " + text(l, "total_text"));
    return row;
}

StaffRecord record_from(const json& r) {
    StaffRecord rec;
    rec.id = integer(r, "id");
    rec.status = text(r, "status");
    if (r.contains("package") && r["package"].is_object()) rec.package = text(r["package"], "id"), rec.package_name = text(r["package"], "name");
    if (r.contains("group") && r["group"].is_object()) rec.group = text(r["group"], "id"), rec.group_name = text(r["group"], "name");
    if (r.contains("seats") && r["seats"].is_array())
        for (const json& s : r["seats"]) {
            rec.seat_ids.push_back(text(s, "seat"));
            rec.seats_text += (rec.seats_text.empty() ? "" : "; ") + (text(s, "name").empty() ? text(s, "seat") : text(s, "name"));
        }
    if (r.contains("actions") && r["actions"].is_array())
        for (const json& a : r["actions"]) {
            if (text(a, "action") == "renew" && integer(a, "instalments") == 1)
                rec.renew_amount = integer(a, "amount"), rec.renew_amount_text = text(a, "amount_text");
            if (text(a, "action") == "change_seats") rec.can_change_seats = true;
        }
    if (!rec.renew_amount && r.contains("unavailable") && r["unavailable"].is_array())
        for (const json& u : r["unavailable"])
            if (rec.unavailable.empty()) rec.unavailable = text(u, "message");
    return rec;
}

void take_customer(AppState& app, const json& doc) {
    StaffCustomer c;
    c.account = hit_from(doc.value("account", json::object()));
    encore::Problems problems;
    if (doc.contains("customer"))
        if (std::optional<encore::Customer> pricing = encore::customer_from_json(doc["customer"], problems)) c.pricing = std::move(*pricing);
    for (const json& o : doc.value("orders", json::array())) c.orders.push_back(order_from(app, o));
    for (const json& k : doc.value("cards", json::array())) c.cards.push_back({text(k, "token"), text(k, "brand"), text(k, "last4"), text(k, "expires")});
    for (const json& r : doc.value("subscriber_records", json::array())) c.records.push_back(record_from(r));
    for (const json& h : doc.value("holds", json::array()))
        c.holds.push_back({text(h, "token"), text(h, "kind"), text(h, "expires_at"),
                           h.contains("seats") && h["seats"].is_array() ? static_cast<int>(h["seats"].size()) : 0});
    for (const json& p : doc.value("passes", json::array()))
        c.owned.push_back(text(p, "name") + " · code " + text(p, "code") + " · " + std::to_string(integer(p, "remaining")) + " left");
    for (const json& m : doc.value("memberships", json::array()))
        c.owned.push_back(text(m, "name") + (m.value("active", false) ? " · active" : " · not active"));
    StaffState& st = app.staff;
    if (st.sale.card_token.empty() && !c.cards.empty()) st.sale.card_token = c.cards.front().token;
    st.customer = std::move(c);
}

// Counts one request under way; the answer decrements it.
template <typename F>
HttpDone answered(AppState& app, F&& handle) {
    ++app.staff.busy;
    return [&app, handle = std::forward<F>(handle)](const HttpAnswer& a) {
        --app.staff.busy;
        handle(a);
    };
}

HttpRequest staff_request(const AppState& app, std::string method, std::string url, std::string body = {}) {
    return {.method = std::move(method), .url = std::move(url), .body = std::move(body), .bearer_token = app.account.token};
}

std::string customer_path(const AppState& app) {
    return "/api/staff/customers/" + std::to_string(app.staff.customer ? app.staff.customer->account.id : 0);
}

const encore::Venue* venue_of(const encore::Catalog& catalog, const encore::Instance& inst) { return catalog.find_venue(inst.venue); }

std::vector<std::string> seat_ids(const encore::SeatingPlan& plan, const std::vector<std::uint32_t>& seats) {
    std::vector<std::string> out;
    for (std::uint32_t s : seats) out.push_back(plan.seats[s].id.value);
    return out;
}

encore::Basket sale_basket(const AppState& app, const std::vector<std::string>& seats) {
    const StaffSale& sale = app.staff.sale;
    encore::Basket basket{.channel = encore::Channel::box_office, .lines = {}};
    const encore::Catalog& cat = *app.catalog;
    switch (sale.kind) {
        case StaffSaleKind::ticket: {
            const encore::Instance* inst = cat.find_instance(encore::InstanceId{sale.product});
            const encore::Venue* venue = inst ? venue_of(cat, *inst) : nullptr;
            if (!venue) break;
            for (const std::string& s : seats) {
                encore::BasketLine line{.kind = encore::LineKind::ticket, .instance = inst->id, .seat = encore::SeatId{s}};
                if (auto index = venue->plan.seat_index(line.seat))
                    line.ticket_type = cat.default_ticket_type(*inst, *index).value_or(app.ticket_type);
                basket.lines.push_back(line);
            }
            break;
        }
        case StaffSaleKind::series:
            for (const std::string& s : seats)
                basket.lines.push_back({.kind = encore::LineKind::series, .seat = encore::SeatId{s}, .product = encore::ProductId{sale.product},
                                        .group = encore::SeriesGroupId{sale.group}});
            break;
        case StaffSaleKind::pass: basket.lines.push_back({.kind = encore::LineKind::pass, .product = encore::ProductId{sale.product}}); break;
        case StaffSaleKind::membership:
            basket.lines.push_back({.kind = encore::LineKind::membership, .product = encore::ProductId{sale.product}});
            break;
    }
    return basket;
}

void order_answered(AppState& app, Services& services, const HttpAnswer& a) {
    StaffState& st = app.staff;
    st.sale.attempt_unanswered = a.status == 0 || a.status >= 500;
    if (!a.ok()) {
        st.error = problem_words(a, "sell this");
        return;
    }
    const json& o = a.json().contains("order") ? a.json()["order"] : a.json();
    const std::string method = o.contains("payment") ? text(o["payment"], "method") : text(o, "payment_method");
    st.last_order = StaffOrderResult{text(o, "reference"), text(o, "short_reference"), text(o, "status"), text(o, "total_text"), method,
                                     text(o, "due_at")};
    st.message = staff_sold_words(*st.last_order);
    st.sale.card_number.clear(), st.sale.card_expiry.clear(), st.sale.card_cvc.clear();
    st.step = StaffStep::customer;
    staff_reload_customer(app, services);
}

void send_order(AppState& app, Services& services, const std::vector<std::string>& seats, const std::vector<std::string>& holds,
                const json& payment) {
    StaffState& st = app.staff;
    if (!st.customer) return;
    encore::Basket basket = sale_basket(app, seats);
    encore::PricedBasket priced = encore::price_basket(*app.catalog, basket, st.customer->pricing, app.now);
    if (!priced.valid) {
        st.error = priced.problems.empty() ? "This cannot be sold now." : priced.problems.front().message;
        return;
    }
    json body = {{"basket", encore::basket_to_json(basket)}, {"holds", holds}, {"expected", expected_totals(priced)}, {"payment", payment}};
    std::string text_body = body.dump();
    if (!(st.sale.attempt_unanswered && text_body == st.sale.attempt_body) || st.sale.idempotency_key.empty())
        st.sale.idempotency_key = services.new_idempotency_key();
    st.sale.attempt_body = text_body;
    st.sale.attempt_unanswered = true;
    HttpRequest request = staff_request(app, "POST", customer_path(app) + "/orders", text_body);
    request.idempotency_key = st.sale.idempotency_key;
    services.http.send(std::move(request), answered(app, [&app, &services](const HttpAnswer& a) { order_answered(app, services, a); }));
}

// Pays as chosen: invoice, the stored card, or a new card stored for the customer first.
void pay_and_order(AppState& app, Services& services, std::vector<std::string> seats, std::vector<std::string> holds) {
    StaffSale& sale = app.staff.sale;
    if (sale.payment == StaffPayment::invoice) return send_order(app, services, seats, holds, {{"method", "invoice"}});
    if (sale.payment == StaffPayment::stored_card)
        return send_order(app, services, seats, holds, {{"method", "card"}, {"card_token", sale.card_token}});
    json card = {{"number", digits_only(sale.card_number)}, {"expiry", sale.card_expiry}, {"cvc", sale.card_cvc}};
    services.http.send(staff_request(app, "POST", customer_path(app) + "/cards", card.dump()),
                       answered(app, [&app, &services, seats, holds](const HttpAnswer& a) {
                           const json& c = a.json().is_object() && a.json().contains("card") ? a.json()["card"] : a.json();
                           if (!a.ok() || text(c, "token").empty()) {
                               app.staff.error = problem_words(a, "store the card");
                               return;
                           }
                           app.staff.sale.card_token = text(c, "token");
                           app.staff.sale.payment = StaffPayment::stored_card;
                           send_order(app, services, seats, holds, {{"method", "card"}, {"card_token", app.staff.sale.card_token}});
                       }));
}

// The selectable seats of a performance's plan from its availability answer.
std::optional<std::vector<bool>> open_seats(const encore::SeatingPlan& plan, const json& doc) {
    if (!doc.is_object() || !doc.contains("seats") || !doc["seats"].is_string()) return std::nullopt;
    auto states = encore::decode_seat_states(doc["seats"].get<std::string>(), plan.seats.size());
    if (!states) return std::nullopt;
    std::vector<bool> open(states->size());
    for (std::size_t i = 0; i < states->size(); ++i) open[i] = (*states)[i] == encore::SeatState::open;
    return open;
}

// One seat free at every performance of a series group, from GET /api/series/{s}/groups/{g}/availability.
std::optional<std::string> best_series_seat(const AppState& app, const encore::SeriesGroup& group, const json& doc, std::string& why) {
    std::vector<encore::Availability> states;
    for (const json& entry : doc.value("instances", json::array())) {
        const encore::Instance* inst = app.catalog->find_instance(encore::InstanceId{text(entry, "instance")});
        const encore::Venue* venue = inst ? venue_of(*app.catalog, *inst) : nullptr;
        if (!venue || !entry.contains("seats") || !entry["seats"].is_string()) continue;
        auto seats = encore::decode_seat_states(entry["seats"].get<std::string>(), venue->plan.seats.size());
        if (seats) states.push_back({inst->id, integer(entry, "version"), std::move(*seats)});
    }
    if (states.size() != group.instances.size()) {
        why = "The seats of this series' performances could not be read.";
        return std::nullopt;
    }
    encore::CompositeAvailability composite = encore::composite_availability(*app.catalog, states);
    if (composite.plans.empty()) {
        why = "The seats of this series' performances could not be read.";
        return std::nullopt;
    }
    const encore::Venue* venue = app.catalog->find_venue(composite.plans.front().venue);
    std::vector<bool> open;
    for (const encore::CompositeSeat& s : composite.plans.front().seats) open.push_back(s.state == encore::SeatState::open);
    encore::SeatProposal proposal = encore::best_available(venue->plan, open, {.seats = 1});
    if (proposal.seats.empty()) {
        why = proposal.reason;
        return std::nullopt;
    }
    return venue->plan.seats[proposal.seats.front()].id.value;
}

// Asks for the series group's seats, then runs `then` with the best seat.
template <typename Then>
void with_series_seat(AppState& app, Services& services, const std::string& series, const std::string& group_id, Then then) {
    const encore::FixedSeries* s = app.catalog->find_series(encore::ProductId{series});
    const encore::SeriesGroup* group = nullptr;
    if (s)
        for (const encore::SeriesGroup& g : s->groups)
            if (g.id.value == group_id) group = &g;
    if (!group) {
        app.staff.error = "Choose the series' day first.";
        return;
    }
    services.http.send(staff_request(app, "GET", "/api/series/" + uri_component(series) + "/groups/" + uri_component(group_id) + "/availability"),
                       answered(app, [&app, group, then](const HttpAnswer& a) {
                           if (!a.ok()) {
                               app.staff.error = problem_words(a, "read the series' seats");
                               return;
                           }
                           std::string why;
                           std::optional<std::string> seat = best_series_seat(app, *group, a.json(), why);
                           if (!seat) {
                               app.staff.error = why;
                               return;
                           }
                           then(*seat);
                       }));
}

const StaffRecord* find_record(const StaffState& st, std::int64_t id) {
    if (st.customer)
        for (const StaffRecord& r : st.customer->records)
            if (r.id == id) return &r;
    return nullptr;
}

const StaffHold* series_hold(const AppState& app) {
    if (!app.staff.customer) return nullptr;
    for (const StaffHold& h : app.staff.customer->holds)
        if (h.kind == "subscription") return &h;
    return nullptr;
}

}  // namespace

bool staff_mode(const AppState& app) {
    return !app.account.token.empty() && (app.account.role == "staff" || app.account.role == "admin");
}

void staff_search(AppState& app, Services& services) {
    StaffState& st = app.staff;
    std::string q = trimmed(st.query);
    st.error.clear(), st.message.clear();
    if (q.size() < 2) {
        st.error = "Type at least two letters of a name or an email, or an order reference.";
        return;
    }
    services.http.send(staff_request(app, "GET", "/api/staff/customers?q=" + uri_component(q)), answered(app, [&app](const HttpAnswer& a) {
        StaffState& st = app.staff;
        if (!a.ok()) {
            st.error = problem_words(a, "find the customer");
            return;
        }
        st.hits.clear();
        for (const json& c : a.json().value("customers", json::array())) st.hits.push_back(hit_from(c));
        st.searched = true;
    }));
}

void staff_create_customer(AppState& app, Services& services) {
    StaffState& st = app.staff;
    st.error.clear(), st.message.clear();
    json body = {{"email", trimmed(st.new_email)}, {"name", trimmed(st.new_name)}};
    services.http.send(staff_request(app, "POST", "/api/staff/customers", body.dump()), answered(app, [&app, &services](const HttpAnswer& a) {
        StaffState& st = app.staff;
        if (!a.ok()) {
            st.error = problem_words(a, "create the customer");
            return;
        }
        StaffCustomerHit made = hit_from(a.json().value("account", json::object()));
        st.message = "Account created for " + made.name + ".";
        st.new_email.clear(), st.new_name.clear();
        staff_open_customer(app, services, made.id);
    }));
}

void staff_open_customer(AppState& app, Services& services, std::int64_t id) {
    StaffState& st = app.staff;
    int serial = ++st.serial;
    if (!st.customer || st.customer->account.id != id) {
        st.customer.reset();
        st.last_order.reset();
        st.sale.card_token.clear();
    }
    st.step = StaffStep::customer;
    services.http.send(staff_request(app, "GET", "/api/staff/customers/" + std::to_string(id)), answered(app, [&app, serial](const HttpAnswer& a) {
        if (serial != app.staff.serial) return;
        if (!a.ok()) {
            app.staff.error = problem_words(a, "open the customer");
            return;
        }
        take_customer(app, a.json());
    }));
}

void staff_reload_customer(AppState& app, Services& services) {
    if (app.staff.customer) staff_open_customer(app, services, app.staff.customer->account.id);
}

void staff_close_customer(AppState& app) {
    StaffState& st = app.staff;
    ++st.serial;
    st.customer.reset();
    st.last_order.reset();
    st.step = StaffStep::find;
    st.error.clear(), st.message.clear();
}

std::vector<std::pair<std::string, std::string>> staff_products(const AppState& app, StaffSaleKind kind) {
    std::vector<std::pair<std::string, std::string>> out;
    if (!app.catalog) return out;
    const encore::Catalog& cat = *app.catalog;
    const encore::Customer none;
    const encore::Entitlements who(cat, app.staff.customer ? app.staff.customer->pricing : none, encore::Basket{}, app.now);
    auto on_sale = [&](const encore::ProductId& id) { return encore::product_sale_status(cat, id, encore::Channel::box_office, who).may_buy; };
    switch (kind) {
        case StaffSaleKind::ticket:
            for (const encore::Instance& inst : cat.instances)
                if (app.now < inst.starts_at && encore::check_on_sale(cat, inst, encore::Channel::box_office, who).ok)
                    out.emplace_back(inst.id.value, staff_performance_words(app, inst.id.value, 0));
            break;
        case StaffSaleKind::series:
            for (const encore::FixedSeries& s : cat.fixed_series)
                if (!s.groups.empty() && on_sale(s.id)) out.emplace_back(s.id.value, s.name);
            break;
        case StaffSaleKind::pass:
            for (const encore::FlexPass& p : cat.flex_passes)
                if (on_sale(p.id)) out.emplace_back(p.id.value, p.name);
            break;
        case StaffSaleKind::membership:
            for (const encore::Membership& m : cat.memberships)
                if (on_sale(m.id)) out.emplace_back(m.id.value, m.name);
            break;
    }
    return out;
}

void staff_start_sale(AppState& app, StaffSaleKind kind) {
    StaffState& st = app.staff;
    st.sale.kind = kind;
    st.sale.product.clear(), st.sale.group.clear();
    st.error.clear(), st.message.clear();
    auto products = staff_products(app, kind);
    if (!products.empty()) st.sale.product = products.front().first;
    if (kind == StaffSaleKind::series && app.catalog)
        if (const encore::FixedSeries* s = app.catalog->find_series(encore::ProductId{st.sale.product}); s && !s->groups.empty())
            st.sale.group = s->groups.front().id.value;
    if (st.sale.payment == StaffPayment::stored_card && st.sale.card_token.empty()) st.sale.payment = StaffPayment::invoice;
    st.step = StaffStep::sell;
}

std::string staff_sale_blocker(const AppState& app) {
    const StaffState& st = app.staff;
    if (!st.customer) return "Choose the customer first.";
    if (st.busy > 0) return "Working…";
    if (st.sale.product.empty()) return "Nothing of this kind is on sale at the box office now.";
    if (st.sale.kind == StaffSaleKind::ticket && (st.sale.seats < 1 || st.sale.seats > 10)) return "Sell 1 to 10 seats at a time.";
    if (st.sale.payment == StaffPayment::stored_card && st.sale.card_token.empty()) return "This customer has no stored card.";
    if (st.sale.payment == StaffPayment::new_card && (digits_only(st.sale.card_number).size() < 12 || st.sale.card_expiry.size() < 4 ||
                                                      digits_only(st.sale.card_cvc).size() < 3))
        return "Enter the card's number, expiry and CVC.";
    return "";
}

void staff_sell(AppState& app, Services& services) {
    StaffState& st = app.staff;
    st.error = staff_sale_blocker(app);
    st.message.clear();
    if (!st.error.empty() || !app.catalog) return;
    const StaffSale& sale = st.sale;
    if (sale.kind == StaffSaleKind::pass || sale.kind == StaffSaleKind::membership) return pay_and_order(app, services, {}, {});
    if (sale.kind == StaffSaleKind::series) {
        if (const StaffHold* hold = series_hold(app)) {  // the seat held for them earlier
            std::string token = hold->token;
            services.http.send(staff_request(app, "GET", "/api/holds/" + token), answered(app, [&app, &services, token](const HttpAnswer& a) {
                json seats = a.ok() && a.json().is_object() ? a.json().value("hold", json::object()).value("seats", json::array()) : json::array();
                if (seats.empty()) {
                    app.staff.error = "The series held for this customer could not be read.";
                    return;
                }
                pay_and_order(app, services, {text(seats[0], "seat")}, {token});
            }));
            return;
        }
        with_series_seat(app, services, sale.product, sale.group,
                         [&app, &services](const std::string& seat) { pay_and_order(app, services, {seat}, {}); });
        return;
    }
    const encore::Instance* inst = app.catalog->find_instance(encore::InstanceId{sale.product});
    if (!inst) return;
    services.http.send(staff_request(app, "GET", "/api/instances/" + uri_component(sale.product) + "/availability"),
                       answered(app, [&app, &services, inst](const HttpAnswer& a) {
                           const encore::Venue* venue = venue_of(*app.catalog, *inst);
                           std::optional<std::vector<bool>> open = a.ok() && venue ? open_seats(venue->plan, a.json()) : std::nullopt;
                           if (!open) {
                               app.staff.error = a.ok() ? "The performance's seats could not be read." : problem_words(a, "read the seats");
                               return;
                           }
                           encore::SeatProposal proposal = encore::best_available(venue->plan, *open, {.seats = app.staff.sale.seats});
                           if (proposal.seats.empty()) {
                               app.staff.error = proposal.reason;
                               return;
                           }
                           pay_and_order(app, services, seat_ids(venue->plan, proposal.seats), {});
                       }));
}

void staff_hold_series(AppState& app, Services& services) {
    StaffState& st = app.staff;
    st.error.clear(), st.message.clear();
    if (!st.customer || !app.catalog || st.sale.kind != StaffSaleKind::series) return;
    std::string series = st.sale.product, group = st.sale.group;
    with_series_seat(app, services, series, group, [&app, &services, series, group](const std::string& seat) {
        json body = {{"series", series}, {"group", group}, {"seats", {seat}}};
        services.http.send(staff_request(app, "POST", customer_path(app) + "/holds", body.dump()),
                           answered(app, [&app, &services](const HttpAnswer& a) {
                               if (!a.ok()) {
                                   app.staff.error = problem_words(a, "hold the series");
                                   return;
                               }
                               app.staff.message = staff_held_words(app, a.json().value("hold", json::object()));
                               app.staff.step = StaffStep::customer;
                               staff_reload_customer(app, services);
                           }));
    });
}

void staff_mark_paid(AppState& app, Services& services, const std::string& reference) {
    StaffState& st = app.staff;
    st.error.clear(), st.message.clear();
    services.http.send(staff_request(app, "POST", "/api/orders/" + uri_component(reference) + "/mark-paid", "{}"),
                       answered(app, [&app, &services, reference](const HttpAnswer& a) {
                           if (!a.ok()) {
                               app.staff.error = problem_words(a, "mark the invoice paid");
                               return;
                           }
                           app.staff.message = "Invoice for order " + reference + " marked paid: its seats are sold.";
                           if (app.staff.last_order && (app.staff.last_order->short_reference == reference || app.staff.last_order->reference == reference))
                               app.staff.last_order->status = "paid";
                           staff_reload_customer(app, services);
                       }));
}

void staff_renew(AppState& app, Services& services, std::int64_t record) {
    StaffState& st = app.staff;
    st.error.clear(), st.message.clear();
    const StaffRecord* rec = find_record(st, record);
    if (!rec || !rec->renew_amount) {
        st.error = rec && !rec->unavailable.empty() ? rec->unavailable : "This subscription cannot be renewed now.";
        return;
    }
    json payment = st.sale.payment == StaffPayment::stored_card && !st.sale.card_token.empty()
                       ? json{{"method", "card"}, {"card_token", st.sale.card_token}}
                       : json{{"method", "recorded"}, {"reference", "paid at the counter"}};
    json body = {{"action", "renew"}, {"instalments", 1}, {"expected_amount", *rec->renew_amount}, {"payment", payment}};
    HttpRequest request = staff_request(app, "POST", "/api/staff/subscriber-records/" + std::to_string(record) + "/actions", body.dump());
    request.idempotency_key = services.new_idempotency_key();
    services.http.send(std::move(request), answered(app, [&app, &services](const HttpAnswer& a) {
        if (!a.ok()) {
            app.staff.error = problem_words(a, "renew the subscription");
            return;
        }
        app.staff.message = staff_record_done_words(a.json(), "Renewed");
        staff_reload_customer(app, services);
    }));
}

void staff_change_seats(AppState& app, Services& services, std::int64_t record) {
    StaffState& st = app.staff;
    st.error.clear(), st.message.clear();
    const StaffRecord* rec = find_record(st, record);
    if (!rec || !rec->can_change_seats) {
        st.error = "Seats cannot be changed on this subscription now.";
        return;
    }
    with_series_seat(app, services, rec->package, rec->group, [&app, &services, record, group = rec->group](const std::string& seat) {
        json body = {{"action", "change_seats"}, {"group", group}, {"seats", {seat}}};
        services.http.send(staff_request(app, "POST", "/api/staff/subscriber-records/" + std::to_string(record) + "/actions", body.dump()),
                           answered(app, [&app, &services](const HttpAnswer& a) {
                               if (!a.ok()) {
                                   app.staff.error = problem_words(a, "change the seats");
                                   return;
                               }
                               app.staff.message = staff_record_done_words(a.json(), "Seats changed");
                               staff_reload_customer(app, services);
                           }));
    });
}

void staff_load_campaign(AppState& app, Services& services) {
    CampaignState& c = app.staff.campaign;
    c.loading = true;
    int serial = ++c.serial;
    services.http.send(staff_request(app, "GET", "/api/staff/renewals"), answered(app, [&app, &services, serial](const HttpAnswer& a) {
        CampaignState& c = app.staff.campaign;
        if (serial != c.serial) return;
        if (!a.ok()) {
            c.loading = false;
            c.error = problem_words(a, "read the renewal campaign");
            return;
        }
        c.error.clear();
        c.now = text(a.json(), "now");
        c.packages.clear();
        for (const json& p : a.json().value("packages", json::array())) {
            CampaignPackage pkg{text(p, "package"), text(p, "name"), static_cast<int>(integer(p, "subscribers")), {}};
            for (const std::string& status : staff_status_order()) {
                const json statuses = p.value("statuses", json::object());
                if (statuses.contains(status) && statuses[status].is_number_integer()) pkg.statuses.emplace_back(status, statuses[status].get<int>());
            }
            c.packages.push_back(std::move(pkg));
        }
        if (c.package.empty() || std::none_of(c.packages.begin(), c.packages.end(), [&](const CampaignPackage& p) { return p.id == c.package; }))
            c.package = staff_campaign_package(c.packages);
        if (c.package.empty()) {
            c.loading = false;
            c.loaded = true;
            return;
        }
        services.http.send(staff_request(app, "GET", "/api/staff/renewals/days?package=" + uri_component(c.package)),
                           answered(app, [&app, serial](const HttpAnswer& a) {
                               CampaignState& c = app.staff.campaign;
                               if (serial != c.serial) return;
                               c.loading = false;
                               c.loaded = true;
                               c.days.clear();
                               c.key_dates.clear();
                               if (!a.ok()) {
                                   c.error = problem_words(a, "read the campaign's days");
                                   return;
                               }
                               for (const json& d : a.json().value("days", json::array())) {
                                   CampaignDay day{text(d, "day"), {}};
                                   const json statuses = d.value("statuses", json::object());
                                   for (const std::string& status : staff_status_order())
                                       if (statuses.contains(status) && statuses[status].is_number_integer())
                                           day.statuses.emplace_back(status, statuses[status].get<int>());
                                   c.days.push_back(std::move(day));
                               }
                               for (const json& k : a.json().value("key_dates", json::array())) c.key_dates.emplace_back(text(k, "name"), text(k, "day"));
                           }));
    }));
}

}  // namespace web
