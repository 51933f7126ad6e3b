// Who is calling: the account behind a request's session, and the check the route table makes of a
// row's access. The accounts themselves are rows of store/account_store.hpp.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "context/server_context.hpp"
#include "store/account_store.hpp"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace encore::server {

// The token of an "Authorization: Bearer <token>" header value, or nullopt if it has another shape.
std::optional<std::string> bearer_token(std::string_view authorization);
// The account of a valid, unexpired session named by "Authorization: Bearer <token>", or nullopt.
std::optional<Account> authenticate(ServerContext& ctx, const httplib::Request& req);
// The caller's account if it has at least `role` (staff < admin), or nullopt after answering 401 or 403.
std::optional<Account> require_role(ServerContext& ctx, const httplib::Request& req, httplib::Response& res, Role role);
// Creates the --admin account on start if it does not exist yet.
void ensure_admin_account(ServerContext& ctx);

}  // namespace encore::server
