// The admin clock's offset kept in the database, so several servers on one database read the same "now".
#pragma once
#include <cstdint>

#include "store/database.hpp"

namespace encore::server {

void save_clock_offset(db::Connection& db, std::int64_t offset_seconds);
// The saved offset, 0 if none was saved.
std::int64_t saved_clock_offset(db::Connection& db);

}  // namespace encore::server
