// The pricing wire formats ({"basket", "customer", "usage"} as the browser and encore-price send
// them) read and priced against the demo catalog: never a crash, and a valid price adds up.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "encore/json_limits.hpp"
#include "encore/pricing.hpp"
#include "encore/pricing_json.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace encore;
    const JsonText parsed = parse_json_text(std::string_view(reinterpret_cast<const char*>(data), size));
    if (parsed.failure != JsonText::Failure::none || !parsed.value.is_object()) return 0;
    const nlohmann::json& doc = parsed.value;
    Problems problems;
    const nlohmann::json basket_doc = doc.contains("basket") ? doc["basket"] : doc;
    auto basket = basket_from_json(basket_doc, problems);
    Customer customer;
    if (doc.contains("customer"))
        if (auto read = customer_from_json(doc["customer"], problems)) customer = *read;
    OfferUsage usage;
    if (doc.contains("usage"))
        if (auto read = offer_usage_from_json(doc["usage"], problems)) usage = *read;
    if (!basket || basket->lines.size() > 60) return 0;
    const PricedBasket priced = price_basket(fuzz::demo_catalog(), *basket, customer, Instant{1796400000}, usage);
    const nlohmann::json out = priced_basket_to_json(priced);
    (void)out.dump();
    if (!priced.valid) return 0;
    std::int64_t sum = 0;
    for (const PricedLine& line : priced.lines) sum += line.total;
    if (sum != priced.total && priced.order_fees.empty()) fuzz::property_failed("line totals do not add up to the total");
    return 0;
}
