// Store: schema migrations at open, and the queries behind the API, each in its own transaction.
#include "store/store.hpp"

#include <filesystem>
#include <unordered_set>

#include "store/migrations.hpp"

namespace encore::server {
namespace {

using db::Transaction;

constexpr std::int64_t migration_lock = 0x656e636f7265;  // "encore"

// A seat_states row's state word (the core's); an open seat has no row.
std::string_view row_state_name(SeatState state) {
    if (state == SeatState::open) throw db::Error("an open seat has no seat_states row");
    return seat_state_name(state);
}

SeatState row_state(std::string_view name) {
    const auto state = seat_state_from_name(name);
    if (!state || *state == SeatState::open)
        throw db::Error("unknown seat state \"" + std::string(name) + "\" in seat_states");
    return *state;
}

// Creates a database file's folder; refuses a path that is a folder itself.
const std::string& prepared_location(const std::string& path) {
    namespace fs = std::filesystem;
    if (db::is_postgresql_location(path)) return path;
    std::error_code error;
    if (fs::is_directory(path, error)) throw db::Error("it is a directory, not a database file");
    auto folder = fs::path(path).parent_path();
    if (!folder.empty() && !fs::is_directory(folder, error)) {
        fs::create_directories(folder, error);
        if (error) throw db::Error("cannot create folder " + folder.string() + ": " + error.message());
    }
    return path;
}

int applied_version(db::Connection& db) {
    auto query = db.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    query.step();
    return static_cast<int>(query.integer(0));
}

}  // namespace

Store::Store(const std::string& location, std::size_t max_connections)
    : pool_(prepared_location(location), {}, max_connections) {
    migrate();
}

void Store::migrate() {
    auto db = pool_.lease();
    const bool postgresql = db->engine() == db::Engine::postgresql;
    // Servers starting together on one PostgreSQL database migrate one after the other.
    if (postgresql) db->prepare("SELECT pg_advisory_lock(?)").bind(1, migration_lock).run();
    struct Unlock {
        db::Connection& db;
        bool held;
        ~Unlock() {
            try {  // never throw from a destructor; a broken connection released the lock already
                if (held && db.usable()) db.prepare("SELECT pg_advisory_unlock(?)").bind(1, migration_lock).run();
            } catch (const db::Error&) {
            }
        }
    } unlock{*db, postgresql};
    db->execute(postgresql ? "CREATE TABLE IF NOT EXISTS schema_migrations ("
                             " version BIGINT PRIMARY KEY, name TEXT NOT NULL,"
                             " applied_at TEXT NOT NULL DEFAULT (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')))"
                           : "CREATE TABLE IF NOT EXISTS schema_migrations ("
                             " version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                             " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))");
    int known = migrations().empty() ? 0 : migrations().back().version;
    if (int found = applied_version(*db); found > known)
        throw db::Error("the database has schema version " + std::to_string(found) +
                            ", newer than this server knows (" + std::to_string(known) + ")");
    for (const Migration& migration : migrations()) {
        Transaction transaction(*db, Transaction::Kind::immediate);
        if (applied_version(*db) >= migration.version) continue;
        try {
            db->execute(postgresql ? migration.postgresql : migration.sqlite);
        } catch (const db::Error& error) {
            throw db::Error("migration " + std::to_string(migration.version) + " (" +
                                std::string(migration.name) + ") failed: " + error.what());
        }
        db->prepare("INSERT INTO schema_migrations (version, name) VALUES (?, ?)")
            .bind(1, std::int64_t{migration.version})
            .bind(2, migration.name)
            .run();
        transaction.commit();
    }
}

int Store::schema_version() {
    auto db = pool_.lease();
    return applied_version(*db);
}

std::optional<StoredCatalog> Store::catalog() {
    auto db = pool_.lease();
    auto query = db->prepare("SELECT json, etag FROM catalog WHERE id = 1");
    if (!query.step()) return std::nullopt;
    return StoredCatalog{query.text(0), query.text(1)};
}

std::optional<std::string> Store::catalog_etag() {
    auto db = pool_.lease();
    auto query = db->prepare("SELECT etag FROM catalog WHERE id = 1");
    if (!query.step()) return std::nullopt;
    return query.text(0);
}

