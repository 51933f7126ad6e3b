// Who is calling: the session behind a bearer token, role checks, and the --admin account at start-up.
#include "accounts/accounts.hpp"

#include <httplib.h>

#include <cctype>
#include <stdexcept>

#include "accounts/passwords.hpp"
#include "context/clock.hpp"
#include "context/options.hpp"
#include "http/problem.hpp"
#include "store/account_store.hpp"
#include "store/connection_pool.hpp"
#include "store/sessions.hpp"

namespace encore::server {
namespace {

int rank(Role role) {
    switch (role) {
        case Role::customer: return 0;
        case Role::staff: return 1;
        case Role::admin: return 2;
    }
    return 0;
}

void send_unauthorized(httplib::Response& res) {
    res.set_header("WWW-Authenticate", "Bearer");
    send_problem(res, 401, ApiProblem::unauthorized, "Login required",
                 "This needs a valid session: log in and send \"Authorization: Bearer <token>\".");
}

// The caller's account, or nullopt after answering 401 (no or expired session).
std::optional<Account> require_login(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    auto account = authenticate(ctx, req);
    if (!account) send_unauthorized(res);
    return account;
}

}  // namespace

std::optional<std::string> bearer_token(std::string_view authorization) {
    constexpr std::string_view scheme = "bearer ";
    if (authorization.size() <= scheme.size()) return std::nullopt;
    for (std::size_t i = 0; i < scheme.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(authorization[i])) != scheme[i]) return std::nullopt;
    std::string_view token = authorization.substr(scheme.size());
    while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
    while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
    if (!is_session_token(token)) return std::nullopt;
    return std::string(token);
}

std::optional<Account> authenticate(ServerContext& ctx, const httplib::Request& req) {
    auto token = bearer_token(req.get_header_value("Authorization"));
    if (!token) return std::nullopt;
    auto db = ctx.pool.lease();
    auto account_id = session_account(*db, *token, ctx.clock.now());
    if (!account_id) return std::nullopt;
    return find_account(*db, *account_id);
}

std::optional<Account> require_role(ServerContext& ctx, const httplib::Request& req, httplib::Response& res, Role role) {
    auto account = require_login(ctx, req, res);
    if (!account || rank(account->role) >= rank(role)) return account;
    send_problem(res, 403, ApiProblem::forbidden, "Not allowed",
                 std::string("This needs the ") + role_name(role) + " role; your account is " +
                     role_name(account->role) + ".");
    return std::nullopt;
}

void ensure_admin_account(ServerContext& ctx) {
    const std::string& flag = ctx.options.admin;
    if (flag.empty()) return;
    const auto colon = flag.find(':');
    if (colon == std::string::npos) throw std::runtime_error("--admin expects EMAIL:PASSWORD");
    NewAccount admin{flag.substr(0, colon), "Administrator", flag.substr(colon + 1), Role::admin};
    auto db = ctx.pool.lease();
    if (find_login(*db, admin.email)) return;
    insert_account(*db, admin, hash_password(admin.password, ctx.options.fast_password_hashing), ctx.clock.now());
}

}  // namespace encore::server
