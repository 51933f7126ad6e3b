// encore-price: reads a catalog, a basket, a customer and offer usage, prices the basket with the core
// at --now (or the current time) and prints the priced basket or its problems as JSON.
#include <chrono>
#include <functional>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "encore/catalog_json.hpp"
#include "encore/pricing.hpp"
#include "encore/pricing_json.hpp"
#include "input_files.hpp"
#include "price_options.hpp"

namespace {

using nlohmann::json;

constexpr int exit_priced = 0, exit_invalid_basket = 1, exit_bad_input = 2;

int usage_error(const std::string& message) {
    std::cerr << "encore-price: " << message << "\n" << encore::cli::price_usage_line() << "\n";
    return exit_bad_input;
}

// Reads one input and hands its JSON to `load`, which returns the problems it found. Prints every
// error on stderr and returns false if the input cannot be used.
bool load_input(const std::string& path, const char* what,
                const std::function<encore::Problems(const json&)>& load) {
    const std::string name = encore::cli::display_name(path);
    std::string error;
    auto text = encore::cli::read_input(path, &error);
    std::optional<json> doc;
    if (text) doc = encore::cli::parse_input(name, *text, &error);
    if (!doc) {
        std::cerr << "encore-price: " << error << "\n";
        return false;
    }
    const encore::Problems problems = load(*doc);
    if (problems.empty()) return true;
    std::cerr << "encore-price: " << name << " is not a valid " << what << " (" << problems.size()
              << (problems.size() == 1 ? " problem" : " problems") << "):\n";
    for (const encore::Problem& p : problems) std::cerr << encore::cli::describe_problem(name, p) << "\n";
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    const encore::cli::ParsedOptions parsed = encore::cli::parse_price_options({argv + 1, argv + argc});
    if (!parsed.options) return usage_error(parsed.error);
    const encore::cli::PriceOptions& options = *parsed.options;
    if (options.help) {
        std::cout << encore::cli::price_help_text();
        return exit_priced;
    }

    encore::Instant now;
    if (options.now_text.empty()) {
        const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
        now.unix_seconds = std::chrono::duration_cast<std::chrono::seconds>(since_epoch).count();
    } else if (auto parsed_now = encore::parse_instant(options.now_text)) {
        now = *parsed_now;
    } else {
        return usage_error("--now \"" + options.now_text + "\" is not a date and time such as 2026-12-01T10:00:00Z");
    }

    std::optional<encore::Catalog> catalog;
    std::optional<encore::Basket> basket;
    encore::Customer customer;
    encore::OfferUsage usage;
    bool ok = load_input(options.catalog_path, "catalog", [&](const json& doc) {
        encore::CatalogLoad load = encore::load_catalog(doc);
        catalog = std::move(load.catalog);
        return load.problems;
    });
    ok = load_input(options.basket_path, "basket", [&](const json& doc) {
        encore::Problems problems;
        basket = encore::basket_from_json(doc, problems);
        return problems;
    }) && ok;
    if (!options.customer_path.empty())
        ok = load_input(options.customer_path, "customer", [&](const json& doc) {
            encore::Problems problems;
            if (auto c = encore::customer_from_json(doc, problems)) customer = std::move(*c);
            return problems;
        }) && ok;
    if (!options.usage_path.empty())
        ok = load_input(options.usage_path, "offer usage", [&](const json& doc) {
            encore::Problems problems;
            if (auto u = encore::offer_usage_from_json(doc, problems)) usage = std::move(*u);
            return problems;
        }) && ok;
    if (!ok || !catalog || !basket) return exit_bad_input;

    const encore::PricedBasket priced = encore::price_basket(*catalog, *basket, customer, now, usage);
    const json out = encore::priced_basket_to_json(priced);
    std::cout << out.dump(options.compact ? -1 : 2, ' ', false, json::error_handler_t::replace) << "\n";
    if (priced.valid) return exit_priced;
    std::cerr << "encore-price: the basket cannot be sold (" << priced.problems.size()
              << (priced.problems.size() == 1 ? " problem" : " problems") << ", listed in the JSON on stdout)\n";
    return exit_invalid_basket;
}
