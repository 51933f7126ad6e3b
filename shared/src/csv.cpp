// A one-pass RFC 4180 reader.
#include "csv.hpp"

namespace encore::detail {

void read_csv(std::string_view text, const std::function<void(std::size_t, std::vector<std::string>&)>& on_record,
              const std::function<void(std::size_t, std::string)>& on_error) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::vector<std::string> fields;
    std::size_t i = 0, line = 1;
    const std::size_t n = text.size();
    auto at_line_end = [&](std::size_t k) { return k >= n || text[k] == '\n' || (text[k] == '\r' && (k + 1 >= n || text[k + 1] == '\n')); };
    auto skip_line_end = [&] {
        if (i < n && text[i] == '\r') ++i;
        if (i < n && text[i] == '\n') ++i;
        ++line;
    };
    auto skip_rest_of_line = [&] {
        while (!at_line_end(i)) ++i;
        skip_line_end();
    };
    while (i < n) {
        if (at_line_end(i)) {  // a blank line
            skip_line_end();
            continue;
        }
        const std::size_t start_line = line;
        fields.clear();
        std::string error;
        for (;;) {
            std::string field;
            if (text[i] == '"') {
                ++i;
                for (;;) {
                    if (i >= n) {
                        error = "a quoted field is never closed";
                        break;
                    }
                    if (text[i] == '"') {
                        if (i + 1 < n && text[i + 1] == '"') {
                            field += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    if (text[i] == '\n') ++line;
                    field += text[i++];
                }
                if (error.empty() && !at_line_end(i) && text[i] != ',')
                    error = "a quoted field must end at a comma or the end of the line";
            } else {
                const std::size_t from = i;
                while (!at_line_end(i) && text[i] != ',') {
                    if (text[i] == '"') error = "a quote inside an unquoted field (quote the whole field and double the quote)";
                    ++i;
                }
                field.assign(text.substr(from, i - from));
            }
            if (!error.empty()) break;
            fields.push_back(std::move(field));
            if (at_line_end(i)) break;
            ++i;  // the comma
            if (i >= n) {  // a comma at the very end: one more empty field
                fields.emplace_back();
                break;
            }
        }
        if (!error.empty()) {
            on_error(start_line, error);
            if (i >= n) return;
            skip_rest_of_line();
            continue;
        }
        on_record(start_line, fields);
        if (i < n) skip_line_end();
    }
}

}  // namespace encore::detail
