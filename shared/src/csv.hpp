// RFC 4180 CSV reading for the importers: quoted fields with commas, quotes ("") and line breaks,
// CRLF or LF line ends, a UTF-8 byte-order mark ignored, blank lines skipped. Internal to the core.
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace encore::detail {

// Calls on_record(line, fields) for each record (line: where it starts, from 1), or on_error(line,
// message) for a malformed one, and goes on at the next line.
void read_csv(std::string_view text, const std::function<void(std::size_t, std::vector<std::string>&)>& on_record,
              const std::function<void(std::size_t, std::string)>& on_error);

}  // namespace encore::detail
