// Accounts made by someone else: an admin creates accounts of any role, and staff create a customer's account at
// the counter (the customer's own sign-up is account_routes.cpp).
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
#include "store/random_text.hpp"

namespace encore::server {

namespace {

// Hashes the password (even when the hashing queue is full: staff and admins are few) and stores the account:
// 201 {"account"}, or 409 email_taken.
void create_account(ServerContext& ctx, const NewAccount& fields, httplib::Response& res) {
    std::string hash;
    {
        PasswordGate::Slot slot(ctx.hashing);
        hash = hash_password(fields.password, ctx.options.fast_password_hashing);
    }
    auto db = ctx.pool.lease();
    auto account = insert_account(*db, fields, hash, ctx.clock.now());
    if (!account) {
        send_problem(res, 409, ApiProblem::email_taken, "Email already registered", "An account with this email exists already.");
        return;
    }
    send_json(res, 201, {{"account", account_to_json(*account)}});
}

}  // namespace

void post_account(ServerContext& ctx, const Account&, const httplib::Request& req, httplib::Response& res) {
    auto body = read_json_object(req, res);
    if (!body || !only_members(*body, {"email", "name", "password", "role"}, res)) return;
    if (auto fields = read_new_account(*body, true, res)) create_account(ctx, *fields, res);
}

void post_staff_customer(ServerContext& ctx, const Account&, const httplib::Request& req, httplib::Response& res) {
    auto body = read_json_object(req, res);
    if (!body || !only_members(*body, {"email", "name"}, res)) return;
    nlohmann::json with_password = *body;
    with_password["password"] = random_hex(24);  // nobody knows it: the customer is served at the counter
    if (auto fields = read_new_account(with_password, false, res)) create_account(ctx, *fields, res);
}

}  // namespace encore::server
