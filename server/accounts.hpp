// Accounts and sessions: who is calling. Handlers ask `authenticate` for the caller and use the
// helpers below to answer 401/403 in one line. Implemented in accounts.cpp and account_routes.cpp.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server_context.hpp"

namespace httplib {
struct Request;
struct Response;
class Server;
}  // namespace httplib

namespace encore::server {

enum class Role { customer, staff, admin };
const char* role_name(Role role);

struct Account {
    std::int64_t id = 0;
    std::string email;
    std::string name;
    Role role = Role::customer;
    std::vector<std::string> tags;
};

// The account of a valid, unexpired session named by "Authorization: Bearer <token>", or nullopt.
std::optional<Account> authenticate(ServerContext& ctx, const httplib::Request& req);
// The caller's account, or nullopt after answering 401 (no or expired session).
std::optional<Account> require_login(ServerContext& ctx, const httplib::Request& req, httplib::Response& res);
// The caller's account if it has at least `role` (staff < admin), or nullopt after answering 401 or 403.
std::optional<Account> require_role(ServerContext& ctx, const httplib::Request& req, httplib::Response& res, Role role);
// Creates the --admin account on start if it does not exist yet.
void ensure_admin_account(ServerContext& ctx);

// /api/auth/register, /api/auth/login, /api/auth/logout, /api/me
void install_account_routes(httplib::Server& server, ServerContext& ctx);
// /api/admin/...: catalog items and products (validated by the core), the clock, accounts
void install_admin_routes(httplib::Server& server, ServerContext& ctx);

}  // namespace encore::server
