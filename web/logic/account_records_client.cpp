// The account's four lists, read together; a later sign-in or order reads them again.
#include "logic/account_records_client.hpp"

#include "logic/problem_text.hpp"

namespace web {

namespace {

std::string text(const nlohmann::json& o, const char* key) {
    return o.contains(key) && o[key].is_string() ? o[key].get<std::string>() : std::string();
}

encore::Instant instant(const nlohmann::json& o, const char* key) {
    if (auto t = encore::parse_instant(text(o, key))) return *t;
    return {};
}

int integer(const nlohmann::json& o, const char* key) {
    return o.contains(key) && o[key].is_number_integer() ? o[key].get<int>() : 0;
}

template <class Record, class Read>
bool read_list(const nlohmann::json& doc, const char* key, std::vector<Record>& out, Read read) {
    if (!doc.is_object() || !doc.contains(key) || !doc[key].is_array()) return false;
    out.clear();
    for (const nlohmann::json& item : doc[key])
        if (item.is_object()) out.push_back(read(item));
    return true;
}

OrderRecord read_order(const nlohmann::json& o) {
    OrderRecord r;
    r.reference = text(o, "reference"), r.short_reference = text(o, "short_reference");
    r.status = text(o, "status"), r.payment_method = text(o, "payment_method");
    r.total_text = text(o, "total_text");
    r.total = o.contains("total") && o["total"].is_number_integer() ? o["total"].get<std::int64_t>() : 0;
    r.created_at = instant(o, "created_at");
    if (o.contains("due_at")) r.due_at = instant(o, "due_at");
    if (o.contains("performances") && o["performances"].is_array())
        for (const nlohmann::json& p : o["performances"]) {
            OrderPerformanceRecord perf{encore::InstanceId{text(p, "instance")}, {}};
            if (p.contains("seats") && p["seats"].is_array())
                for (const nlohmann::json& s : p["seats"])
                    if (s.is_string()) perf.seats.push_back(s.get<std::string>());
            r.performances.push_back(std::move(perf));
        }
    if (o.contains("lines") && o["lines"].is_array())
        for (const nlohmann::json& l : o["lines"])
            r.lines.push_back({text(l, "kind"), text(l, "description"), text(l, "total_text")});
    return r;
}

PassRecord read_pass(const nlohmann::json& o) {
    PassRecord r;
    r.code = text(o, "code"), r.pass = encore::ProductId{text(o, "pass")}, r.name = text(o, "name");
    r.expires_at = instant(o, "expires_at");
    r.expired = o.value("expired", false);
    r.allowance = integer(o, "allowance"), r.used = integer(o, "used"), r.remaining = integer(o, "remaining");
    if (o.contains("redemptions") && o["redemptions"].is_array())
        for (const nlohmann::json& d : o["redemptions"])
            r.redemptions.push_back({encore::InstanceId{text(d, "instance")}, text(d, "seat"), text(d, "order")});
    r.order = text(o, "order");
    return r;
}

MembershipRecord read_membership(const nlohmann::json& o) {
    return {encore::ProductId{text(o, "membership")}, text(o, "name"), instant(o, "starts_at"), instant(o, "ends_at"),
            o.value("active", false), text(o, "order")};
}

SubscriptionRecord read_subscription(const nlohmann::json& o) {
    SubscriptionRecord r{encore::ProductId{text(o, "series")}, text(o, "name"), encore::SeriesGroupId{text(o, "group")},
                         text(o, "group_name"), text(o, "seat"), text(o, "order"), text(o, "order_status"), {}};
    if (o.contains("performances") && o["performances"].is_array())
        for (const nlohmann::json& i : o["performances"])
            if (i.is_string()) r.performances.push_back(encore::InstanceId{i.get<std::string>()});
    return r;
}

}  // namespace

bool accept_account_answer(AccountRecords& records, std::string_view what, const nlohmann::json& doc) {
    if (what == "orders") return read_list(doc, "orders", records.orders, read_order);
    if (what == "passes") return read_list(doc, "passes", records.passes, read_pass);
    if (what == "memberships") return read_list(doc, "memberships", records.memberships, read_membership);
    if (what == "subscriptions") return read_list(doc, "subscriptions", records.subscriptions, read_subscription);
    return false;
}

void load_account_records(AppState& app, HttpClient& http) {
    AccountRecords& records = app.season.records;
    if (app.account.token.empty()) {
        if (records.state != AccountRecords::State::none) records = AccountRecords{};
        return;
    }
    bool another = records.token != app.account.token;
    if (!another && records.state == AccountRecords::State::loading) return;
    if (!another && !records.stale && records.state != AccountRecords::State::none) return;
    if (another) records = AccountRecords{};
    records.token = app.account.token;
    records.state = AccountRecords::State::loading;
    records.stale = false;
    records.error.clear();
    records.waiting = 4;
    std::string token = app.account.token;
    for (const char* what : {"orders", "passes", "memberships", "subscriptions"}) {
        http.send({.url = std::string("/api/me/") + what, .bearer_token = token}, [&app, token, what](const HttpAnswer& a) {
            AccountRecords& records = app.season.records;
            if (records.token != token || records.state != AccountRecords::State::loading) return;
            --records.waiting;
            if (!a.ok()) {
                records.error = problem_words(a, "show your account");
            } else if (!accept_account_answer(records, what, a.json())) {
                records.error = "The box office answered in a way this page does not understand.";
            }
            if (records.waiting == 0)
                records.state = records.error.empty() ? AccountRecords::State::ready : AccountRecords::State::error;
        });
    }
}

}  // namespace web
