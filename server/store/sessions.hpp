// Login sessions: a random bearer token given to the client once, stored only as its hash.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "encore/time.hpp"
#include "store/database.hpp"

namespace encore::server {

struct NewSession {
    std::string token;  // 64 lowercase hex digits; never stored
    Instant expires_at;
};

// Starts a session for the account, lasting `hours` from `now`; also drops the account's expired sessions
// and, past `max_sessions` (0: no cap), ends its oldest ones.
NewSession start_session(db::Connection& db, std::int64_t account_id, Instant now, int hours, int max_sessions = 0);
// The account of an unexpired session with this token, or nullopt (also for a malformed token).
std::optional<std::int64_t> session_account(db::Connection& db, std::string_view token, Instant now);
// Ends the session with this token, if there is one.
void end_session(db::Connection& db, std::string_view token);
// True for a token as start_session issues them: 64 lowercase hex digits.
bool is_session_token(std::string_view token);

}  // namespace encore::server