bool Store::import_first_catalog(const StoredCatalog& catalog, std::string_view updated_at,
                                 const std::vector<InstanceId>& instances, const std::vector<SeatMark>& marks) {
    auto db = pool_.lease();
    Transaction transaction(*db, Transaction::Kind::immediate);
    if (db->prepare("SELECT 1 FROM catalog WHERE id = 1").step()) return false;
    db->prepare("INSERT INTO catalog (id, json, etag, updated_at) VALUES (1, ?, ?, ?)")
        .bind(1, catalog.json)
        .bind(2, catalog.etag)
        .bind(3, updated_at)
        .run();
    // An instance starts at version 0; initial seat marks are its first change.
    std::unordered_set<InstanceId> marked;
    for (const SeatMark& mark : marks) marked.insert(mark.instance);
    auto add_instance = db->prepare("INSERT INTO instance_versions (instance_id, version) VALUES (?, ?)");
    for (const InstanceId& instance : instances) {
        add_instance.bind(1, instance.value).bind(2, std::int64_t{marked.contains(instance) ? 1 : 0}).run();
        add_instance.reset();
    }
    auto add_mark = db->prepare(
        "INSERT INTO seat_states (instance_id, seat_id, state, changed_version) VALUES (?, ?, ?, 1)");
    for (const SeatMark& mark : marks) {
        add_mark.bind(1, mark.instance.value).bind(2, mark.seat.value).bind(3, row_state_name(mark.state)).run();
        add_mark.reset();
    }
    transaction.commit();
    return true;
}

CatalogReplacement Store::replace_catalog(const StoredCatalog& catalog, std::string_view expected_etag,
                                          std::string_view updated_at, const std::vector<InstanceId>& instances) {
    using Outcome = CatalogReplacement::Outcome;
    auto db = pool_.lease();
    Transaction transaction(*db, Transaction::Kind::immediate);
    auto current = db->prepare("SELECT etag FROM catalog WHERE id = 1");
    const std::string stored_etag = current.step() ? current.text(0) : std::string();
    if (stored_etag != expected_etag) return {Outcome::stale, {}};

    std::unordered_set<std::string> kept;
    for (const InstanceId& instance : instances) kept.insert(instance.value);
    CatalogReplacement result;
    auto used = db->prepare("SELECT DISTINCT instance_id FROM seat_states ORDER BY instance_id");
    while (used.step())
        if (!kept.contains(used.text(0))) result.instances_in_use.push_back(InstanceId{used.text(0)});
    if (!result.instances_in_use.empty()) {
        result.outcome = Outcome::instances_in_use;
        return result;
    }
    db->prepare(
          "INSERT INTO catalog (id, json, etag, updated_at) VALUES (1, ?, ?, ?) "
          "ON CONFLICT (id) DO UPDATE SET json = excluded.json, etag = excluded.etag, updated_at = excluded.updated_at")
        .bind(1, catalog.json)
        .bind(2, catalog.etag)
        .bind(3, updated_at)
        .run();
    auto add_instance = db->prepare("INSERT INTO instance_versions (instance_id, version) VALUES (?, 0) ON CONFLICT DO NOTHING");
    for (const InstanceId& instance : instances) {
        add_instance.bind(1, instance.value).run();
        add_instance.reset();
    }
    transaction.commit();
    return result;
}

InstanceSeatStates Store::seat_states(const InstanceId& instance) {
    auto db = pool_.lease();
    Transaction snapshot(*db, Transaction::Kind::deferred);
    InstanceSeatStates result;
    auto version = db->prepare("SELECT version FROM instance_versions WHERE instance_id = ?");
    if (version.bind(1, instance.value).step()) result.version = version.integer(0);
    auto seats = db->prepare("SELECT seat_id, state FROM seat_states WHERE instance_id = ?");
    seats.bind(1, instance.value);
    while (seats.step()) result.seats.emplace_back(SeatId{seats.text(0)}, row_state(seats.text(1)));
    snapshot.commit();
    return result;
}

}  // namespace encore::server
