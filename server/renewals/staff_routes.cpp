// Box-office handlers: each act for a customer runs in one transaction with its staff_acts row.
#include "renewals/staff_routes.hpp"

#include <httplib.h>

#include <optional>

#include "accounts/account_json.hpp"
#include "catalog/catalog_state.hpp"
#include "context/clock.hpp"
#include "encore/auto_renew.hpp"
#include "encore/campaign.hpp"
#include "encore/seasons.hpp"
#include "encore/pricing.hpp"
#include "http/api_response.hpp"
#include "http/json_exchange.hpp"
#include "http/problem.hpp"
#include "renewals/path_id.hpp"
#include "renewals/subscriber_view.hpp"
#include "sales/customer_routes.hpp"
#include "sales/hold_eligibility.hpp"
#include "sales/order_request.hpp"
#include "sales/order_routes.hpp"
#include "store/connection_pool.hpp"
#include "store/customer_record.hpp"
#include "store/hold_store.hpp"
#include "store/order_queries.hpp"
#include "store/random_text.hpp"
#include "store/renewal_queries.hpp"
#include "store/renewal_schedule.hpp"
#include "store/seat_ledger.hpp"
#include "store/seat_limits.hpp"
#include "store/staff_acts.hpp"
#include "store/stored_cards.hpp"
#include "store/subscriber_store.hpp"
#include "store/write_queue.hpp"

