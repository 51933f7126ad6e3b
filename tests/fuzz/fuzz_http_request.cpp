// The front end's request reader on arbitrary bytes arriving in arbitrary pieces: it never keeps more
// than its limits allow, a complete request reads back the same from its canonical text, and the
// trusted-proxy address walk never fails. The first byte picks how the input is split.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "http/client_address.hpp"
#include "http/request_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace encore;
    using State = server::RequestReader::State;
    if (size == 0) return 0;
    const std::size_t piece = 1 + data[0] % 64;
    const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
    server::RequestLimits limits;
    limits.max_request_line = 256;
    limits.max_head = 1024;
    limits.max_headers = 16;
    limits.max_body = 4096;
    server::RequestReader reader(limits);
    std::string input;
    for (std::size_t at = 0; at < bytes.size(); at += piece) {
        input.append(bytes.substr(at, piece));
        State state = reader.feed(input);
        while (state == State::complete) {
            if (reader.body().size() > limits.max_body) fuzz::property_failed("a body over the limit was kept");
            const std::string canonical = reader.canonical_text();
            server::RequestReader again(server::RequestLimits{1u << 20, 1u << 20, 1000, 1u << 20});
            std::string copy = canonical;
            if (again.feed(copy) != State::complete) fuzz::property_failed("the canonical text does not read back");
            if (again.body() != reader.body() || again.head().method != reader.head().method ||
                again.head().target != reader.head().target)
                fuzz::property_failed("the canonical text reads back differently");
            reader.reset();
            state = reader.feed(input);
        }
        if (state == State::refused) {
            const int status = reader.refusal().status;
            if (status < 400 || status > 599) fuzz::property_failed("a refusal that is not an error status");
            break;
        }
        if (input.size() > limits.max_head + limits.max_body + 64 * 1024) fuzz::property_failed("the reader let its input grow");
    }
    const std::string text(bytes);
    const std::size_t comma = text.find('|');
    const auto range = server::parse_address_range(text.substr(0, comma));
    server::TrustedProxies proxies(range ? std::vector<server::AddressRange>{*range} : std::vector<server::AddressRange>{});
    (void)proxies.client_address("10.0.0.1", comma == std::string::npos ? "" : text.substr(comma + 1));
    return 0;
}
