// SQL behind the accounts table; tags are stored as a JSON array of strings.
#include "store/account_store.hpp"

#include <nlohmann/json.hpp>

namespace encore::server {
namespace {

std::vector<std::string> tags_from_json(const std::string& text) {
    std::vector<std::string> tags;
    auto parsed = nlohmann::json::parse(text, nullptr, false);
    if (!parsed.is_array()) return tags;
    for (const auto& tag : parsed)
        if (tag.is_string()) tags.push_back(tag.get<std::string>());
    return tags;
}

}  // namespace

const char* role_name(Role role) {
    switch (role) {
        case Role::customer: return "customer";
        case Role::staff: return "staff";
        case Role::admin: return "admin";
    }
    return "customer";
}

std::optional<Role> role_from_name(std::string_view name) {
    for (Role role : {Role::customer, Role::staff, Role::admin})
        if (name == role_name(role)) return role;
    return std::nullopt;
}

std::optional<Account> insert_account(db::Connection& db, const NewAccount& account,
                                      const std::string& password_hash, Instant now) {
    db::Transaction transaction(db, db::Transaction::Kind::immediate);
    if (db.prepare("SELECT 1 FROM accounts WHERE email = ?").bind(1, account.email).step()) return std::nullopt;
    auto id = db.prepare(
        "INSERT INTO accounts (email, name, password_hash, role, tags, created_at) VALUES (?, ?, ?, ?, '[]', ?) RETURNING id");
    id.bind(1, account.email)
        .bind(2, account.name)
        .bind(3, password_hash)
        .bind(4, role_name(account.role))
        .bind(5, now.unix_seconds);
    id.step();
    Account created{id.integer(0), account.email, account.name, account.role, {}};
    id.reset();  // a write with RETURNING is finished before COMMIT
    transaction.commit();
    return created;
}

std::optional<Account> find_account(db::Connection& db, std::int64_t id) {
    auto query = db.prepare("SELECT email, name, role, tags FROM accounts WHERE id = ?");
    if (!query.bind(1, id).step()) return std::nullopt;
    auto role = role_from_name(query.text(2));
    if (!role) return std::nullopt;
    return Account{id, query.text(0), query.text(1), *role, tags_from_json(query.text(3))};
}

std::optional<LoginRecord> find_login(db::Connection& db, const std::string& email) {
    auto query = db.prepare("SELECT id, password_hash FROM accounts WHERE email = ?");
    if (!query.bind(1, email).step()) return std::nullopt;
    return LoginRecord{query.integer(0), query.text(1)};
}

}  // namespace encore::server
