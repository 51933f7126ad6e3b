// zlib for gzip and deflate, libbrotlidec for br, both streamed into a buffer that never grows past
// the cap.
#include "http/content_coding.hpp"

#include <brotli/decode.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace encore::server {
namespace {

std::string lowered_trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

using Outcome = DecodedContent::Outcome;

// windowBits: 15 + 16 reads gzip, 15 reads zlib-wrapped deflate, -15 reads raw deflate.
DecodedContent inflate_with(std::string_view data, int window_bits, std::size_t max_size) {
    DecodedContent out;
    z_stream stream{};
    if (inflateInit2(&stream, window_bits) != Z_OK) return {Outcome::corrupt, {}};
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    std::array<char, 16384> buffer{};
    int status = Z_OK;
    while (status != Z_STREAM_END) {
        stream.next_out = reinterpret_cast<Bytef*>(buffer.data());
        stream.avail_out = static_cast<uInt>(buffer.size());
        status = inflate(&stream, Z_NO_FLUSH);
        if (status != Z_OK && status != Z_STREAM_END) {
            out.outcome = Outcome::corrupt;
            break;
        }
        const std::size_t produced = buffer.size() - stream.avail_out;
        if (out.data.size() + produced > max_size) {
            out.outcome = Outcome::too_large;
            break;
        }
        out.data.append(buffer.data(), produced);
        if (status == Z_OK && stream.avail_in == 0 && produced == 0) {  // truncated input
            out.outcome = Outcome::corrupt;
            break;
        }
    }
    inflateEnd(&stream);
    if (out.outcome != Outcome::ok) out.data.clear();
    return out;
}

DecodedContent unbrotli(std::string_view data, std::size_t max_size) {
    DecodedContent out;
    BrotliDecoderState* state = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
    if (!state) return {Outcome::corrupt, {}};
    const auto* next_in = reinterpret_cast<const uint8_t*>(data.data());
    std::size_t available_in = data.size();
    std::array<uint8_t, 16384> buffer{};
    for (;;) {
        uint8_t* next_out = buffer.data();
        std::size_t available_out = buffer.size();
        const BrotliDecoderResult result =
            BrotliDecoderDecompressStream(state, &available_in, &next_in, &available_out, &next_out, nullptr);
        const std::size_t produced = buffer.size() - available_out;
        if (out.data.size() + produced > max_size) {
            out.outcome = Outcome::too_large;
            break;
        }
        out.data.append(reinterpret_cast<const char*>(buffer.data()), produced);
        if (result == BROTLI_DECODER_RESULT_SUCCESS) break;
        if (result == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) continue;
        out.outcome = Outcome::corrupt;  // an error, or input that ends too soon
        break;
    }
    BrotliDecoderDestroyInstance(state);
    if (out.outcome != Outcome::ok) out.data.clear();
    return out;
}

}  // namespace

ContentCoding content_coding(std::string_view header_value) {
    const std::string name = lowered_trimmed(header_value);
    if (name.empty() || name == "identity") return ContentCoding::identity;
    if (name == "gzip" || name == "x-gzip") return ContentCoding::gzip;
    if (name == "deflate") return ContentCoding::deflate;
    if (name == "br") return ContentCoding::brotli;
    return ContentCoding::unsupported;
}

DecodedContent decode_content(std::string_view data, ContentCoding coding, std::size_t max_size) {
    switch (coding) {
        case ContentCoding::identity:
            if (data.size() > max_size) return {Outcome::too_large, {}};
            return {Outcome::ok, std::string(data)};
        case ContentCoding::gzip: return inflate_with(data, 15 + 16, max_size);
        case ContentCoding::deflate: {
            // "deflate" means zlib-wrapped; some clients send raw deflate, so try that second.
            DecodedContent wrapped = inflate_with(data, 15, max_size);
            if (wrapped.outcome != Outcome::corrupt) return wrapped;
            return inflate_with(data, -15, max_size);
        }
        case ContentCoding::brotli: return unbrotli(data, max_size);
        case ContentCoding::unsupported: break;
    }
    return {Outcome::corrupt, {}};
}

}  // namespace encore::server
