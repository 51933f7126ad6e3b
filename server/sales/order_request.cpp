// Shape checks of an order request; every refusal names the field.
#include "sales/order_request.hpp"

#include <cctype>
#include <nlohmann/json.hpp>

#include "encore/pricing_json.hpp"

namespace encore::server {
namespace {

using nlohmann::json;

bool is_token_text(const std::string& text) {
    if (text.empty() || text.size() > 100) return false;
    for (char c : text)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') return false;
    return true;
}

std::optional<RequestProblem> decode_holds(const json& body, OrderRequest& out) {
    auto it = body.find("holds");
    if (it == body.end() || it->is_null()) return std::nullopt;
    if (!it->is_array()) return RequestProblem{"holds", "\"holds\" must be an array of hold tokens"};
    if (it->size() > max_order_holds)
        return RequestProblem{"holds", "an order can use at most " + std::to_string(max_order_holds) + " holds"};
    for (std::size_t i = 0; i < it->size(); ++i) {
        const json& token = (*it)[i];
        if (!token.is_string() || !is_token_text(token.get<std::string>()))
            return RequestProblem{"holds/" + std::to_string(i), "a hold token is a string of 1 to 100 letters, digits, '-' or '_'"};
        out.holds.push_back(token.get<std::string>());
    }
    return std::nullopt;
}

std::optional<RequestProblem> decode_expected(const json& body, OrderRequest& out) {
    auto it = body.find("expected");
    if (it == body.end() || !it->is_object())
        return RequestProblem{"expected", "\"expected\" must be an object with the \"total\" and per-line amounts you were shown"};
    auto total = it->find("total");
    if (total == it->end() || !total->is_number_integer())
        return RequestProblem{"expected/total", "\"total\" must be a whole number of minor units"};
    out.expected_total = total->get<std::int64_t>();
    auto lines = it->find("lines");
    if (lines == it->end() || !lines->is_array())
        return RequestProblem{"expected/lines", "\"lines\" must be an array with one amount per basket line"};
    if (lines->size() != out.basket.lines.size())
        return RequestProblem{"expected/lines", "\"lines\" has " + std::to_string(lines->size()) + " amounts but the basket has " +
                                                     std::to_string(out.basket.lines.size()) + " lines"};
    for (std::size_t i = 0; i < lines->size(); ++i) {
        if (!(*lines)[i].is_number_integer())
            return RequestProblem{"expected/lines/" + std::to_string(i), "a line amount must be a whole number of minor units"};
        out.expected_lines.push_back((*lines)[i].get<std::int64_t>());
    }
    return std::nullopt;
}

std::optional<RequestProblem> decode_payment(const json& body, OrderRequest& out) {
    auto it = body.find("payment");
    if (it == body.end() || !it->is_object())
        return RequestProblem{"payment", "\"payment\" must be {\"method\": \"invoice\"} or {\"method\": \"card\", \"card_token\": ...}"};
    auto method = it->find("method");
    if (method == it->end() || !method->is_string())
        return RequestProblem{"payment/method", "\"method\" must be \"invoice\" or \"card\""};
    if (*method == "invoice") {
        out.method = PaymentMethod::invoice;
        return std::nullopt;
    }
    if (*method != "card") return RequestProblem{"payment/method", "\"method\" must be \"invoice\" or \"card\""};
    out.method = PaymentMethod::card;
    auto token = it->find("card_token");
    if (token == it->end() || !token->is_string() || !is_token_text(token->get<std::string>()))
        return RequestProblem{"payment/card_token", "a card payment needs the \"card_token\" of a card stored with POST /api/me/cards"};
    out.card_token = token->get<std::string>();
    return std::nullopt;
}

// The first member of `object` that is not in `known`, as a problem naming it (closed schemas).
std::optional<RequestProblem> unknown_member(const json& object, const std::string& at,
                                             std::initializer_list<std::string_view> known) {
    if (!object.is_object()) return std::nullopt;
    for (const auto& [key, value] : object.items()) {
        bool listed = false;
        for (std::string_view k : known) listed = listed || key == k;
        const std::string field = at.empty() ? key : at + "/" + key;
        if (!listed) return RequestProblem{field, "\"" + field + "\" is not a field of an order request"};
    }
    return std::nullopt;
}

std::optional<RequestProblem> unknown_members(const json& body) {
    if (auto problem = unknown_member(body, "", {"basket", "holds", "expected", "payment"})) return problem;
    if (auto it = body.find("expected"); it != body.end())
        if (auto problem = unknown_member(*it, "expected", {"total", "lines"})) return problem;
    if (auto it = body.find("payment"); it != body.end())
        if (auto problem = unknown_member(*it, "payment", {"method", "card_token"})) return problem;
    auto basket = body.find("basket");
    if (basket == body.end()) return std::nullopt;
    if (auto problem = unknown_member(*basket, "basket", {"channel", "lines"})) return problem;
    auto lines = basket->find("lines");
    if (!basket->is_object() || lines == basket->end() || !lines->is_array()) return std::nullopt;
    for (std::size_t i = 0; i < lines->size(); ++i) {
        const json& line = (*lines)[i];
        const std::string at = "basket/lines/" + std::to_string(i);
        if (!line.is_object()) continue;
        const std::string kind = line.contains("kind") && line["kind"].is_string() ? line["kind"].get<std::string>() : "";
        std::optional<RequestProblem> problem;
        if (kind == "ticket") {
            problem = unknown_member(line, at, {"kind", "instance", "seat", "ticket_type", "redeem"});
            if (!problem && line.contains("redeem")) problem = unknown_member(line["redeem"], at + "/redeem", {"line", "code"});
        } else if (kind == "series") {
            problem = unknown_member(line, at, {"kind", "series", "group", "seat", "ticket_type", "band", "instances"});
        } else if (kind == "pass") {
            problem = unknown_member(line, at, {"kind", "pass"});
        } else if (kind == "membership") {
            problem = unknown_member(line, at, {"kind", "membership"});
        }
        if (problem) return problem;
    }
    return std::nullopt;
}

}  // namespace

std::variant<OrderRequest, RequestProblem> decode_order_request(const json& body) {
    if (!body.is_object()) return RequestProblem{"", "the body must be a JSON object"};
    if (auto problem = unknown_members(body)) return *problem;
    auto basket = body.find("basket");
    if (basket == body.end()) return RequestProblem{"basket", "\"basket\" is required"};
    Problems problems;
    auto decoded = basket_from_json(*basket, problems);
    if (!decoded || !problems.empty()) {
        if (problems.empty()) return RequestProblem{"basket", "\"basket\" is not a valid basket"};
        return RequestProblem{"basket" + problems.front().path, problems.front().message};
    }
    OrderRequest out;
    out.basket = std::move(*decoded);
    if (out.basket.lines.empty()) return RequestProblem{"basket/lines", "an order needs at least one line"};
    if (out.basket.lines.size() > max_order_lines)
        return RequestProblem{"basket/lines", "an order can have at most " + std::to_string(max_order_lines) + " lines"};
    for (auto* decode : {decode_holds, decode_expected, decode_payment})
        if (auto problem = decode(body, out)) return *problem;
    return out;
}

}  // namespace encore::server
