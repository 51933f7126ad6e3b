// Subscriber actions over HTTP bodies: decode, then one transaction that asks the core, prices, charges
// and writes.
#include "renewals/subscriber_actions.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "catalog/catalog_state.hpp"
#include "context/clock.hpp"
#include "encore/money.hpp"
#include "encore/pricing_json.hpp"
#include "encore/renewals_json.hpp"
#include "http/problem.hpp"
#include "store/connection_pool.hpp"
#include "store/idempotency.hpp"
#include "store/payments.hpp"
#include "store/renewal_ledger.hpp"
#include "store/seat_ledger.hpp"
#include "store/staff_acts.hpp"
#include "store/subscriber_store.hpp"

namespace encore::server {
namespace {

using nlohmann::json;

constexpr std::size_t max_seats = 50;
constexpr std::size_t max_text = 500;

constexpr std::array<std::pair<const char*, ActionKind>, 6> action_names{{
    {"renew", ActionKind::renew},
    {"decline", ActionKind::decline},
    {"change_seats", ActionKind::change_seats},
    {"auto_renew_on", ActionKind::auto_renew_on},
    {"auto_renew_off", ActionKind::auto_renew_off},
    {"pay_instalment", ActionKind::record_payment},
}};

const char* action_word(ActionKind kind) {
    for (const auto& [word, k] : action_names)
        if (k == kind) return word;
    return "action";
}

std::optional<RequestProblem> decode_payment(const json& payment, Viewer viewer, ActionRequest& out) {
    if (!payment.is_object()) return RequestProblem{"payment", "\"payment\" must be an object such as {\"method\": \"card\", \"card_token\": \"tok_…\"}"};
    for (const auto& [key, value] : payment.items())
        if (key != "method" && key != "card_token" && key != "reference")
            return RequestProblem{"payment/" + printable(key, 40), "\"payment/" + printable(key, 40) + "\" is not a field of a payment"};
    const std::string method = payment.value("method", std::string());
    if (method == "card") {
        auto token = payment.find("card_token");
        if (token == payment.end() || !token->is_string() || token->get_ref<const std::string&>().empty() ||
            token->get_ref<const std::string&>().size() > 100)
            return RequestProblem{"payment/card_token", "\"payment/card_token\" must be the token of a stored card"};
        out.card_token = token->get<std::string>();
        return std::nullopt;
    }
    if (method == "recorded" && viewer == Viewer::staff) {
        out.recorded_payment = true;
        const auto reference = payment.find("reference");
        if (reference != payment.end()) {
            if (!reference->is_string() || reference->get_ref<const std::string&>().size() > max_text)
                return RequestProblem{"payment/reference", "\"payment/reference\" must be a text of at most 500 characters"};
            out.payment_reference = reference->get<std::string>();
        }
        return std::nullopt;
    }
    return RequestProblem{"payment/method", viewer == Viewer::staff
                                                ? "\"payment/method\" must be \"card\" or \"recorded\" (money taken at the box office)"
                                                : "\"payment/method\" must be \"card\""};
}

ApiResponse refusal(const RuleCheck& check) {
    std::string detail = check.message;
    if (!detail.empty()) detail[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(detail[0])));
    ApiResponse response = problem_response(422, ApiProblem::renewal_refused, "Renewal action refused", detail + ".");
    response.body["reason"] = check.code;
    return response;
}

ApiResponse not_found(std::int64_t id) {
    return problem_response(404, ApiProblem::subscriber_record_not_found, "Subscriber record not found",
                            "You have no subscriber record " + std::to_string(id) + ".");
}

// Takes `due` for the record: a stored card of its customer, or a payment staff recorded. A problem, or nullopt.
std::optional<ApiResponse> take_payment(db::Connection& db, const Catalog& catalog, const SubscriberRecord& record,
                                        const ActionRequest& request, Viewer viewer, std::int64_t due, RenewalPayment& payment) {
    if (!request.card_token.empty()) {
        const ChargeResult charge =
            TestCardProvider(db).charge(record.account_id, request.card_token, due, "sub" + std::to_string(record.id));
        if (!charge.approved) {
            ApiResponse declined = problem_response(402, ApiProblem::payment_declined, "Payment declined",
                                                    "The card was declined (" + charge.reason + "); nothing was changed.");
            declined.body["reason"] = charge.reason;
            return declined;
        }
        payment.method = "card";
        payment.card_token = request.card_token;
        payment.reference = charge.reference;
        return std::nullopt;
    }
    if (viewer == Viewer::staff && request.recorded_payment) {
        payment.method = "recorded";
        payment.reference = request.payment_reference.empty() ? "recorded at the box office" : request.payment_reference;
        return std::nullopt;
    }
    ApiResponse missing = problem_response(
        422, ApiProblem::invalid_request, "Payment needed",
        "payment: this costs " + format_money({due, catalog.currency}) + "; pay with a stored card (\"payment\": {\"method\": \"card\", \"card_token\": …})" +
            (viewer == Viewer::staff ? " or record a payment taken at the box office ({\"method\": \"recorded\"})." : "."));
    missing.body["field"] = "payment";
    return missing;
}

}  // namespace

