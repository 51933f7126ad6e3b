// An admin creates accounts of any role (the customer's own sign-up is account_routes.cpp).
#include "accounts/admin_account_routes.hpp"

#include <httplib.h>

#include "accounts/account_json.hpp"
#include "accounts/password_gate.hpp"
#include "accounts/passwords.hpp"
#include "context/clock.hpp"
#include "context/options.hpp"
#include "http/json_exchange.hpp"
#include "http/problem.hpp"
#include "store/connection_pool.hpp"

namespace encore::server {

void post_account(ServerContext& ctx, const Account&, const httplib::Request& req, httplib::Response& res) {
    auto body = read_json_object(req, res);
    if (!body || !only_members(*body, {"email", "name", "password", "role"}, res)) return;
    auto fields = read_new_account(*body, true, res);
    if (!fields) return;
    std::string hash;
    {
        PasswordGate::Slot slot(ctx.hashing);  // admins are few: hashed even when the queue is full
        hash = hash_password(fields->password, ctx.options.fast_password_hashing);
    }
    auto db = ctx.pool.lease();
    auto account = insert_account(*db, *fields, hash, ctx.clock.now());
    if (!account) {
        send_problem(res, 409, ApiProblem::email_taken, "Email already registered", "An account with this email exists already.");
        return;
    }
    send_json(res, 201, {{"account", account_to_json(*account)}});
}

}  // namespace encore::server
