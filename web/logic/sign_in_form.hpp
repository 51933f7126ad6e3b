// The log-in / create-account form (in the checkout and the account window): what is typed, and sending it.
#pragma once
#include <string>

#include "logic/services.hpp"

namespace web {

struct AppState;

struct SignInForm {
    bool registering = false;  // "Create account" rather than "Log in"
    std::string email, name, password;
};

// Checks the fields and starts log_in or register_account; a missing field or a short new password sets
// app.account.error instead. Nothing while a request is under way.
void submit_sign_in(AppState& app, Services& services);
// Once signed in, the password is forgotten.
void forget_sign_in_password(AppState& app);

}  // namespace web
