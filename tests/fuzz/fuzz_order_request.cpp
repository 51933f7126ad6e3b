// The body of POST /api/orders, as the server decodes it: JSON with the nesting limit, then the closed
// order schema. Never a crash; a decoded request respects its own limits.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <variant>

#include "encore/json_limits.hpp"
#include "fuzz_support.hpp"
#include "sales/order_request.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace encore;
    const JsonText parsed = parse_json_text(std::string_view(reinterpret_cast<const char*>(data), size));
    if (parsed.failure != JsonText::Failure::none) return 0;
    (void)parsed.value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);  // the fingerprint's dump
    const auto decoded = server::decode_order_request(parsed.value);
    if (const auto* request = std::get_if<server::OrderRequest>(&decoded)) {
        if (request->basket.lines.empty() || request->basket.lines.size() > server::max_order_lines)
            fuzz::property_failed("an order request with a wrong number of lines was accepted");
        if (request->holds.size() > server::max_order_holds) fuzz::property_failed("too many holds accepted");
        if (request->expected_lines.size() != request->basket.lines.size())
            fuzz::property_failed("expected lines do not match the basket");
    }
    return 0;
}
