// /api/admin/...: the catalog (admin_catalog_routes.cpp), the server clock, and accounts of any role.
#include "accounts/admin_routes.hpp"

#include <httplib.h>

#include "accounts/account_json.hpp"
#include "accounts/accounts.hpp"
#include "accounts/passwords.hpp"
#include "app/clock.hpp"
#include "app/options.hpp"
#include "http/json_exchange.hpp"
#include "http/problem.hpp"
#include "store/account_store.hpp"
#include "store/connection_pool.hpp"

namespace encore::server {
namespace {

nlohmann::json clock_to_json(const ServerClock& clock) {
    return {{"now", format_instant(clock.now())}, {"offset_seconds", clock.offset_seconds()}};
}

void get_clock(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    if (!require_role(ctx, req, res, Role::admin)) return;
    send_json(res, 200, clock_to_json(ctx.clock));
}

void put_clock(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    if (!require_role(ctx, req, res, Role::admin)) return;
    auto body = read_json_object(req, res);
    if (!body) return;
    if (body->contains("reset")) {
        if ((*body)["reset"] != true) {
            send_invalid_field(res, "reset", "\"reset\" can only be true; to move the clock send {\"now\": ...}.");
            return;
        }
        ctx.clock.reset();
    } else {
        auto now = read_string_field(*body, "now", res);
        if (!now) return;
        auto instant = parse_instant(*now);
        if (!instant) {
            send_invalid_field(res, "now",
                               "\"now\" must be an RFC 3339 instant such as \"2027-01-12T10:00:00Z\", not \"" +
                                   printable(*now) + "\".");
            return;
        }
        ctx.clock.travel_to(*instant);
    }
    send_json(res, 200, clock_to_json(ctx.clock));
}

void create_account(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    if (!require_role(ctx, req, res, Role::admin)) return;
    auto body = read_json_object(req, res);
    if (!body) return;
    auto fields = read_new_account(*body, true, res);
    if (!fields) return;
    const std::string hash = hash_password(fields->password, ctx.options.fast_password_hashing);
    auto db = ctx.pool.lease();
    auto account = insert_account(*db, *fields, hash, ctx.clock.now());
    if (!account) {
        send_problem(res, 409, "email_taken", "Email already registered", "An account with this email exists already.");
        return;
    }
    send_json(res, 201, {{"account", account_to_json(*account)}});
}

}  // namespace

void install_admin_routes(httplib::Server& server, ServerContext& ctx) {
    server.Get("/api/admin/clock", [&ctx](const httplib::Request& req, httplib::Response& res) { get_clock(ctx, req, res); });
    server.Put("/api/admin/clock", [&ctx](const httplib::Request& req, httplib::Response& res) { put_clock(ctx, req, res); });
    server.Post("/api/admin/accounts", [&ctx](const httplib::Request& req, httplib::Response& res) {
        create_account(ctx, req, res);
    });
}

}  // namespace encore::server
