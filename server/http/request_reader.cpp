// The request reader's state machine: head, then a Content-Length or chunked body, then the
// content coding undone; every limit is checked before the bytes are kept.
#include "http/request_reader.hpp"

#include <cctype>
#include <charconv>

#include "http/content_coding.hpp"

namespace encore::server {
namespace {

bool same_name(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    return true;
}

bool is_token_char(char c) {
    if (std::isalnum(static_cast<unsigned char>(c))) return true;
    switch (c) {
        case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+': case '-': case '.':
        case '^': case '_': case '`': case '|': case '~': return true;
        default: return false;
    }
}

bool is_token(std::string_view text) {
    if (text.empty()) return false;
    for (char c : text)
        if (!is_token_char(c)) return false;
    return true;
}

bool has_control_chars(std::string_view text) {
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && c != '\t') || byte == 0x7f) return true;
    }
    return false;
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

// Splits at the first LF; the line without its CR LF, or npos when no whole line is there yet.
std::size_t line_end(std::string_view text, std::size_t from) { return text.find('\n', from); }

std::string_view without_cr(std::string_view line) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

bool may_carry_body(std::string_view method) { return method == "POST" || method == "PUT" || method == "PATCH"; }

}  // namespace

std::string_view RequestHead::header(std::string_view name) const {
    for (const auto& [key, value] : headers)
        if (same_name(key, name)) return value;
    return {};
}

bool RequestHead::has_header(std::string_view name) const {
    for (const auto& [key, value] : headers)
        if (same_name(key, name)) return true;
    return false;
}

RequestReader::State RequestReader::refuse(int status, ApiProblem code, std::string detail) {
    refusal_ = {status, code, std::move(detail)};
    state_ = State::refused;
    return state_;
}

void RequestReader::reset() {
    state_ = State::head;
    started_ = false;
    expects_continue_ = false;
    head_ = {};
    body_.clear();
    refusal_ = {};
    chunked_ = false;
    remaining_ = 0;
    chunk_ = Chunk::size_line;
}

RequestReader::State RequestReader::feed(std::string& input) {
    if (state_ == State::head) {
        // Empty lines before a request line are allowed (RFC 9112 2.2).
        std::size_t skip = 0;
        while (skip < input.size() && (input[skip] == '\r' || input[skip] == '\n')) ++skip;
        if (skip > 0 && !started_) input.erase(0, skip);
        if (!input.empty()) started_ = true;
        read_head(input);
    }
    if (state_ == State::body) read_body(input);
    return state_;
}

