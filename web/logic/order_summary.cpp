// Words for an order document; seat, performance, ticket type and product names come from the catalog.
#include "logic/order_summary.hpp"

#include <map>

#include "encore/money.hpp"
#include "encore/time.hpp"
#include "encore/venue_time.hpp"
#include "logic/display_format.hpp"
#include "logic/order_view.hpp"
#include "logic/season_display.hpp"

namespace web {

namespace {

using nlohmann::json;

std::string text(const json& j, const char* key) {
    return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

std::int64_t number(const json& j, const char* key) {
    return j.is_object() && j.contains(key) && j[key].is_number_integer() ? j[key].get<std::int64_t>() : 0;
}

const json& array(const json& j, const char* key) {
    static const json empty = json::array();
    return j.is_object() && j.contains(key) && j[key].is_array() ? j[key] : empty;
}

struct Words {
    const encore::Catalog& catalog;
    encore::Currency currency;
    encore::VenueId venue;  // of the order's first performance (its local time words every date)

    std::string money(std::int64_t minor) const { return encore::format_money({minor, currency}); }

    std::string when(const std::string& instant) const {
        std::optional<encore::Instant> t = encore::parse_instant(instant);
        if (!t) return instant;
        return venue.empty() ? encore::describe_utc_time(*t) : encore::describe_venue_time(catalog, venue, *t);
    }

    std::string fee_note(const json& fee) const {
        const std::string name = text(fee, "name");
        if (fee.value("waived", false)) {
            const std::string by = text(fee, "waived_by");
            return name + " waived" + (by.empty() ? "" : " (" + by + ")");
        }
        return "+ " + money(number(fee, "amount")) + " " + name;
    }

    std::string ticket_note(const json& item) const {
        std::string note;
        auto add = [&](const std::string& part) { note += (note.empty() ? "" : "; ") + part; };
        if (!text(item, "pass").empty()) {
            const encore::FlexPass* pass = catalog.find_pass(encore::ProductId{text(item, "pass")});
            add("with your " + (pass ? pass->name : text(item, "pass")));
        }
        if (!text(item, "offer").empty()) {
            std::string name = text(item, "offer");
            for (const encore::Offer& o : catalog.offers)
                if (o.id.value == name) name = o.name;
            add(name + ": " + money(number(item, "offer_discount")) + " off");
        }
        for (const json& fee : array(item, "fees")) add(fee_note(fee));
        return note;
    }
};

std::string capitalised_words(std::string s) { return capitalised(std::move(s)); }

std::string invoice_status_words(const std::string& status) {
    if (status == "pending") return "To pay";
    if (status == "paid") return "Paid";
    if (status == "lapsed") return "Lapsed";
    return capitalised(status);
}

void add_fee(std::vector<OrderRow>& rows, std::map<std::string, std::pair<int, std::int64_t>>& totals, const json& fee) {
    const bool waived = fee.value("waived", false);
    const std::string key = text(fee, "name") + (waived ? " waived" : "");
    auto& [count, amount] = totals[key];
    if (count == 0) rows.push_back({key, "", ""});
    ++count, amount += number(fee, "amount");
}

}  // namespace

OrderSummary summarise_order(const encore::Catalog& catalog, const json& order) {
    OrderSummary s;
    Words w{catalog, catalog.currency, {}};
    if (!text(order, "currency").empty()) w.currency.code = text(order, "currency");
    // The venue whose local time words the dates: the first performance's, else the catalog's first venue.
    for (const json& line : array(order, "lines"))
        for (const json& item : array(line, "items"))
            if (const encore::Instance* inst = w.venue.empty() ? catalog.find_instance(encore::InstanceId{text(item, "instance")}) : nullptr)
                w.venue = inst->venue;
    if (w.venue.empty() && !catalog.venues.empty()) w.venue = catalog.venues.front().id;

    s.reference = order_display_reference(order);
    s.status = order_status_text(text(order, "status"));
    if (!text(order, "created_at").empty()) s.placed = "Ordered " + w.when(text(order, "created_at"));
    s.total = !text(order, "total_text").empty() ? text(order, "total_text") : w.money(number(order, "total"));

    std::map<std::string, std::pair<int, std::int64_t>> fee_totals;
    std::vector<std::string> product_names;
    for (const json& line : array(order, "lines")) {
        bool product_line = false;
        for (const json& item : array(line, "items")) {
            const std::string instance_id = text(item, "instance");
            const encore::Instance* inst = instance_id.empty() ? nullptr : catalog.find_instance(encore::InstanceId{instance_id});
            for (const json& fee : array(item, "fees")) add_fee(s.fees, fee_totals, fee);
            if (instance_id.empty()) {
                product_line = true;
                continue;
            }
            OrderPerformance* perf = nullptr;
            const encore::Event* event = inst ? catalog.find_event(inst->event) : nullptr;
            const std::string title = event ? event->name : instance_id;
            const std::string when = inst ? inst->local_start() : "";
            for (OrderPerformance& p : s.performances)
                if (p.title == title && p.when == when) perf = &p;
            if (!perf) {
                const encore::Venue* venue = inst ? catalog.find_venue(inst->venue) : nullptr;
                s.performances.push_back({title, when, venue ? venue->name : "", {}});
                perf = &s.performances.back();
            }
            const encore::Venue* venue = inst ? catalog.find_venue(inst->venue) : nullptr;
            std::optional<std::uint32_t> seat = venue ? venue->plan.seat_index(encore::SeatId{text(item, "seat")}) : std::nullopt;
            const encore::TicketType* type = catalog.find_ticket_type(encore::TicketTypeId{text(item, "ticket_type")});
            perf->tickets.push_back({seat ? venue->plan.seat_name(*seat) : text(item, "seat"), type ? type->name : text(item, "ticket_type"),
                                     w.money(number(item, "price")), w.ticket_note(item)});
        }
        if (product_line) {
            s.products.push_back({text(line, "description"), text(line, "total_text"), ""});
            product_names.push_back(text(line, "description"));
        }
    }
    for (const json& fee : array(order, "order_fees")) add_fee(s.fees, fee_totals, fee);
    for (OrderRow& row : s.fees) {
        const auto& [count, amount] = fee_totals[row.label];
        const bool waived = row.label.ends_with(" waived");
        row.amount = waived ? "waived" : w.money(amount);
        std::string name = waived ? row.label.substr(0, row.label.size() - 7) : row.label;
        row.label = capitalised_words(name) + (count > 1 && !waived ? " (" + std::to_string(count) + " × " + w.money(amount / count) + ")"
                                               : count > 1 ? " (" + std::to_string(count) + ")" : "");
    }
    for (const json& pass : array(order, "passes")) {
        const encore::FlexPass* p = catalog.find_pass(encore::ProductId{text(pass, "pass")});
        std::string detail = "Code " + text(pass, "code") + (p ? " · " + std::to_string(p->allowance) + " tickets" : "") +
                             " · valid until " + w.when(text(pass, "expires_at"));
        s.products.push_back({(p ? p->name : text(pass, "pass")) + " code", "", detail});
    }

    int tickets = 0;
    for (const OrderPerformance& p : s.performances) tickets += static_cast<int>(p.tickets.size());
    s.contents = contents_words(tickets, product_names);

    const json& payment = order.contains("payment") ? order["payment"] : json();
    if (text(payment, "method") == "card") {
        const json& card = payment.contains("card") ? payment["card"] : json();
        std::string brand = capitalised(text(card, "brand"));
        s.payment = (text(order, "status") == "paid" ? "Paid by " : "By ") + (brand.empty() ? "card" : brand + " card") +
                    (text(card, "last4").empty() ? "" : " ending " + text(card, "last4"));
    }
    if (order.contains("invoice") && order["invoice"].is_object()) {
        const json& inv = order["invoice"];
        OrderInvoice invoice{text(inv, "number"), invoice_status_words(text(inv, "status")), "", ""};
        const std::string due_at = !text(inv, "due_at").empty() ? text(inv, "due_at") : text(order, "due_at");
        if (!due_at.empty()) invoice.due = w.when(due_at);
        if (text(inv, "status") == "pending")
            invoice.how_to_pay = "Pay it at the box office" + (invoice.due.empty() ? std::string() : " by " + invoice.due) +
                                 ", quoting " + invoice.number + ". Your seats are reserved for you until then; if it is not "
                                 "paid in time, the order lapses and the seats are released.";
        s.payment = "By invoice " + invoice.number;
        s.invoice = invoice;
    } else if (text(payment, "method") == "invoice") {
        s.payment = "By invoice";
    }
    return s;
}

std::vector<std::string> order_summary_lines(const OrderSummary& s) {
    std::vector<std::string> lines;
    lines.push_back("Order " + s.reference + " — " + s.status);
    if (!s.placed.empty()) lines.push_back(s.placed);
    for (const OrderPerformance& p : s.performances) {
        lines.push_back(p.title + " — " + p.when + (p.venue.empty() ? "" : " — " + p.venue));
        for (const OrderTicket& t : p.tickets)
            lines.push_back("  " + t.seat + " · " + t.ticket_type + " · " + t.price + (t.note.empty() ? "" : " · " + t.note));
    }
    for (const OrderRow& r : s.products)
        lines.push_back(r.label + (r.amount.empty() ? "" : " · " + r.amount) + (r.detail.empty() ? "" : " · " + r.detail));
    for (const OrderRow& r : s.fees) lines.push_back(r.label + " · " + r.amount);
    lines.push_back("Total " + s.total);
    if (!s.payment.empty()) lines.push_back(s.payment);
    if (s.invoice) {
        lines.push_back("Invoice " + s.invoice->number + " · " + s.invoice->status + (s.invoice->due.empty() ? "" : " · due " + s.invoice->due));
        if (!s.invoice->how_to_pay.empty()) lines.push_back(s.invoice->how_to_pay);
    }
    return lines;
}

std::string confirmation_headline(const OrderSummary& summary, bool paid) {
    return paid ? "Thank you \xE2\x80\x94 you have bought " + summary.contents : "Reserved until the invoice is paid: " + summary.contents;
}

}  // namespace web
