// Who is signed in: the session token (kept in the page's localStorage), the account's email and name, and
// the core Customer the server knows (owned passes, memberships), used to price the basket as the server will.
#pragma once
#include <string>

#include "encore/basket.hpp"

namespace web {

struct AccountState {
    std::string token;              // "Authorization: Bearer <token>"; empty when signed out
    std::string email, name;        // known once /api/me (or login/register) answered
    std::string role;               // "customer", "staff" or "admin" (staff and admins get the counter)
    encore::Customer customer;      // from GET /api/me/customer; empty when signed out
    int customer_revision = 0;      // grows whenever `customer` changes (pricing cache key)
    bool restored = false;          // the stored token was read at start
    bool busy = false;              // a login/register request is under way
    std::string error;              // why the last login/register failed, in words
    bool window_open = false;       // the account window is shown
};

}  // namespace web
