// HTTP for holds: POST /api/holds, GET and DELETE /api/holds/{token}, POST .../extend, .../abandon and .../release.
#include "sales/hold_routes.hpp"

#include <httplib.h>

#include <nlohmann/json.hpp>

#include "accounts/accounts.hpp"
#include "catalog/catalog_state.hpp"
#include "http/json_exchange.hpp"
#include "http/problem.hpp"
#include "sales/hold_operations.hpp"

namespace encore::server {
namespace {

using nlohmann::json;

constexpr const char* holds_path = "/api/holds";

json seats_json(const std::vector<SeatRef>& seats) {
    json list = json::array();
    for (const SeatRef& s : seats) list.push_back({{"instance", s.instance.value}, {"seat", s.seat.value}});
    return list;
}

json hold_json(const HoldView& view) {
    return {{"hold",
             {{"token", view.record.token},
              {"expires_at", format_instant(view.record.expires_at)},
              {"max_expires_at", format_instant(view.record.max_expires_at)},
              {"seats", seats_json(view.seats)}}}};
}

void send_invalid(httplib::Response& res, const FieldProblem& problem) {
    if (problem.too_deep) send_problem(res, 400, ApiProblem::json_too_deep, "JSON nested too deep", problem.message);
    else if (problem.malformed_json) send_problem(res, 400, ApiProblem::malformed_json, "Malformed JSON", problem.message);
    else send_invalid_field(res, problem.field, problem.message);
}

void answer(httplib::Response& res, const HoldOutcome& outcome, int success_status) {
    if (const auto* view = std::get_if<HoldView>(&outcome)) {
        if (success_status == 204) res.status = 204;
        else send_json(res, success_status, hold_json(*view));
    } else if (const auto* taken = std::get_if<SeatsUnavailable>(&outcome)) {
        std::string names;
        for (const SeatRef& seat : taken->seats)
            names += (names.empty() ? "" : ", ") + seat.seat.value + " at " + seat.instance.value;
        send_problem(res, 409, ApiProblem::seats_unavailable, "Seats unavailable",
                     "Already taken: " + printable(names, 400) + "; nothing was held.");
        add_problem_member(res, "seats", seats_json(taken->seats));
    } else if (const auto* refused = std::get_if<HoldRefused>(&outcome)) {
        const std::string first = refused->problems.empty() ? "" : refused->problems[0].value("message", "");
        send_problem(res, 422, ApiProblem::hold_refused, "Hold refused", "These seats cannot be held: " + first + ".");
        add_problem_member(res, "problems", refused->problems);
    } else if (const auto* limit = std::get_if<HoldLimitReached>(&outcome)) {
        const bool too_large = limit->code == ApiProblem::hold_too_large;
        send_problem(res, too_large ? 422 : 409, limit->code,
                     too_large ? "Too many seats in one hold" : "Seat limit reached", limit->detail);
        add_problem_member(res, "limit", limit->limit);
    } else if (std::holds_alternative<HoldNotFound>(outcome)) {
        send_problem(res, 404, ApiProblem::hold_not_found, "Hold not found",
                     "There is no such hold; it may have expired or been released.");
    } else {
        send_invalid(res, std::get<FieldProblem>(outcome));
    }
}

bool staff(const std::optional<Account>& caller) { return caller && caller->role != Role::customer; }

}  // namespace

void post_hold(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    auto published = ctx.catalog.current();
    if (!published) {
        send_problem(res, 503, ApiProblem::catalog_missing, "No catalog loaded", "The server has no catalog, so nothing can be held.");
        return;
    }
    auto decoded = decode_hold_request(req.body);
    if (const auto* problem = std::get_if<FieldProblem>(&decoded)) return send_invalid(res, *problem);
    const HoldRequest& request = std::get<HoldRequest>(decoded);
    const std::optional<Account> caller = authenticate(ctx, req);
    if (request.channel == Channel::box_office && !staff(caller)) {
        send_problem(res, 403, ApiProblem::forbidden, "Staff only", "Only box-office staff can hold seats on the box_office channel.");
        return;
    }
    if (!request.series && !published->catalog.find_instance(request.instance)) {
        send_problem(res, 404, ApiProblem::instance_not_found, "Instance not found",
                     "There is no instance \"" + request.instance.value + "\" in the catalog.");
        return;
    }
    HoldOutcome outcome = create_hold(ctx, published->catalog, caller, request, req.remote_addr);
    if (const auto* view = std::get_if<HoldView>(&outcome))
        res.set_header("Location", std::string(holds_path) + "/" + view->record.token);
    answer(res, outcome, 201);
}

void get_hold(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    answer(res, read_hold(ctx, authenticate(ctx, req), req.matches[1]), 200);
}

void delete_hold(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    answer(res, cancel_hold(ctx, authenticate(ctx, req), req.matches[1]), 204);
}

void post_hold_extend(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    answer(res, extend_hold(ctx, authenticate(ctx, req), req.matches[1]), 200);
}

void post_hold_abandon(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    answer(res, abandon_hold(ctx, authenticate(ctx, req), req.matches[1]), 200);
}

void post_hold_release(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    auto decoded = decode_seat_release(req.body);
    if (const auto* problem = std::get_if<FieldProblem>(&decoded)) return send_invalid(res, *problem);
    answer(res, release_hold_seats(ctx, authenticate(ctx, req), req.matches[1], std::get<std::vector<SeatRef>>(decoded)), 200);
}

}  // namespace encore::server
