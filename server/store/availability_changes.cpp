// Reads the change log of one instance in a single snapshot.
#include "store/availability_changes.hpp"

#include <charconv>
#include <cstdint>
#include <map>
#include <string>

#include "encore/availability.hpp"

namespace encore::server {
namespace {

std::optional<std::int64_t> version_number(std::string_view text) {
    std::int64_t value = 0;
    if (text.empty() || text.front() == '-' || text.front() == '+') return std::nullopt;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

}  // namespace

std::optional<nlohmann::json> availability_changes(ConnectionPool& pool, const InstanceId& instance,
                                                   std::string_view since_text) {
    const auto since = version_number(since_text);
    if (!since) return std::nullopt;
    auto db = pool.lease();
    db::Transaction snapshot(*db, db::Transaction::Kind::deferred);
    auto read_version = db->prepare("SELECT version FROM instance_versions WHERE instance_id = ?");
    const std::int64_t version = read_version.bind(1, instance.value).step() ? read_version.integer(0) : 0;
    if (*since > version) return std::nullopt;
    if (*since < version) {
        auto oldest = db->prepare("SELECT MIN(version) FROM seat_changes WHERE instance_id = ?");
        oldest.bind(1, instance.value).step();
        if (oldest.is_null(0) || oldest.integer(0) > *since + 1) return std::nullopt;
    }
    auto changed = db->prepare(
        "SELECT seat_id, state FROM seat_changes WHERE instance_id = ? AND version > ? AND version <= ? "
        "ORDER BY version");
    changed.bind(1, instance.value).bind(2, *since).bind(3, version);
    std::map<std::string, char> latest;
    while (changed.step()) {
        auto state = seat_state_from_name(changed.text(1));
        latest[changed.text(0)] = seat_state_code(state.value_or(SeatState::open));
    }
    snapshot.commit();
    nlohmann::json changes = nlohmann::json::array();
    for (const auto& [seat, code] : latest) changes.push_back({{"seat", seat}, {"state", std::string(1, code)}});
    return nlohmann::json{{"instance", instance.value}, {"version", version}, {"since", *since}, {"changes", changes}};
}

}  // namespace encore::server
