// load_catalog on any text: never crashes, and a catalog it accepts writes back to JSON that loads again
// to the same JSON.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "encore/catalog_json.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const encore::CatalogLoad load = encore::load_catalog(text);
    if (!load.catalog) return 0;
    const nlohmann::json written = encore::catalog_to_json(*load.catalog);
    const encore::CatalogLoad again = encore::load_catalog(written);
    if (!again.catalog) encore::fuzz::property_failed("a catalog written by catalog_to_json does not load");
    if (encore::catalog_to_json(*again.catalog) != written) encore::fuzz::property_failed("catalog JSON does not round-trip");
    return 0;
}