RequestReader::State RequestReader::read_head(std::string& input) {
    const std::string_view text(input);
    const std::size_t first_line = line_end(text, 0);
    if (first_line == std::string_view::npos) {
        if (text.size() > limits_.max_request_line)
            return refuse(414, ApiProblem::uri_too_long, "The request line is longer than the server accepts.");
        return state_;
    }
    if (first_line > limits_.max_request_line)
        return refuse(414, ApiProblem::uri_too_long, "The request line is longer than the server accepts.");
    // The head ends at the first empty line.
    std::size_t end = std::string_view::npos, at = first_line + 1;
    while (at <= text.size()) {
        const std::size_t next = line_end(text, at);
        if (next == std::string_view::npos) break;
        if (without_cr(text.substr(at, next - at)).empty()) {
            end = next + 1;
            break;
        }
        at = next + 1;
    }
    if (end == std::string_view::npos) {
        if (text.size() > limits_.max_head)
            return refuse(431, ApiProblem::header_too_large, "The request's headers are larger than the server accepts.");
        return state_;
    }
    if (end > limits_.max_head)
        return refuse(431, ApiProblem::header_too_large, "The request's headers are larger than the server accepts.");

    const std::string_view request_line = without_cr(text.substr(0, first_line));
    const std::size_t space1 = request_line.find(' ');
    const std::size_t space2 = space1 == std::string_view::npos ? space1 : request_line.find(' ', space1 + 1);
    if (space2 == std::string_view::npos || request_line.find(' ', space2 + 1) != std::string_view::npos)
        return refuse(400, ApiProblem::bad_request, "The request line is not \"METHOD target HTTP/1.1\".");
    const std::string_view method = request_line.substr(0, space1);
    const std::string_view target = request_line.substr(space1 + 1, space2 - space1 - 1);
    const std::string_view version = request_line.substr(space2 + 1);
    if (!is_token(method) || target.empty() || has_control_chars(target) || target.find('\t') != std::string_view::npos)
        return refuse(400, ApiProblem::bad_request, "The request line is not \"METHOD target HTTP/1.1\".");
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        if (version.starts_with("HTTP/"))
            return refuse(505, ApiProblem::http_error, "Only HTTP/1.1 and HTTP/1.0 are spoken here.");
        return refuse(400, ApiProblem::bad_request, "The request line is not \"METHOD target HTTP/1.1\".");
    }
    head_.method = method;
    head_.target = target;
    head_.version = version;

    for (std::size_t line = first_line + 1; line < end;) {
        const std::size_t next = line_end(text, line);
        const std::string_view field = without_cr(text.substr(line, next - line));
        line = next + 1;
        if (field.empty()) break;
        if (field.front() == ' ' || field.front() == '\t')
            return refuse(400, ApiProblem::bad_request, "Header lines folded over several lines are not accepted.");
        const std::size_t colon = field.find(':');
        if (colon == std::string_view::npos || !is_token(field.substr(0, colon)))
            return refuse(400, ApiProblem::bad_request, "A header line is not \"Name: value\".");
        const std::string_view value = trimmed(field.substr(colon + 1));
        if (has_control_chars(value)) return refuse(400, ApiProblem::bad_request, "A header value has control characters.");
        if (head_.headers.size() >= limits_.max_headers)
            return refuse(431, ApiProblem::header_too_large, "The request has more headers than the server accepts.");
        head_.headers.emplace_back(std::string(field.substr(0, colon)), std::string(value));
    }
    input.erase(0, end);

    // Framing (RFC 9112 6): Transfer-Encoding chunked, or one Content-Length, never both.
    const bool has_length = head_.has_header("Content-Length");
    if (head_.has_header("Transfer-Encoding")) {
        if (has_length)
            return refuse(400, ApiProblem::bad_request, "A request cannot have both Transfer-Encoding and Content-Length.");
        std::string coding(trimmed(head_.header("Transfer-Encoding")));
        for (char& c : coding) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (coding != "chunked")
            return refuse(501, ApiProblem::unsupported_encoding,
                          "Transfer-Encoding \"" + coding.substr(0, 40) + "\" is not supported; send chunked or a Content-Length.");
        chunked_ = true;
    } else if (has_length) {
        std::string_view length_text;
        for (const auto& [key, value] : head_.headers) {
            if (!same_name(key, "Content-Length")) continue;
            if (!length_text.empty() && value != length_text)
                return refuse(400, ApiProblem::bad_request, "The request has two different Content-Length headers.");
            length_text = value;
        }
        std::size_t length = 0;
        const auto [ptr, error] = std::from_chars(length_text.data(), length_text.data() + length_text.size(), length);
        if (length_text.empty() || error == std::errc::result_out_of_range) {
            if (error == std::errc::result_out_of_range)
                return refuse(413, ApiProblem::payload_too_large,
                              "The request body is larger than the limit of " + std::to_string(limits_.max_body) + " bytes.");
            return refuse(400, ApiProblem::bad_request, "Content-Length is not a number.");
        }
        if (error != std::errc{} || ptr != length_text.data() + length_text.size())
            return refuse(400, ApiProblem::bad_request, "Content-Length is not a number.");
        if (length > limits_.max_body)
            return refuse(413, ApiProblem::payload_too_large,
                          "The request body is larger than the limit of " + std::to_string(limits_.max_body) + " bytes.");
        remaining_ = length;
    } else if (may_carry_body(head_.method)) {
        return refuse(411, ApiProblem::length_required,
                      "A " + head_.method + " request needs a Content-Length header (0 for no body).");
    }
    if (head_.has_header("Content-Encoding") && content_coding(head_.header("Content-Encoding")) == ContentCoding::unsupported)
        return refuse(415, ApiProblem::unsupported_encoding,
                      "Content-Encoding \"" + std::string(head_.header("Content-Encoding").substr(0, 40)) +
                          "\" is not supported; send gzip, deflate, br or no encoding.");
    std::string expect(head_.header("Expect"));
    for (char& c : expect) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    expects_continue_ = expect == "100-continue" && (chunked_ || remaining_ > 0);
    state_ = State::body;
    return state_;
}

