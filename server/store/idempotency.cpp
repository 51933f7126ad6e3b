// Idempotency rows: fingerprint by BLAKE2b (libsodium's generic hash), response stored as sent.
#include "store/idempotency.hpp"

#include <sodium.h>

#include <array>
#include <cctype>

namespace encore::server {

bool is_valid_idempotency_key(std::string_view key) {
    if (key.empty() || key.size() > 100) return false;
    for (char c : key)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') return false;
    return true;
}

std::string request_fingerprint(std::string_view path, const std::string& canonical_body) {
    std::string input(path);
    input += '\n';
    input += canonical_body;
    std::array<unsigned char, 32> digest{};
    crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(input.data()), input.size(),
                       nullptr, 0);
    std::array<char, 65> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return hex.data();
}

std::optional<StoredResponse> find_stored_response(db::Connection& db, std::int64_t account_id, const std::string& key) {
    auto select = db.prepare("SELECT request_hash, status, response FROM idempotency_keys WHERE account_id = ? AND key = ?");
    select.bind(1, account_id).bind(2, key);
    if (!select.step()) return std::nullopt;
    return StoredResponse{select.text(0), static_cast<int>(select.integer(1)), select.text(2)};
}

void store_response(db::Connection& db, std::int64_t account_id, const std::string& key, const StoredResponse& response,
                    Instant now) {
    auto insert = db.prepare(
        "INSERT INTO idempotency_keys (account_id, key, request_hash, status, response, created_at) VALUES (?, ?, ?, ?, ?, ?)");
    insert.bind(1, account_id).bind(2, key).bind(3, response.fingerprint).bind(4, std::int64_t{response.status});
    insert.bind(5, response.body).bind(6, now.unix_seconds);
    insert.run();
}

std::optional<StoredResponse> claim_idempotency_key(db::Connection& db, std::int64_t account_id, const std::string& key,
                                                    Instant now) {
    db.prepare("INSERT INTO idempotency_keys (account_id, key, request_hash, status, response, created_at) "
               "VALUES (?, ?, '', 0, '', ?) ON CONFLICT DO NOTHING")
        .bind(1, account_id)
        .bind(2, key)
        .bind(3, now.unix_seconds)
        .run();
    if (db.changes() == 1) return std::nullopt;
    return find_stored_response(db, account_id, key);
}

void complete_response(db::Connection& db, std::int64_t account_id, const std::string& key, const StoredResponse& response) {
    db.prepare("UPDATE idempotency_keys SET request_hash = ?, status = ?, response = ? WHERE account_id = ? AND key = ?")
        .bind(1, response.fingerprint)
        .bind(2, std::int64_t{response.status})
        .bind(3, response.body)
        .bind(4, account_id)
        .bind(5, key)
        .run();
}

}  // namespace encore::server