std::variant<ActionRequest, RequestProblem> decode_action_request(const json& body, Viewer viewer) {
    if (!body.is_object()) return RequestProblem{"", "the body must be a JSON object"};
    ActionRequest out;
    static const std::array<const char*, 8> known{"action", "instalments", "group", "seats", "note", "expected_amount", "payment", "amount"};
    for (const auto& [key, value] : body.items())
        if (std::find_if(known.begin(), known.end(), [&](const char* k) { return key == k; }) == known.end())
            return RequestProblem{printable(key, 40), "\"" + printable(key, 40) + "\" is not a field of a subscriber action"};
    const auto action = body.find("action");
    if (action == body.end() || !action->is_string()) return RequestProblem{"action", "\"action\" must name the action, e.g. \"renew\""};
    const auto kind = std::find_if(action_names.begin(), action_names.end(),
                                   [&](const auto& entry) { return *action == entry.first; });
    if (kind == action_names.end())
        return RequestProblem{"action", "\"action\" must be renew, decline, change_seats, auto_renew_on, auto_renew_off or pay_instalment"};
    out.action.kind = kind->second;
    if (auto n = body.find("instalments"); n != body.end()) {
        if (!n->is_number_integer() || n->get<std::int64_t>() < 1 || n->get<std::int64_t>() > 12)
            return RequestProblem{"instalments", "\"instalments\" must be a whole number from 1 (pay in full) to 12"};
        out.action.instalments = n->get<int>();
    }
    if (auto group = body.find("group"); group != body.end()) {
        if (!group->is_string() || !is_valid_id(group->get<std::string>()))
            return RequestProblem{"group", "\"group\" must be the id of a group of the package"};
        out.action.group = SeriesGroupId{group->get<std::string>()};
    }
    if (auto seats = body.find("seats"); seats != body.end()) {
        if (!seats->is_array() || seats->size() > max_seats)
            return RequestProblem{"seats", "\"seats\" must be a list of at most 50 seat ids"};
        for (std::size_t i = 0; i < seats->size(); ++i) {
            const json& seat = (*seats)[i];
            if (!seat.is_string() || !is_valid_id(seat.get<std::string>()))
                return RequestProblem{"seats/" + std::to_string(i), "each seat must be a seat id such as \"ST-A-1\""};
            out.action.seats.push_back(SeatId{seat.get<std::string>()});
        }
    }
    if (auto note = body.find("note"); note != body.end()) {
        if (!note->is_string() || note->get_ref<const std::string&>().size() > max_text)
            return RequestProblem{"note", "\"note\" must be a text of at most 500 characters"};
        out.action.note = note->get<std::string>();
    }
    if (auto expected = body.find("expected_amount"); expected != body.end()) {
        if (!expected->is_number_integer() || expected->get<std::int64_t>() < 0)
            return RequestProblem{"expected_amount", "\"expected_amount\" must be the amount shown, in minor units"};
        out.expected_amount = expected->get<std::int64_t>();
    }
    if (auto amount = body.find("amount"); amount != body.end()) {
        if (!amount->is_number_integer() || amount->get<std::int64_t>() < 0)
            return RequestProblem{"amount", "\"amount\" must be the instalment's amount in minor units"};
        out.action.amount = amount->get<std::int64_t>();
    }
    if (auto payment = body.find("payment"); payment != body.end())
        if (auto problem = decode_payment(*payment, viewer, out)) return *problem;
    return out;
}

