// The body of POST /api/orders, decoded and checked for shape: the basket, the holds presented, the
// prices the client expects and the payment chosen. Ids are checked later by the core.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "encore/basket.hpp"
#include "store/payments.hpp"

namespace encore::server {

struct OrderRequest {
    Basket basket;
    std::vector<std::string> holds;            // hold tokens whose seats this order may take
    std::int64_t expected_total = 0;           // what the client showed, in minor units ...
    std::vector<std::int64_t> expected_lines;  // ... and per basket line
    PaymentMethod method = PaymentMethod::invoice;
    std::string card_token;                    // card payments only
};

// The first offending field as a JSON pointer into the body, and why.
struct RequestProblem {
    std::string field;
    std::string message;
};

inline constexpr std::size_t max_order_lines = 100;
inline constexpr std::size_t max_order_holds = 20;

std::variant<OrderRequest, RequestProblem> decode_order_request(const nlohmann::json& body);

}  // namespace encore::server
