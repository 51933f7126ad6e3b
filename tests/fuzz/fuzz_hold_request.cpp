// The bodies of POST /api/holds and POST /api/holds/{token}/release, decoded as the server does.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <variant>

#include "fuzz_support.hpp"
#include "sales/hold_request.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace encore;
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    const auto hold = server::decode_hold_request(body);
    if (const auto* request = std::get_if<server::HoldRequest>(&hold)) {
        if (!request->series && (request->seats.empty() || request->seats.size() > server::max_seats_per_hold_request))
            fuzz::property_failed("a hold request with a wrong number of seats was accepted");
        if (request->basket.channel != request->channel) fuzz::property_failed("the basket's channel differs from the hold's");
    }
    (void)server::decode_seat_release(body);
    (void)server::is_hold_token(body);
    return 0;
}