namespace encore::server {
namespace {

using nlohmann::json;

constexpr int customers_per_search = 50;
constexpr int acts_shown = 50;


// The customer named by the path's {id}, or nullopt after answering 404.
std::optional<Account> path_customer(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    const std::string text = req.matches[1];
    std::optional<Account> account;
    if (const auto id = path_id(text)) {
        auto db = ctx.pool.lease();
        account = find_account(*db, *id);
    }
    if (!account)
        send_response(res, problem_response(404, ApiProblem::customer_not_found, "Customer not found",
                                            "There is no customer " + printable(text, 40) + "."));
    return account;
}

json seats_json(const std::vector<SeatRef>& seats) {
    json out = json::array();
    for (const SeatRef& s : seats) out.push_back({{"instance", s.instance.value}, {"seat", s.seat.value}});
    return out;
}

json holds_json(const std::vector<KeptHold>& holds) {
    json out = json::array();
    for (const KeptHold& hold : holds)
        out.push_back({{"token", hold.token}, {"kind", hold.kind}, {"expires_at", format_instant(hold.expires_at)},
                       {"seats", seats_json(hold.seats)}});
    return out;
}

json card_json(const StoredCard& card) {
    return {{"token", card.token}, {"brand", card.brand}, {"last4", card.last4}, {"expires", card.expires}};
}

const Catalog& catalog_of(const std::shared_ptr<const PublishedCatalog>& published) {
    static const Catalog empty;
    return published ? published->catalog : empty;
}

// {"series", "group", "seats"} of a staff hold, or a problem naming the field.
struct SeriesHoldRequest {
    ProductId series;
    SeriesGroupId group;
    std::vector<SeatId> seats;
};
std::variant<SeriesHoldRequest, RequestProblem> decode_series_hold(const json& body) {
    if (!body.is_object()) return RequestProblem{"", "the body must be a JSON object"};
    SeriesHoldRequest out;
    for (const auto& [key, value] : body.items())
        if (key != "series" && key != "group" && key != "seats")
            return RequestProblem{printable(key, 40), "\"" + printable(key, 40) + "\" is not a field of a series hold"};
    for (auto [field, target] : {std::pair{"series", &out.series.value}, {"group", &out.group.value}}) {
        auto it = body.find(field);
        if (it == body.end() || !it->is_string() || !is_valid_id(it->get<std::string>()))
            return RequestProblem{field, std::string("\"") + field + "\" must be an id"};
        *target = it->get<std::string>();
    }
    auto seats = body.find("seats");
    if (seats == body.end() || !seats->is_array() || seats->empty() || seats->size() > 50)
        return RequestProblem{"seats", "\"seats\" must list 1 to 50 seat ids"};
    for (std::size_t i = 0; i < seats->size(); ++i) {
        const json& seat = (*seats)[i];
        if (!seat.is_string() || !is_valid_id(seat.get<std::string>()))
            return RequestProblem{"seats/" + std::to_string(i), "each seat must be a seat id"};
        out.seats.push_back(SeatId{seat.get<std::string>()});
    }
    return out;
}

}  // namespace

void get_staff_customers(ServerContext& ctx, const Account&, const httplib::Request& req, httplib::Response& res) {
    const std::string q = req.has_param("q") ? req.get_param_value("q") : "";
    if (q.size() < 2 || q.size() > 200)
        return send_invalid_request(res, 422, "q", "q must be 2 to 200 characters of a name, an email or an order reference");
    auto db = ctx.pool.lease();
    json customers = json::array();
    for (const Account& account : find_customers(*db, q, customers_per_search)) customers.push_back(account_to_json(account));
    send_json(res, 200, {{"customers", customers}});
}

void get_staff_customer(ServerContext& ctx, const Account&, const httplib::Request& req, httplib::Response& res) {
    auto customer = path_customer(ctx, req, res);
    if (!customer) return;
    auto published = ctx.catalog.current();
    const Catalog& catalog = catalog_of(published);
    const Instant now = ctx.clock.now();
    auto db = ctx.pool.lease();
    db::Transaction snapshot(*db, db::Transaction::Kind::deferred);
    json records = json::array();
    for (std::int64_t id : subscribers_of_account(*db, customer->id))
        if (auto record = load_subscriber(*db, id)) records.push_back(subscriber_view(*db, catalog, *record, Viewer::staff, now));
    json cards = json::array();
    for (const StoredCard& card : list_cards(*db, customer->id)) cards.push_back(card_json(card));
    json acts = json::array();
    for (const StaffAct& act : staff_acts_for(*db, customer->id, acts_shown))
        acts.push_back({{"staff", act.staff_id}, {"act", act.act}, {"detail", act.detail}, {"at", format_instant(act.at)}});
    send_json(res, 200,
              {{"account", account_to_json(*customer)},
               {"customer", account_customer(*db, *customer)},
               {"subscriber_records", records},
               {"orders", account_orders(*db, customer->id)["orders"]},
               {"passes", account_passes(*db, catalog, customer->id, now)["passes"]},
               {"memberships", account_memberships(*db, catalog, customer->id, now)["memberships"]},
               {"cards", cards},
               {"holds", holds_json(account_holds(*db, customer->id, now))},
               {"staff_acts", acts}});
}

void post_staff_customer_card(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res) {
    auto customer = path_customer(ctx, req, res);
    if (!customer) return;
    const Instant now = ctx.clock.now();
    store_card_from_body(ctx, customer->id, req, res, [&](db::Connection& db, const StoredCard& card) {
        record_staff_act(db, {caller.id, customer->id, "store_card", {{"card", card.token}, {"last4", card.last4}}, now});
    });
}

void post_staff_customer_hold(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res) {
    auto customer = path_customer(ctx, req, res);
    if (!customer) return;
    auto published = ctx.catalog.current();
    if (!published) {
        send_response(res, problem_response(503, ApiProblem::catalog_missing, "No catalog loaded", "The server has no catalog yet."));
        return;
    }
    const Catalog& catalog = published->catalog;
    auto body = read_json_body(req, res);
    if (!body) return;
    auto decoded = decode_series_hold(*body);
    if (auto* problem = std::get_if<RequestProblem>(&decoded)) return send_invalid_request(res, 422, problem->field, problem->message);
    const SeriesHoldRequest& wanted = std::get<SeriesHoldRequest>(decoded);
    const Instant now = ctx.clock.now();
    const FixedSeries* series = catalog.find_series(wanted.series);
    if (!series) return send_invalid_request(res, 422, "series", "there is no fixed series \"" + wanted.series.value + "\"");
    if ((!series->hold_expires_at || *series->hold_expires_at <= now)) {
        send_response(res, problem_response(422, ApiProblem::series_not_holdable, "Series cannot be held",
                                            series->name + (series->hold_expires_at ? " stopped taking holds on " +
                                                                                          describe_utc_time(*series->hold_expires_at)
                                                                                    : std::string(" has no hold timeout")) +
                                                "; sell it instead."));
        return;
    }

    auto db = ctx.pool.lease();
    const Customer owns = load_customer(*db, customer->id, customer->tags);
    std::vector<SeatRef> seats;
    HoldRequest request;
    request.channel = Channel::box_office;
    request.basket.channel = Channel::box_office;
    for (const SeatId& seat : wanted.seats) {
        request.series = SeriesChoice{wanted.series, wanted.group, seat, {}, {}};
        json problems = hold_refusal(catalog, request, owns, now);
        if (!problems.empty()) {
            ApiResponse refused = problem_response(422, ApiProblem::hold_refused, "Hold refused",
                                                   "These seats cannot be held: " + problems[0].value("message", std::string()) + ".");
            refused.body["problems"] = problems;
            send_response(res, refused);
            return;
        }
        for (const SeatRef& s : seats_to_hold(catalog, request)) seats.push_back(s);
        BasketLine line;
        line.kind = LineKind::series;
        line.product = wanted.series;
        line.group = wanted.group;
        line.seat = seat;
        request.basket.lines.push_back(line);
    }

    // In the write queue with the other seat-changing writes. The seats count against the customer's
    // seats per performance (their owner is the customer); the box office itself is not limited, and a
    // hold it keeps for weeks is not one of the customer's live basket holds (kind "subscription").
    const std::string owner = account_owner(customer->id);
    std::optional<ApiResponse> refused;
    json hold;
    ctx.writes.run([&](db::Connection& db) {
        HoldStore holds(db);
        HoldRecord record{random_hex(32), customer->id, "staff:" + std::to_string(caller.id), now, *series->hold_expires_at,
                          *series->hold_expires_at, "subscription"};
        holds.insert(record);
        SeatLedger ledger(db);
        json taken = json::array();
        for (const SeatRef& seat : seats)
            if (!ledger.claim(seat.instance, seat.seat, SeatState::held, record.token, std::nullopt, owner))
                taken.push_back({{"instance", seat.instance.value}, {"seat", seat.seat.value}});
        if (!taken.empty()) {
            refused = problem_response(409, ApiProblem::seats_unavailable, "Seats unavailable",
                                       "Some of these seats are taken at a performance of the group; nothing was held.");
            refused->body["seats"] = taken;
            return false;
        }
        ledger.finish();
        record_staff_act(db, {caller.id, customer->id, "hold_series",
                              {{"hold", record.token}, {"series", wanted.series.value}, {"group", wanted.group.value},
                               {"expires_at", format_instant(record.expires_at)}},
                              now});
        hold = {{"token", record.token}, {"kind", record.kind}, {"expires_at", format_instant(record.expires_at)},
                {"max_expires_at", format_instant(record.max_expires_at)}, {"seats", seats_json(holds.held_seats(record.token))}};
        return true;
    }, WriteLane::priority, performance_turns(seats));
    if (refused) return send_response(res, *refused);
    send_json(res, 201, {{"hold", hold}});
}

void post_staff_customer_order(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res) {
    auto customer = path_customer(ctx, req, res);
    if (!customer) return;
    const Instant now = ctx.clock.now();
    order_from_request(ctx, *customer, caller, req, res, [&](db::Connection& db, const std::string& reference) {
        record_staff_act(db, {caller.id, customer->id, "sell", {{"order", reference}}, now});
    });
}

void put_staff_pass_expiry(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res) {
    const std::string code = req.matches[1];
    auto body = read_json_object(req, res);
    if (!body || !only_members(*body, {"expires_at"}, res)) return;
    auto text = read_string_field(*body, "expires_at", res);
    if (!text) return;
    const auto expires = parse_instant(*text);
    if (!expires)
        return send_invalid_field(res, "expires_at", "\"expires_at\" must be an RFC 3339 instant such as \"2027-06-30T23:00:00Z\".");
    const Instant now = ctx.clock.now();
    auto db = ctx.pool.lease();
    db::Transaction transaction(*db, db::Transaction::Kind::immediate);
    auto pass = find_pass(*db, code);
    if (!pass) {
        send_response(res, problem_response(404, ApiProblem::pass_not_found, "Pass not found",
                                            "There is no pass " + printable(code, 40) + "."));
        return;
    }
    const RuleCheck allowed = check_pass_expiry_change(Actor{ActorKind::staff, std::to_string(caller.id)}, *expires, now);
    if (!allowed.ok) {
        ApiResponse refused = problem_response(422, ApiProblem::expiry_refused, "Expiry refused", allowed.message + ".");
        refused.body["reason"] = allowed.code;
        send_response(res, refused);
        return;
    }
    set_pass_expiry(*db, code, *expires);
    record_staff_act(*db, {caller.id, pass->account_id, "pass_expiry",
                           {{"pass", code}, {"from", format_instant(pass->expires_at)}, {"to", format_instant(*expires)}}, now});
    transaction.commit();
    send_json(res, 200, {{"pass", {{"code", code}, {"pass", pass->pass}, {"customer", pass->account_id},
                                   {"expires_at", format_instant(*expires)}}}});
}

void get_staff_renewals(ServerContext& ctx, const Account&, const httplib::Request&, httplib::Response& res) {
    const Catalog& catalog = catalog_of(ctx.catalog.current());
    auto db = ctx.pool.lease();
    db::Transaction snapshot(*db, db::Transaction::Kind::deferred);
    json packages = json::object();
    for (const CampaignCount& count : campaign_counts(*db)) {
        json& package = packages[count.package];
        if (package.is_null()) {
            const FixedSeries* series = catalog.find_series(ProductId{count.package});
            package = {{"package", count.package}, {"name", series ? series->name : count.package}, {"statuses", json::object()},
                       {"subscribers", 0}};
        }
        package["statuses"][count.status] = count.subscribers;
        package["subscribers"] = package["subscribers"].get<std::int64_t>() + count.subscribers;
    }
    json list = json::array();
    for (auto& [id, package] : packages.items()) list.push_back(package);
    RenewalSchedule schedule(*db);
    json rollovers = json::array();
    for (const RolloverDone& done : schedule.rollovers())
        rollovers.push_back({{"from", done.from}, {"to", done.to}, {"at", format_instant(done.processed_at)},
                             {"subscribers", done.subscribers}});
    json issues = json::array();
    for (const RolloverIssueRow& issue : schedule.rollover_issues())
        issues.push_back({{"subscriber_record", issue.subscriber_id}, {"from", issue.from}, {"to", issue.to}, {"seat", issue.seat},
                          {"code", issue.code}, {"message", issue.message}});
    const std::int64_t ran = ctx.renewals_ran_until.load();
    send_json(res, 200, {{"now", format_instant(ctx.clock.now())},
                         {"processed_until", ran > 0 ? json(format_instant(Instant{ran})) : json(nullptr)},
                         {"packages", list},
                         {"rollovers", rollovers},
                         {"rollover_issues", issues}});
}

void get_staff_renewal_days(ServerContext& ctx, const Account&, const httplib::Request& req, httplib::Response& res) {
    const std::string package = req.has_param("package") ? req.get_param_value("package") : "";
    auto published = ctx.catalog.current();
    const Catalog& catalog = catalog_of(published);
    const FixedSeries* series = catalog.find_series(ProductId{package});
    if (!series || !series->renewal)
        return send_invalid_request(res, 422, "package", "package must name a series with a renewal campaign (renewal dates)");
    const Season* season = series_season(catalog, *series);
    const int offset = season ? season->utc_offset_minutes : 0;
    const Instant now = ctx.clock.now();
    std::vector<std::vector<HistoryRow>> histories;
    {
        auto db = ctx.pool.lease();
        db::Transaction snapshot(*db, db::Transaction::Kind::deferred);
        histories = package_histories(*db, package);
    }
    const CampaignSpan span = campaign_span(*series->renewal, now, offset);
    json days = json::array();
    for (const CampaignDay& day : campaign_days(histories, span.first, span.last, offset)) {
        json statuses = json::object();
        for (int s = 0; s < subscriber_status_count; ++s)
            if (day.by_status[static_cast<std::size_t>(s)] > 0)
                statuses[status_name(static_cast<SubscriberStatus>(s))] = day.by_status[static_cast<std::size_t>(s)];
        days.push_back({{"day", format_date(day.day)}, {"statuses", statuses}});
    }
    json keys = json::array();
    for (const CampaignKeyDate& key : campaign_key_dates(*series->renewal))
        keys.push_back({{"name", key.name}, {"at", format_instant(key.at)},
                        {"day", format_date(utc_date(Instant{key.at.unix_seconds + std::int64_t{offset} * 60}))}});
    send_json(res, 200, {{"package", package}, {"name", series->name}, {"now", format_instant(now)}, {"days", days}, {"key_dates", keys}});
}

void get_my_holds(ServerContext& ctx, const Account& caller, const httplib::Request&, httplib::Response& res) {
    auto db = ctx.pool.lease();
    send_json(res, 200, {{"holds", holds_json(account_holds(*db, caller.id, ctx.clock.now()))}});
}

}  // namespace encore::server
