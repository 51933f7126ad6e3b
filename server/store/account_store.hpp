// The accounts table: an account and its role; create one, find one by id, or find the password hash
// behind an email.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "encore/time.hpp"
#include "store/database.hpp"

namespace encore::server {

enum class Role { customer, staff, admin };
// "customer", "staff" or "admin".
const char* role_name(Role role);
// "customer", "staff" or "admin" -> the role; nullopt for anything else.
std::optional<Role> role_from_name(std::string_view name);

struct Account {
    std::int64_t id = 0;
    std::string email;
    std::string name;
    Role role = Role::customer;
    std::vector<std::string> tags;
};

struct NewAccount {
    std::string email;
    std::string name;
    std::string password;
    Role role = Role::customer;
};

struct LoginRecord {
    std::int64_t account_id = 0;
    std::string password_hash;
};

// Inserts the account; nullopt if the email is already taken (case-insensitively).
std::optional<Account> insert_account(db::Connection& db, const NewAccount& account,
                                      const std::string& password_hash, Instant now);
std::optional<Account> find_account(db::Connection& db, std::int64_t id);
std::optional<LoginRecord> find_login(db::Connection& db, const std::string& email);

}  // namespace encore::server
