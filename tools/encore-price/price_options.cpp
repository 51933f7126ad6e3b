// Parses encore-price's flags: "--flag value" or "--flag=value", each at most once, "-" means stdin
// for at most one file.
#include "price_options.hpp"

#include <string_view>

namespace encore::cli {
namespace {

std::string* file_flag(PriceOptions& o, std::string_view flag) {
    if (flag == "--catalog") return &o.catalog_path;
    if (flag == "--basket") return &o.basket_path;
    if (flag == "--customer") return &o.customer_path;
    if (flag == "--usage") return &o.usage_path;
    if (flag == "--now") return &o.now_text;
    return nullptr;
}

}  // namespace

ParsedOptions parse_price_options(const std::vector<std::string>& args) {
    PriceOptions o;
    std::vector<std::string> seen;
    auto fail = [](std::string message) { return ParsedOptions{std::nullopt, std::move(message)}; };
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--help" || arg == "-h") {
            o.help = true;
            continue;
        }
        if (arg == "--compact") {
            o.compact = true;
            continue;
        }
        const std::size_t eq = arg.find('=');
        const std::string flag = arg.rfind("--", 0) == 0 ? arg.substr(0, eq) : arg;
        std::string* target = file_flag(o, flag);
        if (!target) {
            if (arg.rfind("-", 0) == 0 && arg != "-") return fail("unknown option \"" + arg + "\"");
            return fail("unexpected argument \"" + arg + "\" (every input is given with a flag, e.g. --basket " + arg + ")");
        }
        for (const std::string& s : seen)
            if (s == flag) return fail(flag + " is given more than once");
        seen.push_back(flag);
        std::string value;
        if (eq != std::string::npos) {
            value = arg.substr(eq + 1);
        } else if (i + 1 < args.size()) {
            value = args[++i];
        } else {
            return fail(flag + " needs a value");
        }
        if (value.empty()) return fail(flag + " needs a non-empty value");
        *target = value;
    }
    if (o.help) return {o, {}};
    if (o.catalog_path.empty()) return fail("--catalog FILE is required");
    if (o.basket_path.empty()) return fail("--basket FILE is required");
    int from_stdin = 0;
    for (const std::string* p : {&o.catalog_path, &o.basket_path, &o.customer_path, &o.usage_path})
        if (*p == "-") ++from_stdin;
    if (from_stdin > 1) return fail("only one input can be read from stdin (\"-\")");
    return {o, {}};
}

const char* price_usage_line() {
    return "usage: encore-price --catalog FILE --basket FILE [--customer FILE] [--usage FILE] "
           "[--now 2026-12-01T10:00:00Z] [--compact]";
}

const char* price_help_text() {
    return R"(encore-price: price a basket against a catalog with Encore's rule book, as JSON.

Admins use it to check a season's configuration before it goes on sale: what a basket costs,
which pass, offer and fees each ticket gets, or exactly why the basket cannot be sold.

usage: encore-price --catalog FILE --basket FILE [--customer FILE] [--usage FILE]
                    [--now 2026-12-01T10:00:00Z] [--compact]

  --catalog FILE   the catalog JSON (docs/catalog-format.md)
  --basket FILE    the basket: {"channel": "web", "lines": [...]}
  --customer FILE  what the customer owns: {"tags", "memberships", "passes", "subscriptions",
                   "offer_uses"}; default: a customer who owns nothing
  --usage FILE     tickets already sold with each offer: {"offer-id": count}; default: none
  --now INSTANT    when the basket is priced (RFC 3339, Z or +hh:mm); default: the current time
  --compact        one line of JSON instead of 2-space indentation
  --help           this text
A FILE of "-" is read from stdin (for at most one input).

Output: the priced basket {"status": "priced", ...} or {"status": "invalid", "problems": [...]}
on stdout. Exit status: 0 priced, 1 the basket cannot be sold (each problem has its line and
code), 2 bad input (flags, unreadable file, malformed JSON, invalid catalog, bad --now; on stderr).
)";
}

}  // namespace encore::cli