RequestReader::State RequestReader::read_body(std::string& input) {
    if (chunked_) return read_chunked(input);
    const std::size_t take = std::min(remaining_, input.size());
    body_.append(input, 0, take);
    input.erase(0, take);
    remaining_ -= take;
    if (remaining_ == 0) return finish_body();
    return state_;
}

RequestReader::State RequestReader::read_chunked(std::string& input) {
    constexpr std::size_t max_size_line = 1024;
    for (;;) {
        switch (chunk_) {
            case Chunk::size_line: {
                const std::size_t end = input.find('\n');
                if (end == std::string::npos) {
                    if (input.size() > max_size_line) return refuse(400, ApiProblem::bad_request, "A chunk size line is too long.");
                    return state_;
                }
                std::string_view line = without_cr(std::string_view(input).substr(0, end));
                line = line.substr(0, line.find(';'));  // chunk extensions are ignored
                line = trimmed(line);
                std::size_t size = 0;
                const auto [ptr, error] = std::from_chars(line.data(), line.data() + line.size(), size, 16);
                if (error == std::errc::result_out_of_range || (error == std::errc{} && size > limits_.max_body - body_.size()))
                    return refuse(413, ApiProblem::payload_too_large,
                                  "The request body is larger than the limit of " + std::to_string(limits_.max_body) + " bytes.");
                if (line.empty() || error != std::errc{} || ptr != line.data() + line.size())
                    return refuse(400, ApiProblem::bad_request, "A chunk size is not a hexadecimal number.");
                input.erase(0, end + 1);
                remaining_ = size;
                chunk_ = size == 0 ? Chunk::trailers : Chunk::data;
                break;
            }
            case Chunk::data: {
                const std::size_t take = std::min(remaining_, input.size());
                body_.append(input, 0, take);
                input.erase(0, take);
                remaining_ -= take;
                if (remaining_ > 0) return state_;
                chunk_ = Chunk::data_end;
                break;
            }
            case Chunk::data_end: {
                if (input.empty()) return state_;
                if (input[0] == '\n') {
                    input.erase(0, 1);
                } else if (input[0] == '\r') {
                    if (input.size() < 2) return state_;
                    if (input[1] != '\n') return refuse(400, ApiProblem::bad_request, "A chunk does not end with CRLF.");
                    input.erase(0, 2);
                } else {
                    return refuse(400, ApiProblem::bad_request, "A chunk is longer than its size says.");
                }
                chunk_ = Chunk::size_line;
                break;
            }
            case Chunk::trailers: {
                const std::size_t end = input.find('\n');
                if (end == std::string::npos) {
                    if (input.size() > limits_.max_head)
                        return refuse(431, ApiProblem::header_too_large, "The request's trailers are too large.");
                    return state_;
                }
                const bool last = without_cr(std::string_view(input).substr(0, end)).empty();
                input.erase(0, end + 1);  // trailer fields are read and dropped
                if (last) return finish_body();
                break;
            }
        }
    }
}

RequestReader::State RequestReader::finish_body() {
    if (head_.has_header("Content-Encoding") && !body_.empty()) {
        DecodedContent decoded = decode_content(body_, content_coding(head_.header("Content-Encoding")), limits_.max_body);
        if (decoded.outcome == DecodedContent::Outcome::too_large)
            return refuse(413, ApiProblem::payload_too_large,
                          "The request body, uncompressed, is larger than the limit of " + std::to_string(limits_.max_body) +
                              " bytes.");
        if (decoded.outcome == DecodedContent::Outcome::corrupt)
            return refuse(400, ApiProblem::bad_request, "The request body cannot be decompressed as its Content-Encoding says.");
        body_ = std::move(decoded.data);
    }
    state_ = State::complete;
    return state_;
}

std::string RequestReader::canonical_text() const {
    std::string text = head_.method + " " + head_.target + " " + head_.version + "\r\n";
    for (const auto& [key, value] : head_.headers) {
        if (same_name(key, "Transfer-Encoding") || same_name(key, "Content-Length") || same_name(key, "Content-Encoding") ||
            same_name(key, "Expect"))
            continue;
        text += key + ": " + value + "\r\n";
    }
    if (!body_.empty() || may_carry_body(head_.method) || head_.has_header("Content-Length") || chunked_)
        text += "Content-Length: " + std::to_string(body_.size()) + "\r\n";
    text += "\r\n";
    text += body_;
    return text;
}

}  // namespace encore::server
