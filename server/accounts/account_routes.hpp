// HTTP for a customer's own account: sign up, log in and out, and who am I.
#pragma once
#include "context/server_context.hpp"
#include "store/account_store.hpp"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace encore::server {

// POST /api/auth/register {"email", "name", "password"}: 201 with a session; 409 email_taken.
void post_register(ServerContext& ctx, const httplib::Request& req, httplib::Response& res);
// POST /api/auth/login {"email", "password"}: 200 with a session; 401 invalid_credentials.
void post_login(ServerContext& ctx, const httplib::Request& req, httplib::Response& res);
// POST /api/auth/logout: ends the session of the request's bearer token; 204.
void post_logout(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);
// GET /api/me: {"account"}.
void get_me(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);

}  // namespace encore::server
