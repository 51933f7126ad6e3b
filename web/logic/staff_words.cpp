// Staff mode's sentences, from the catalog and the server's answers.
#include "logic/staff_words.hpp"

#include <cctype>

#include "encore/subscriber.hpp"
#include "encore/time.hpp"

namespace web {

namespace {

std::string when(const std::string& rfc3339) {
    std::optional<encore::Instant> t = encore::parse_instant(rfc3339);
    return t ? encore::describe_utc_time(*t) : rfc3339;
}

std::string day_of(const std::string& rfc3339) {
    std::string w = when(rfc3339);
    std::size_t comma = w.find(',');
    return comma == std::string::npos ? w : w.substr(0, comma);
}

}  // namespace

std::string staff_performance_words(const AppState& app, const std::string& instance, int seats) {
    std::string words = instance;
    if (app.catalog)
        if (const encore::Instance* inst = app.catalog->find_instance(encore::InstanceId{instance})) {
            const encore::Event* event = app.catalog->find_event(inst->event);
            words = (event ? event->name : instance) + " · " + inst->local_start();
        }
    if (seats > 0) words += " · " + std::to_string(seats) + (seats == 1 ? " seat" : " seats");
    return words;
}

std::string staff_sold_words(const StaffOrderResult& order) {
    std::string ref = order.short_reference.empty() ? order.reference : order.short_reference;
    std::string words = "Sold: order " + ref + ", " + order.total_text;
    if (order.payment_method == "invoice") words += order.due_at.empty() ? ", by invoice." : ", invoice due " + day_of(order.due_at) + ".";
    else words += ", paid by card.";
    return words;
}

std::string staff_held_words(const AppState&, const nlohmann::json& hold) {
    const nlohmann::json seats = hold.value("seats", nlohmann::json::array());
    std::string seat = seats.empty() ? std::string("A seat") : "Seat " + seats[0].value("seat", std::string());
    return seat + " held at " + std::to_string(seats.size()) + (seats.size() == 1 ? " performance" : " performances") + " until " +
           when(hold.value("expires_at", std::string())) + ".";
}

std::string staff_record_done_words(const nlohmann::json& answer, const std::string& what) {
    const nlohmann::json record = answer.value("subscriber_record", nlohmann::json::object());
    const nlohmann::json package = record.value("package", nlohmann::json::object());
    return what + ": " + package.value("name", std::string("the subscription")) + ", now " +
           staff_status_words(record.value("status", std::string())) + ".";
}

const std::vector<std::string>& staff_status_order() {
    static const std::vector<std::string> order = [] {
        std::vector<std::string> out;
        for (auto s : {encore::SubscriberStatus::new_, encore::SubscriberStatus::pending, encore::SubscriberStatus::renewed,
                       encore::SubscriberStatus::lapsed, encore::SubscriberStatus::declined, encore::SubscriberStatus::non_renewed,
                       encore::SubscriberStatus::inactive})
            out.emplace_back(encore::status_name(s));
        return out;
    }();
    return order;
}

std::string staff_status_words(const std::string& status) {
    if (status == "NonRenewed") return "Not renewed";
    return status;
}

std::string staff_campaign_package(const std::vector<CampaignPackage>& packages) {
    const CampaignPackage* best = nullptr;
    for (const CampaignPackage& p : packages)
        if (!best || p.subscribers > best->subscribers) best = &p;
    return best ? best->id : std::string();
}

const char* staff_sale_kind_label(StaffSaleKind kind) {
    switch (kind) {
        case StaffSaleKind::ticket: return "Tickets";
        case StaffSaleKind::series: return "Series";
        case StaffSaleKind::pass: return "Pass";
        case StaffSaleKind::membership: return "Membership";
    }
    return "";
}

const char* staff_payment_label(StaffPayment payment) {
    switch (payment) {
        case StaffPayment::stored_card: return "Stored card";
        case StaffPayment::new_card: return "New card";
        case StaffPayment::invoice: return "Invoice";
    }
    return "";
}

std::string staff_order_status_words(const StaffOrderRow& order) {
    if (order.status == "paid") return "Paid";
    if (order.status == "reserved") return order.due_at.empty() ? "Invoice to pay" : "Invoice due " + day_of(order.due_at);
    if (order.status.empty()) return "";
    std::string s = order.status;
    s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

std::string staff_funnel_words(const std::vector<std::pair<std::string, int>>& statuses) {
    int prompted = 0, renewed = 0;
    for (const auto& [status, n] : statuses) {
        if (status != "New" && status != "Inactive") prompted += n;
        if (status == "Renewed") renewed += n;
    }
    if (prompted == 0) return "Nobody has been asked to renew yet.";
    return std::to_string(renewed) + " of " + std::to_string(prompted) + " renewed (" + std::to_string(renewed * 100 / prompted) + "%)";
}

}  // namespace web
