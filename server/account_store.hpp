// The accounts table: create an account, find one by id, or find the password hash behind an email.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "accounts.hpp"
#include "encore/time.hpp"
#include "sqlite.hpp"

namespace encore::server {

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
std::optional<Account> insert_account(sqlite::Connection& db, const NewAccount& account,
                                      const std::string& password_hash, Instant now);
std::optional<Account> find_account(sqlite::Connection& db, std::int64_t id);
std::optional<LoginRecord> find_login(sqlite::Connection& db, const std::string& email);
// "customer", "staff" or "admin" -> the role; nullopt for anything else.
std::optional<Role> role_from_name(std::string_view name);

}  // namespace encore::server
