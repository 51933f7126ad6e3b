// A row of scheduler_state named "clock_offset_seconds".
#include "store/shared_clock.hpp"

#include <string>

namespace encore::server {

void save_clock_offset(db::Connection& db, std::int64_t offset_seconds) {
    db.prepare("INSERT INTO scheduler_state (name, value) VALUES ('clock_offset_seconds', ?) "
               "ON CONFLICT (name) DO UPDATE SET value = excluded.value")
        .bind(1, std::to_string(offset_seconds))
        .run();
}

std::int64_t saved_clock_offset(db::Connection& db) {
    auto select = db.prepare("SELECT value FROM scheduler_state WHERE name = 'clock_offset_seconds'");
    if (!select.step()) return 0;
    return std::stoll(select.text(0));
}

}  // namespace encore::server
