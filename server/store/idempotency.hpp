// Idempotency keys of POST /api/orders: a key names one request of one account; the response given
// is stored in the same transaction as the order, so a replay answers the same without doing it twice.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "encore/time.hpp"
#include "store/database.hpp"

namespace encore::server {

// 1 to 100 of A-Z a-z 0-9 '_' '-'.
bool is_valid_idempotency_key(std::string_view key);
// A digest of what makes two requests "the same": the path and the body with its keys sorted.
std::string request_fingerprint(std::string_view path, const std::string& canonical_body);

struct StoredResponse {
    std::string fingerprint;
    int status = 0;
    std::string body;
};

// Inside the caller's transaction.
std::optional<StoredResponse> find_stored_response(db::Connection& db, std::int64_t account_id, const std::string& key);
void store_response(db::Connection& db, std::int64_t account_id, const std::string& key, const StoredResponse& response,
                    Instant now);
// Claims `key` for the request about to run, inside the caller's transaction: nullopt when it is ours
// (a row without an answer is written; complete_response fills it in before the commit, and a rollback
// takes it away), else the answer stored by the request that claimed it first. Claiming writes where
// a lookup would read, so on PostgreSQL concurrent orders of different customers do not depend on each
// other through the key index (serializable transactions would otherwise conflict).
std::optional<StoredResponse> claim_idempotency_key(db::Connection& db, std::int64_t account_id, const std::string& key,
                                                    Instant now);
void complete_response(db::Connection& db, std::int64_t account_id, const std::string& key, const StoredResponse& response);

}  // namespace encore::server
