// Session tokens: 32 random bytes as hex; the database keeps a BLAKE2b hash (crypto_generichash).
#include "store/sessions.hpp"

#include <sodium.h>

#include <array>

#include "store/random_text.hpp"

namespace encore::server {
namespace {

constexpr std::size_t token_bytes = 32;

std::string to_hex(const unsigned char* bytes, std::size_t size) {
    std::string hex(size * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), bytes, size);
    hex.pop_back();
    return hex;
}

std::string token_hash(std::string_view token) {
    std::array<unsigned char, crypto_generichash_BYTES> hash{};
    crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                       nullptr, 0);
    return to_hex(hash.data(), hash.size());
}

}  // namespace

bool is_session_token(std::string_view token) { return is_random_hex(token, token_bytes); }

NewSession start_session(db::Connection& db, std::int64_t account_id, Instant now, int hours, int max_sessions) {
    NewSession session{random_hex(token_bytes), Instant{now.unix_seconds + std::int64_t{hours} * 3600}};
    db::Transaction transaction(db, db::Transaction::Kind::immediate);
    db.prepare("DELETE FROM sessions WHERE account_id = ? AND expires_at <= ?")
        .bind(1, account_id)
        .bind(2, now.unix_seconds)
        .run();
    db.prepare("INSERT INTO sessions (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
        .bind(1, token_hash(session.token))
        .bind(2, account_id)
        .bind(3, now.unix_seconds)
        .bind(4, session.expires_at.unix_seconds)
        .run();
    if (max_sessions > 0)
        db.prepare("DELETE FROM sessions WHERE account_id = ? AND token_hash NOT IN (SELECT token_hash FROM sessions "
                   "WHERE account_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?)")
            .bind(1, account_id)
            .bind(2, account_id)
            .bind(3, std::int64_t{max_sessions})
            .run();
    transaction.commit();
    return session;
}

std::optional<std::int64_t> session_account(db::Connection& db, std::string_view token, Instant now) {
    if (!is_session_token(token)) return std::nullopt;
    auto query = db.prepare("SELECT account_id FROM sessions WHERE token_hash = ? AND expires_at > ?");
    query.bind(1, token_hash(token)).bind(2, now.unix_seconds);
    if (!query.step()) return std::nullopt;
    return query.integer(0);
}

void end_session(db::Connection& db, std::string_view token) {
    if (!is_session_token(token)) return;
    db.prepare("DELETE FROM sessions WHERE token_hash = ?").bind(1, token_hash(token)).run();
}

}  // namespace encore::server
