// Sign-up, log-in and log-out with sessions, and the caller's own account.
#include "accounts/account_routes.hpp"

#include <httplib.h>

#include <cctype>

#include "accounts/account_json.hpp"
#include "accounts/accounts.hpp"
#include "accounts/password_gate.hpp"
#include "accounts/passwords.hpp"
#include "context/clock.hpp"
#include "context/options.hpp"
#include "http/json_exchange.hpp"
#include "http/problem.hpp"
#include "http/rate_limiter.hpp"
#include "store/account_store.hpp"
#include "store/connection_pool.hpp"
#include "store/sessions.hpp"

namespace encore::server {
namespace {

void send_session(ServerContext& ctx, const Account& account, int status, httplib::Response& res) {
    auto db = ctx.pool.lease();
    NewSession session = start_session(*db, account.id, ctx.clock.now(), ctx.options.session_hours,
                                       ctx.options.max_sessions_per_account);
    send_json(res, status,
              {{"account", account_to_json(account)},
               {"token", session.token},
               {"expires_at", format_instant(session.expires_at)}});
}

// Login and registration attempts per email (--login-rate-per-account), whichever address they come from.
bool within_account_limit(ServerContext& ctx, const std::string& email, httplib::Response& res) {
    std::string key = email;
    for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ctx.limiter.admit_key("logins-per-account", ctx.options.login_requests_per_account, key.substr(0, 254), res);
}

void send_busy(httplib::Response& res) {
    res.set_header("Retry-After", "1");
    send_problem(res, 503, ApiProblem::server_busy, "Server busy",
                 "Too many logins are being checked right now; try again in a second.");
}

}  // namespace

void post_register(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    auto body = read_json_object(req, res);
    if (!body || !only_members(*body, {"email", "name", "password"}, res)) return;
    auto fields = read_new_account(*body, false, res);
    if (!fields) return;
    PasswordGate::Slot slot(ctx.hashing);  // first: a 503 that hashed nothing costs no attempt
    if (!slot.admitted()) return send_busy(res);
    if (!within_account_limit(ctx, fields->email, res)) return;
    const std::string hash = hash_password(fields->password, ctx.options.fast_password_hashing);
    std::optional<Account> account;
    {
        auto db = ctx.pool.lease();
        account = insert_account(*db, *fields, hash, ctx.clock.now());
    }
    if (!account) {
        send_problem(res, 409, ApiProblem::email_taken, "Email already registered",
                     "An account with this email exists already; log in instead.");
        return;
    }
    send_session(ctx, *account, 201, res);
}

void post_login(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    auto body = read_json_object(req, res);
    if (!body || !only_members(*body, {"email", "password"}, res)) return;
    auto email = read_string_field(*body, "email", res);
    if (!email) return;
    auto password = read_string_field(*body, "password", res);
    if (!password) return;
    PasswordGate::Slot slot(ctx.hashing);  // first: a 503 that hashed nothing costs no attempt
    if (!slot.admitted()) return send_busy(res);
    if (!within_account_limit(ctx, *email, res)) return;
    std::optional<Account> account;
    {
        auto db = ctx.pool.lease();
        auto record = find_login(*db, *email);
        if (!record)
            verify_against_dummy(*password, ctx.options.fast_password_hashing);
        else if (verify_password(record->password_hash, *password))
            account = find_account(*db, record->account_id);
    }
    if (!account) {
        send_problem(res, 401, ApiProblem::invalid_credentials, "Wrong email or password",
                     "The email and password do not match an account.");
        return;
    }
    send_session(ctx, *account, 200, res);
}

void post_logout(ServerContext& ctx, const Account&, const httplib::Request& req, httplib::Response& res) {
    auto db = ctx.pool.lease();
    end_session(*db, *bearer_token(req.get_header_value("Authorization")));
    res.status = 204;
}

void get_me(ServerContext&, const Account& caller, const httplib::Request&, httplib::Response& res) {
    send_json(res, 200, {{"account", account_to_json(caller)}});
}

}  // namespace encore::server
