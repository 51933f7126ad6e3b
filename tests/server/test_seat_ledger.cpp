// The seat ledger's many-seat operations (claim_all, convert_hold_all) on a migrated database, SQLite
// or PostgreSQL: what they take and refuse, the versions the rows carry and the change log they write.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "store/seat_ledger.hpp"
#include "store/store.hpp"
#include "test_support.hpp"

using namespace encore;
using namespace encore::server;

namespace {

SeatRef seat(const std::string& instance, const std::string& seat_id) { return {InstanceId{instance}, SeatId{seat_id}}; }

std::int64_t version_of(db::Connection& db, const std::string& instance) {
    auto select = db.prepare("SELECT version FROM instance_versions WHERE instance_id = ?");
    select.bind(1, instance);
    return select.step() ? select.integer(0) : -1;
}

// state, changed_version, hold_token and order_id of a seat's row; "" when the seat has no row.
std::string row_of(db::Connection& db, const SeatRef& ref) {
    auto select = db.prepare(
        "SELECT state, changed_version, COALESCE(hold_token, '-'), COALESCE(order_id, 0) FROM seat_states "
        "WHERE instance_id = ? AND seat_id = ?");
    select.bind(1, ref.instance.value).bind(2, ref.seat.value);
    if (!select.step()) return "";
    return select.text(0) + " v" + std::to_string(select.integer(1)) + " " + select.text(2) + " #" + std::to_string(select.integer(3));
}

// The change log's entries for a seat: "state@version", oldest first.
std::vector<std::string> log_of(db::Connection& db, const SeatRef& ref) {
    auto select = db.prepare("SELECT state, version FROM seat_changes WHERE instance_id = ? AND seat_id = ? ORDER BY version");
    select.bind(1, ref.instance.value).bind(2, ref.seat.value);
    std::vector<std::string> entries;
    while (select.step()) entries.push_back(select.text(0) + "@" + std::to_string(select.integer(1)));
    return entries;
}

}  // namespace

TEST_CASE("claim_all takes the open seats of many performances and refuses taken or repeated ones", "[seat_ledger]") {
    encore::test::TempDir dir;
    Store store(dir.database());
    auto db = store.pool().lease();
    {
        db::Transaction transaction(*db, db::Transaction::Kind::immediate);
        SeatLedger ledger(*db);
        REQUIRE(ledger.claim_all({seat("p1", "A1")}, SeatState::sold, "", 7).empty());
        transaction.commit();
    }
    const std::int64_t p1_before = version_of(*db, "p1");

    db::Transaction transaction(*db, db::Transaction::Kind::immediate);
    SeatLedger ledger(*db);
    const std::vector<SeatRef> wanted{seat("p1", "A1"), seat("p1", "A2"), seat("p2", "A2"), seat("p3", "A2"), seat("p2", "A2")};
    const std::vector<SeatRef> refused = ledger.claim_all(wanted, SeatState::held, "token-1", std::nullopt, "account:1");
    transaction.commit();

    // A1 at p1 was sold already; the second p2/A2 names a seat twice.
    CHECK(refused == std::vector<SeatRef>{seat("p2", "A2"), seat("p1", "A1")});
    CHECK(row_of(*db, seat("p1", "A1")) == "sold v" + std::to_string(p1_before) + " - #7");
    for (const std::string instance : {"p1", "p2", "p3"}) {
        const std::int64_t version = version_of(*db, instance);
        const SeatRef held = instance == std::string("p1") ? seat("p1", "A2") : seat(instance, "A2");
        CHECK(row_of(*db, held) == "held v" + std::to_string(version) + " token-1 #0");
        CHECK(log_of(*db, held) == std::vector<std::string>{"held@" + std::to_string(version)});
    }
    CHECK(version_of(*db, "p1") == p1_before + 1);
}

TEST_CASE("claim_all takes more seats than one statement carries", "[seat_ledger]") {
    encore::test::TempDir dir;
    Store store(dir.database());
    auto db = store.pool().lease();
    std::vector<SeatRef> wanted;
    for (int performance = 0; performance < 50; ++performance)
        for (int row = 0; row < 3; ++row) wanted.push_back(seat("p" + std::to_string(performance), "R" + std::to_string(row)));
    db::Transaction transaction(*db, db::Transaction::Kind::immediate);
    SeatLedger ledger(*db);
    CHECK(ledger.claim_all(wanted, SeatState::sold, "", 1).empty());
    transaction.commit();
    auto counted = db->prepare("SELECT COUNT(*) FROM seat_states WHERE order_id = 1 AND state = 'sold'");
    REQUIRE(counted.step());
    CHECK(counted.integer(0) == 150);
    auto logged = db->prepare("SELECT COUNT(*) FROM seat_changes WHERE state = 'sold'");
    REQUIRE(logged.step());
    CHECK(logged.integer(0) == 150);
    for (int performance = 0; performance < 50; ++performance) CHECK(version_of(*db, "p" + std::to_string(performance)) == 1);
}

TEST_CASE("convert_hold_all turns a whole hold into an order's seats, and only the whole hold", "[seat_ledger]") {
    encore::test::TempDir dir;
    Store store(dir.database());
    auto db = store.pool().lease();
    const std::vector<SeatRef> series{seat("p1", "B5"), seat("p2", "B5"), seat("p3", "B5")};
    {
        db::Transaction transaction(*db, db::Transaction::Kind::immediate);
        SeatLedger ledger(*db);
        REQUIRE(ledger.claim_all(series, SeatState::held, "token-2", std::nullopt, "account:4").empty());
        transaction.commit();
    }
    SECTION("the hold's seats named exactly: all sold, each at its performance's next version, and logged") {
        db::Transaction transaction(*db, db::Transaction::Kind::immediate);
        SeatLedger ledger(*db);
        CHECK(ledger.convert_hold_all("token-2", {series[2], series[0], series[1]}, SeatState::sold, 12, "account:4"));
        transaction.commit();
        for (const SeatRef& ref : series) {
            CHECK(version_of(*db, ref.instance.value) == 2);
            CHECK(row_of(*db, ref) == "sold v2 - #12");
            CHECK(log_of(*db, ref) == std::vector<std::string>{"held@1", "sold@2"});
        }
    }
    SECTION("a seat of the hold left out, or one the hold does not keep: refused") {
        SeatLedger ledger(*db);
        {
            db::Transaction transaction(*db, db::Transaction::Kind::immediate);
            CHECK_FALSE(ledger.convert_hold_all("token-2", {series[0], series[1]}, SeatState::sold, 12));
        }
        {
            db::Transaction transaction(*db, db::Transaction::Kind::immediate);
            CHECK_FALSE(ledger.convert_hold_all("token-2", {series[0], series[1], series[2], seat("p4", "B5")}, SeatState::sold, 12));
        }
        {
            db::Transaction transaction(*db, db::Transaction::Kind::immediate);
            CHECK_FALSE(ledger.convert_hold_all("token-other", series, SeatState::sold, 12));
        }
        for (const SeatRef& ref : series) CHECK(row_of(*db, ref) == "held v1 token-2 #0");
    }
}
