// Accounts on the wire: the public account object, and the checked fields of a new account.
#pragma once
#include <optional>

#include <nlohmann/json.hpp>

#include "accounts/accounts.hpp"
#include "store/account_store.hpp"

namespace encore::server {

// {"id","email","name","role","tags"}; never the password hash.
nlohmann::json account_to_json(const Account& account);
// {"email","name","password"} (and "role" when `with_role`) checked for shape, or nullopt after
// answering 422 invalid_request naming the first bad field.
std::optional<NewAccount> read_new_account(const nlohmann::json& body, bool with_role, httplib::Response& res);

}  // namespace encore::server