ApiResponse perform_action(ServerContext& ctx, const Account& caller, std::int64_t record_id, const ActionRequest& request,
                           Viewer viewer, const std::optional<ActionKey>& key) {
    auto published = ctx.catalog.current();
    if (!published)
        return problem_response(503, ApiProblem::catalog_missing, "No catalog loaded", "The server has no catalog yet.");
    const Catalog& catalog = published->catalog;
    auto db = ctx.pool.lease();
    db::Transaction transaction(*db, db::Transaction::Kind::immediate);
    const Instant now = ctx.clock.now();
    if (key)
        if (auto stored = find_stored_response(*db, caller.id, key->key)) {
            if (stored->fingerprint == key->fingerprint) return {stored->status, json::parse(stored->body)};
            return problem_response(422, ApiProblem::idempotency_key_reused, "Idempotency key already used",
                                    "This Idempotency-Key was used for a different request; use a new key for a new action.");
        }
    SeatLedger seats(*db);
    SubscriberStore records(*db, catalog, seats);
    auto record = records.load(record_id);
    if (!record || (viewer == Viewer::customer && record->account_id != caller.id)) return not_found(record_id);

    RenewalAction action = request.action;
    action.actor = viewer == Viewer::staff ? Actor{ActorKind::staff, std::to_string(caller.id)}
                                           : Actor{ActorKind::customer, std::to_string(caller.id)};
    const Facts facts = subscriber_facts(*db, catalog, *record);
    const SubscriberState& st = record->state;
    if (action.kind == ActionKind::record_payment && action.amount == 0 && st.instalments_paid < st.plan.size())
        action.amount = st.plan[st.instalments_paid].amount;
    if (action.kind == ActionKind::renew) {
        RenewalAction probe = action;  // the rows before the renewal's own: the seats it renews
        probe.instalments = 1;
        probe.total = 0;
        const ActionResult dry = apply_action(catalog, st, probe, facts, now);
        if (!dry.check.ok) return refusal(dry.check);
        SubscriberState renewing = st;
        for (std::size_t i = 0; i + 1 < dry.rows.size(); ++i) fold(renewing, dry.rows[i]);
        const PricedBasket priced = renewal_price(*db, catalog, *record, renewing, renewal_channel(viewer), now);
        if (!priced.valid) {
            ApiResponse refused = problem_response(
                422, ApiProblem::renewal_not_priced, "The renewal cannot be priced",
                priced.problems.empty() ? "The renewal cannot be priced." : priced.problems.front().message + ".");
            refused.body["problems"] = priced_basket_to_json(priced)["problems"];
            return refused;
        }
        action.total = priced.total;
    }
    const ActionResult result = apply_action(catalog, st, action, facts, now);
    if (!result.check.ok) return refusal(result.check);

    std::int64_t due = 0;
    std::size_t paying_row = result.rows.size();
    for (std::size_t i = 0; i < result.rows.size(); ++i)
        if (result.rows[i].amount > 0) {
            due += result.rows[i].amount;
            paying_row = i;
        }
    if (request.expected_amount && *request.expected_amount != due) {
        ApiResponse changed = problem_response(409, ApiProblem::price_changed, "The price has changed",
                                               "This costs " + format_money({due, catalog.currency}) + ", not " +
                                                   format_money({*request.expected_amount, catalog.currency}) + ".");
        changed.body.update({{"expected_total", *request.expected_amount}, {"actual_total", due}});
        return changed;
    }
    RenewalPayment payment;
    if (due > 0)
        if (auto problem = take_payment(*db, catalog, *record, request, viewer, due, payment)) return *problem;

    const std::size_t before = record->history.size();
    try {
        records.append(*record, result.rows, now);
    } catch (const SubscriberWriteError&) {
        return problem_response(409, ApiProblem::seats_unavailable, "Seat not available",
                                "A seat of this change is no longer free; nothing was changed.");
    }
    if (due > 0) {
        payment.sequence = static_cast<std::int64_t>(before + paying_row + 1);
        payment.amount = due;
        payment.taken_by = actor_text(action.actor);
        payment.created_at = now;
        RenewalLedger(*db).record_payment(record->id, payment);
    }
    if (viewer == Viewer::staff)
        record_staff_act(*db, {caller.id, record->account_id, "renewal_action",
                               {{"subscriber_record", record->id}, {"action", action_word(action.kind)}, {"amount", due}}, now});
    seats.finish();
    json appended = json::array();
    for (std::size_t i = before; i < record->history.size(); ++i) {
        json row = history_row_to_json(record->history[i]);
        row["status"] = visible_status(record->history[i].status, viewer);
        row["sequence"] = i + 1;
        appended.push_back(std::move(row));
    }
    ApiResponse answer{200, {{"subscriber_record", subscriber_view(*db, catalog, *record, viewer, now)}, {"appended", appended}}};
    if (key) store_response(*db, caller.id, key->key, {key->fingerprint, answer.status, answer.body.dump()}, now);
    transaction.commit();
    return answer;
}

}  // namespace encore::server
