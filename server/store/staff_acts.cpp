// SQL of staff_acts.
#include "store/staff_acts.hpp"

namespace encore::server {

void record_staff_act(db::Connection& db, const StaffAct& act) {
    auto insert = db.prepare("INSERT INTO staff_acts (staff_id, customer_id, act, detail, at) VALUES (?, ?, ?, ?, ?)");
    insert.bind(1, act.staff_id);
    if (act.customer_id) insert.bind(2, *act.customer_id);
    else insert.bind_null(2);
    insert.bind(3, act.act).bind(4, act.detail.dump()).bind(5, act.at.unix_seconds).run();
}

std::vector<StaffAct> staff_acts_for(db::Connection& db, std::int64_t customer_id, int limit) {
    auto select = db.prepare(
        "SELECT staff_id, act, detail, at FROM staff_acts WHERE customer_id = ? ORDER BY id DESC LIMIT ?");
    select.bind(1, customer_id).bind(2, std::int64_t{limit});
    std::vector<StaffAct> acts;
    while (select.step())
        acts.push_back({select.integer(0), customer_id, select.text(1), nlohmann::json::parse(select.text(2), nullptr, false),
                        Instant{select.integer(3)}});
    return acts;
}

}  // namespace encore::server
