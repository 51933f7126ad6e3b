// HTTP for an admin's account work: accounts of any role.
#pragma once
#include "context/server_context.hpp"
#include "store/account_store.hpp"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace encore::server {

// POST /api/admin/accounts {"email", "name", "password", "role"}: 201 {"account"}; 409 email_taken.
void post_account(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);

}  // namespace encore::server
