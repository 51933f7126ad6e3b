// Season words from the core's and the server's figures.
#include "logic/season_display.hpp"

#include <algorithm>

#include "encore/money.hpp"
#include "logic/display_format.hpp"

namespace web {

namespace {

std::string day_of(encore::Instant t) {
    std::string text = encore::describe_utc_time(t);  // "Fri 15 Jan 2027, 10:00 UTC"
    std::size_t comma = text.rfind(", ");
    return comma == std::string::npos ? text : text.substr(0, comma);
}

}  // namespace

std::string performance_name(const AppState& app, const encore::InstanceId& id) {
    const encore::Instance* instance = app.catalog ? app.catalog->find_instance(id) : nullptr;
    const encore::Event* event = instance ? app.catalog->find_event(instance->event) : nullptr;
    if (!instance || !event) return id.value;
    return event->name + ", " + instance->local_start();
}

std::string series_pick_title(const AppState& app, const SeriesPick& pick) {
    const encore::FixedSeries* series = app.catalog ? app.catalog->find_series(pick.series) : nullptr;
    const encore::SeriesGroup* group = series ? series->find_group(pick.group) : nullptr;
    return (series ? series->name : pick.series.value) + " · " + (group ? group->name : pick.group.value);
}

std::string series_pick_detail(const AppState& app, const SeriesPick& pick) {
    const encore::Venue* venue = app.catalog ? app.catalog->find_venue(pick.venue) : nullptr;
    std::string seat = venue && pick.seat < venue->plan.seats.size() ? venue->plan.seat_name(pick.seat) : pick.seat_id.value;
    std::size_t n = pick.instances.size();
    return seat + " · " + std::to_string(n) + (n == 1 ? " performance" : " performances");
}

std::string series_line_summary(const encore::PricedLine& line, const encore::Currency& currency) {
    if (!line.series) return "";
    std::string text = line.series->column_label;
    if (line.series->singles_total && line.series->saving > 0)
        text += " · you save " + encore::format_money({line.series->saving, currency}) + " on single tickets";
    else if (line.series->singles_total && line.series->saving < 0)
        text += " · " + encore::format_money({-line.series->saving, currency}) + " more than single tickets";
    return text;
}

std::string pass_label(const encore::UsablePass& pass) {
    return pass.redeem.basket_line >= 0 ? "bought in this basket" : pass.redeem.code;
}

std::string pass_use_summary(const encore::UsablePass& pass) {
    return pass.name + " · " + std::to_string(pass.left) + " of " + std::to_string(pass.allowance) + " left";
}

std::string pass_covers_text(const encore::PassView& pass) {
    std::vector<std::pair<std::string, std::string>> groups;  // discount -> events, in the pass's order
    for (const encore::PassCover& c : pass.covers) {
        auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == c.discount; });
        if (it == groups.end()) groups.push_back({c.discount, c.what});
        else it->second += ", " + c.what;
    }
    std::string text;
    for (const auto& [discount, what] : groups) text += (text.empty() ? "" : "; ") + capitalised(discount) + ": " + what;
    return text;
}

std::string pass_record_summary(const PassRecord& pass) {
    std::string left = std::to_string(pass.remaining) + " of " + std::to_string(pass.allowance) +
                       (pass.allowance == 1 ? " ticket left" : " tickets left");
    return left + " · " + (pass.expired ? "expired " : "expires ") + encore::describe_utc_time(pass.expires_at);
}

std::string membership_record_summary(const MembershipRecord& m) {
    return day_of(m.starts_at) + " – " + day_of(m.ends_at) + (m.active ? " · active" : " · not active");
}

std::string invoice_words(const OrderRecord& order) {
    if (order.status != "reserved" || !order.due_at) return "";
    return "Pay " + order.total_text + " by " + encore::describe_utc_time(*order.due_at);
}

std::string order_status_text(const std::string& status) {
    if (status == "paid") return "Paid";
    if (status == "reserved") return "Reserved until the invoice is paid";
    if (status == "lapsed") return "Lapsed: the invoice was not paid in time and the seats were released";
    if (status == "cancelled") return "Cancelled";
    return capitalised(status);
}

std::string order_record_reference(const OrderRecord& order) {
    return order.short_reference.empty() ? order.reference : order.short_reference;
}

std::string order_reference_words(const AccountRecords& records, const std::string& reference) {
    for (const OrderRecord& o : records.orders)
        if (o.reference == reference) return order_record_reference(o);
    return reference;
}

std::vector<const OrderRecord*> invoices_to_pay(const AccountRecords& records) {
    std::vector<const OrderRecord*> out;
    for (const OrderRecord& o : records.orders)
        if (o.status == "reserved" && o.due_at) out.push_back(&o);
    std::stable_sort(out.begin(), out.end(), [](const OrderRecord* a, const OrderRecord* b) { return *a->due_at < *b->due_at; });
    return out;
}

}  // namespace web
