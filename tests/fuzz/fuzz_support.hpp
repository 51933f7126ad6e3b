// What the fuzz targets share: the demo catalog, loaded once, to price and check against.
#pragma once
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "encore/catalog_json.hpp"

namespace encore::fuzz {

inline const Catalog& demo_catalog() {
    static const Catalog catalog = [] {
        std::ifstream in(std::string(ENCORE_ASSETS_DIR) + "/demo/catalog.json");
        std::stringstream text;
        text << in.rdbuf();
        CatalogLoad load = load_catalog(text.str());
        if (!load.catalog) {
            std::cerr << "fuzz: the demo catalog does not load\n";
            std::abort();
        }
        return std::move(*load.catalog);
    }();
    return catalog;
}

// A failed property: print it and abort, so libFuzzer keeps the input as a crash.
[[noreturn]] inline void property_failed(const char* what) {
    std::cerr << "fuzz property failed: " << what << "\n";
    std::abort();
}

}  // namespace encore::fuzz
