// Shapes accepted for emails, names and passwords, and the account object the API returns.
#include "accounts/account_json.hpp"

#include <httplib.h>

#include "http/json_exchange.hpp"
#include "http/problem.hpp"

namespace encore::server {
namespace {

constexpr std::size_t min_password_length = 8;
constexpr std::size_t max_password_length = 1024;
constexpr std::size_t max_email_length = 254;
constexpr std::size_t max_name_length = 200;

// local@domain.tld: printable ASCII without spaces, one '@', a dot inside the domain.
bool is_email_shape(std::string_view email) {
    if (email.empty() || email.size() > max_email_length) return false;
    for (char c : email)
        if (c <= 0x20 || c >= 0x7f) return false;
    const auto at = email.find('@');
    if (at == 0 || at == std::string_view::npos || email.find('@', at + 1) != std::string_view::npos) return false;
    const std::string_view domain = email.substr(at + 1);
    const auto dot = domain.find('.');
    return dot != std::string_view::npos && dot != 0 && domain.back() != '.';
}

bool has_control_character(std::string_view text) {
    for (char c : text)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return true;
    return false;
}

std::string trimmed(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    return std::string(text);
}

}  // namespace

nlohmann::json account_to_json(const Account& account) {
    return {{"id", account.id},
            {"email", account.email},
            {"name", account.name},
            {"role", role_name(account.role)},
            {"tags", account.tags}};
}

std::optional<NewAccount> read_new_account(const nlohmann::json& body, bool with_role, httplib::Response& res) {
    NewAccount account;
    auto email = read_string_field(body, "email", res);
    if (!email) return std::nullopt;
    if (!is_email_shape(*email)) {
        send_invalid_field(res, "email", "The email \"" + printable(*email) + "\" is not an address like name@example.org.");
        return std::nullopt;
    }
    auto name = read_string_field(body, "name", res);
    if (!name) return std::nullopt;
    account.name = trimmed(*name);
    if (account.name.empty() || account.name.size() > max_name_length || has_control_character(account.name)) {
        send_invalid_field(res, "name", "The name must be 1 to 200 characters long, without control characters.");
        return std::nullopt;
    }
    auto password = read_string_field(body, "password", res);
    if (!password) return std::nullopt;
    if (password->size() < min_password_length || password->size() > max_password_length) {
        send_invalid_field(res, "password", "The password must be 8 to 1024 characters long.");
        return std::nullopt;
    }
    if (with_role) {
        auto role_text = read_string_field(body, "role", res);
        if (!role_text) return std::nullopt;
        auto role = role_from_name(*role_text);
        if (!role) {
            send_invalid_field(res, "role", "The role must be \"customer\", \"staff\" or \"admin\".");
            return std::nullopt;
        }
        account.role = *role;
    }
    account.email = std::move(*email);
    account.password = std::move(*password);
    return account;
}

}  // namespace encore::server
