// HTTP for accounts made by someone else: an admin's accounts of any role, a customer's made at the counter.
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
// POST /api/staff/customers {"email", "name"}: 201 {"account"} with role customer and an unguessable password
// nobody knows (no session is started); 409 email_taken.
void post_staff_customer(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);

}  // namespace encore::server
