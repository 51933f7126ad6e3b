// Sending the sign-in form through the account client.
#include "logic/sign_in_form.hpp"

#include "logic/account_client.hpp"
#include "logic/app_state.hpp"

namespace web {

namespace {
constexpr std::size_t min_new_password = 8;  // the server's rule, said before the request
}

void submit_sign_in(AppState& app, Services& services) {
    SignInForm& form = app.page.sign_in;
    if (app.account.busy) return;
    if (form.email.find('@') == std::string::npos) {
        app.account.error = "Enter your email address.";
    } else if (form.password.empty()) {
        app.account.error = form.registering ? "Choose a password of at least 8 characters." : "Enter your password.";
    } else if (form.registering && form.password.size() < min_new_password) {
        app.account.error = "Choose a password of at least 8 characters.";
    } else if (form.registering) {
        register_account(app, services, form.email, form.name, form.password);
    } else {
        log_in(app, services, form.email, form.password);
    }
}

void forget_sign_in_password(AppState& app) {
    if (!app.account.token.empty()) app.page.sign_in.password.clear();
}

}  // namespace web
