// Translation outside string literals and quoted names only; everything else is copied as written.
#include "store/postgresql_sql.hpp"

#include <cctype>

namespace encore::server::db {
namespace {

bool word_at(std::string_view sql, std::size_t at, std::string_view word) {
    if (sql.size() - at < word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i)
        if (std::toupper(static_cast<unsigned char>(sql[at + i])) != word[i]) return false;
    const bool starts = at == 0 || !(std::isalnum(static_cast<unsigned char>(sql[at - 1])) || sql[at - 1] == '_');
    const std::size_t end = at + word.size();
    const bool ends = end == sql.size() || !(std::isalnum(static_cast<unsigned char>(sql[end])) || sql[end] == '_');
    return starts && ends;
}

}  // namespace

std::string postgresql_sql(std::string_view sql) {
    std::string out;
    out.reserve(sql.size() + 16);
    int next_parameter = 1;
    for (std::size_t i = 0; i < sql.size();) {
        const char c = sql[i];
        if (c == '\'' || c == '"') {
            const std::size_t close = sql.find(c, i + 1);
            const std::size_t end = close == std::string_view::npos ? sql.size() : close + 1;
            out.append(sql.substr(i, end - i));
            i = end;
        } else if (c == '?') {
            std::size_t digits = i + 1;
            while (digits < sql.size() && std::isdigit(static_cast<unsigned char>(sql[digits]))) ++digits;
            if (digits > i + 1) {
                out += '$';
                out.append(sql.substr(i + 1, digits - i - 1));
            } else {
                out += '$' + std::to_string(next_parameter++);
            }
            i = digits;
        } else if (word_at(sql, i, "LIKE")) {
            out += "ILIKE";
            i += 4;
        } else if (word_at(sql, i, "INTEGER") && out.size() >= 3 && out.ends_with("AS ")) {
            out += "BIGINT";
            i += 7;
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

}  // namespace encore::server::db
