// "Your account": what the signed-in customer has bought, as GET /api/me/orders, /passes, /memberships and
// /subscriptions answer it. Plain data; account_records_client.cpp reads it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "encore/ids.hpp"
#include "encore/time.hpp"

namespace web {

struct OrderPerformanceRecord {
    encore::InstanceId instance;
    std::vector<std::string> seats;
};

struct OrderLineRecord {
    std::string kind;  // ticket, series, pass, membership
    std::string description;
    std::string total_text;
};

struct OrderRecord {
    std::string reference, short_reference, status, payment_method, total_text;  // short_reference: "" for older orders
    std::int64_t total = 0;
    encore::Instant created_at;
    std::optional<encore::Instant> due_at;  // an invoice: pay by then
    std::vector<OrderPerformanceRecord> performances;
    std::vector<OrderLineRecord> lines;
};

struct PassRedemptionRecord {
    encore::InstanceId instance;
    std::string seat, order;
};

struct PassRecord {
    std::string code;
    encore::ProductId pass;
    std::string name;
    encore::Instant expires_at;
    bool expired = false;
    int allowance = 0, used = 0, remaining = 0;
    std::vector<PassRedemptionRecord> redemptions;
    std::string order;
};

struct MembershipRecord {
    encore::ProductId membership;
    std::string name;
    encore::Instant starts_at, ends_at;
    bool active = false;
    std::string order;
};

struct SubscriptionRecord {
    encore::ProductId series;
    std::string name;
    encore::SeriesGroupId group;
    std::string group_name, seat, order, order_status;
    std::vector<encore::InstanceId> performances;
};

struct AccountRecords {
    enum class State : std::uint8_t { none, loading, ready, error } state = State::none;
    std::string error;
    std::string token;     // whose records these are (the session they were read with)
    int waiting = 0;       // of the four requests
    bool stale = false;    // read again when next shown (after an order)
    std::vector<OrderRecord> orders;  // newest first
    std::vector<PassRecord> passes;
    std::vector<MembershipRecord> memberships;
    std::vector<SubscriptionRecord> subscriptions;
};

}  // namespace web
