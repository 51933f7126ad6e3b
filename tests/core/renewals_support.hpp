// Helpers for the renewal tests: the fixture catalog (tests/core/fixtures/renewals_catalog.json: a
// 2027 package on an old plan, a 2028 package of the same lineage on a new plan with renewal dates,
// a 2026 shell package, memberships and passes that renew).
#pragma once
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "encore/catalog_json.hpp"

namespace rtest {

using nlohmann::json;

inline json catalog_json() {
    std::ifstream in(ENCORE_TESTS_DIR "/core/fixtures/renewals_catalog.json", std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return json::parse(buffer.str());
}

inline std::string describe(const encore::Problems& problems) {
    std::string out;
    for (const auto& p : problems) out += p.path + " [" + p.code + "] " + p.message + "\n";
    return out;
}

inline encore::Catalog catalog(const std::function<void(json&)>& change = {}) {
    json doc = catalog_json();
    if (change) change(doc);
    encore::CatalogLoad load = encore::load_catalog(doc);
    if (!load.catalog) throw std::runtime_error("renewals fixture does not load:\n" + describe(load.problems));
    return std::move(*load.catalog);
}

inline encore::Instant at(const char* text) {
    auto t = encore::parse_instant(text);
    if (!t) throw std::runtime_error(std::string("bad instant in a test: ") + text);
    return *t;
}

}  // namespace rtest
