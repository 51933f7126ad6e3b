// The embedded picker's side of the host conversation: settings from the address, the allowed origins from the
// server, and the messages each way as JSON texts (the browser bridge only moves them).
#include "logic/embed.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include <nlohmann/json.hpp>

#include "encore/pricing_json.hpp"
#include "logic/app_state.hpp"
#include "logic/basket_pricing.hpp"
#include "logic/links.hpp"
#include "logic/order_view.hpp"
#include "logic/uri.hpp"

namespace web {
namespace {

// A query value: percent-decoded, and '+' is a space (as forms write it).
std::string query_value(std::string_view text) {
    std::string spaced(text);
    for (char& c : spaced)
        if (c == '+') c = ' ';
    return percent_decoded(spaced);
}

void post(EmbedState& embed, nlohmann::json message) { embed.outbox.push_back(message.dump()); }

nlohmann::json basket_payload(const AppState& app) {
    const encore::PricedBasket& priced = priced_basket(app);
    nlohmann::json basket = encore::priced_basket_to_json(priced);
    basket["currency"] = std::string(priced.currency.code);
    basket["total"] = priced.valid ? nlohmann::json(priced.total) : nlohmann::json(nullptr);
    return basket;
}

}  // namespace

EmbedSettings parse_embed_query(std::string_view search) {
    EmbedSettings settings;
    if (!search.empty() && search.front() == '?') search.remove_prefix(1);
    while (!search.empty()) {
        const std::size_t amp = search.find('&');
        const std::string_view pair = search.substr(0, amp);
        search = amp == std::string_view::npos ? std::string_view{} : search.substr(amp + 1);
        const std::size_t eq = pair.find('=');
        const std::string key = query_value(pair.substr(0, eq));
        const std::string value = eq == std::string_view::npos ? "" : query_value(pair.substr(eq + 1));
        if (key == "embed") settings.embedded = value == "1" || value == "true";
        else if (key == "host") settings.host = value;
        else if (key == "theme") settings.theme = value == "light" ? Theme::light : Theme::dark;
    }
    if (!settings.embedded) settings.host.clear();
    return settings;
}

void start_embed(AppState& app, std::string_view search) { app.page.embed.settings = parse_embed_query(search); }

void pump_embed(AppState& app, Services& services, double css_width) {
    EmbedState& embed = app.page.embed;
    if (!embed.settings.embedded) return;
    if (embed.origins_state == EmbedState::Origins::unknown) {
        embed.origins_state = EmbedState::Origins::asked;
        services.http.send({.url = "/api/embed"}, [&embed](const HttpAnswer& answer) {
            const nlohmann::json& doc = answer.json();
            if (!answer.ok() || !doc.is_object() || !doc.contains("origins") || !doc["origins"].is_array()) {
                embed.origins_state = EmbedState::Origins::failed;
                return;
            }
            embed.allowed.clear();
            for (const nlohmann::json& origin : doc["origins"])
                if (origin.is_string()) embed.allowed.push_back(origin.get<std::string>());
            embed.origins_state = EmbedState::Origins::known;
            embed.host_allowed = !embed.settings.host.empty() &&
                                 std::find(embed.allowed.begin(), embed.allowed.end(), embed.settings.host) != embed.allowed.end();
        });
    }
    if (!embed.host_allowed || app.phase != Phase::ready) return;
    if (!embed.ready_sent) {
        embed.ready_sent = true;
        post(embed, {{"type", "encore:ready"}, {"performance", app.instance.value}});
    }
    const int height = embed_content_height(css_width);
    if (height != embed.last_height) {
        embed.last_height = height;
        post(embed, {{"type", "encore:resize"}, {"height", height}});
    }
    nlohmann::json basket = basket_payload(app);
    std::string text = basket.dump();
    if (text != embed.last_basket) {
        embed.last_basket = std::move(text);
        post(embed, {{"type", "encore:basketChanged"}, {"basket", std::move(basket)}});
    }
    const CheckoutState& checkout = app.checkout;
    if (!checkout.reference.empty() && checkout.reference != embed.last_order) {
        embed.last_order = checkout.reference;
        const nlohmann::json& shown = app.page.order.order;  // the confirmation shows the reference people read
        const bool confirmation = shown.is_object() && shown.value("reference", "") == checkout.reference;
        post(embed, {{"type", "encore:orderCompleted"}, {"reference", checkout.reference},
                     {"short_reference", confirmation ? order_display_reference(shown) : checkout.reference},
                     {"status", checkout.status}, {"total", checkout.total}});
    }
}

bool accept_embed_message(AppState& app, std::string_view origin, std::string_view data, bool from_parent) {
    EmbedState& embed = app.page.embed;
    const auto ignore = [&embed] {
        ++embed.ignored;
        return false;
    };
    if (!embed.settings.embedded || !embed.host_allowed || !from_parent || origin != embed.settings.host) return ignore();
    const nlohmann::json message = nlohmann::json::parse(data, nullptr, false);
    if (!message.is_object() || message.value("type", nlohmann::json()) != "encore:select") return ignore();
    const auto text = [&message](const char* key) {
        auto it = message.find(key);
        return it != message.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    const std::string performance = text("performance"), series = text("series");
    if (performance.empty() == series.empty()) return ignore();  // exactly one of them
    address_arrived(app, link_hash(performance.empty() ? Link{LinkKind::series, series} : Link{LinkKind::performance, performance}));
    return true;
}

std::vector<std::string> take_embed_messages(AppState& app) { return std::exchange(app.page.embed.outbox, {}); }

int embed_content_height(double css_width) {
    if (css_width >= 760) return static_cast<int>(std::clamp(std::round(css_width * 0.62), 600.0, 760.0));
    return 980;  // pickers, header, map and basket stacked on a phone
}

}  // namespace web
