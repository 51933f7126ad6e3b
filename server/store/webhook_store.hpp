// The webhook outbox in SQL: endpoints with their secrets, per endpoint and subscriber the next history
// row to deliver (rows are delivered in sequence order, one at a time), each delivery with its attempts,
// and the claims that let two servers share the work. Every call runs in the caller's transaction.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "encore/time.hpp"
#include "store/database.hpp"

namespace encore::server {

struct WebhookEndpoint {
    std::int64_t id = 0;
    std::string url;
    std::string secret;
    std::string description;
    Instant created_at;
};

// One event a dispatcher has claimed: the subscriber's history row `sequence` for one endpoint.
struct WebhookClaim {
    std::int64_t delivery_id = 0;
    std::int64_t endpoint_id = 0;
    std::int64_t subscriber_id = 0;
    std::int64_t sequence = 0;
    int failures = 0;                       // failed attempts so far of this row
    std::optional<Instant> first_failure;   // when it first failed
    bool redelivery = false;                // an admin's extra delivery: it does not move the queue on
};

struct WebhookAttempt {
    int attempt = 0;
    Instant at;
    std::optional<int> http_status;  // nullopt: no HTTP answer
    std::string error;               // empty when delivered
    std::int64_t duration_ms = 0;
};

struct WebhookDelivery {
    std::int64_t id = 0;
    std::int64_t subscriber_id = 0;
    std::int64_t sequence = 0;
    std::string event_type;
    std::string status;  // pending, delivered, failed
    Instant created_at;
    std::optional<Instant> delivered_at;
    std::vector<WebhookAttempt> attempts;
};

class WebhookStore {
public:
    explicit WebhookStore(db::Connection& db) : db_(db) {}

    WebhookEndpoint add_endpoint(const std::string& url, const std::string& secret, const std::string& description, Instant now);
    std::vector<WebhookEndpoint> endpoints();
    std::optional<WebhookEndpoint> endpoint(std::int64_t id);
    // Stops deliveries to it (its deliveries stay listed); false if there is no such endpoint.
    bool remove_endpoint(std::int64_t id, Instant now);

    // Whether anything waits to be delivered by `now` (a read: no write lock when idle).
    bool anything_due(Instant now);
    // Claims up to `limit` events due by `now` for `lease_seconds`: the next row of each ready queue,
    // and deliveries an admin asked to send again. Each gets a delivery row.
    std::vector<WebhookClaim> claim(Instant now, int limit, std::int64_t lease_seconds);
    // Records an attempt. Delivered: the queue moves to the next row. Failed: retried at `retry_at`,
    // or given up (the delivery is "failed" and the queue moves on) when `retry_at` is nullopt.
    void record(const WebhookClaim& claim, const WebhookAttempt& attempt, std::optional<Instant> retry_at, Instant now);

    // Deliveries to an endpoint, newest first, with their attempts; `status` filters when not empty.
    std::vector<WebhookDelivery> deliveries(std::int64_t endpoint_id, const std::string& status, int limit);
    // Events queued for the endpoint that no attempt has reached yet.
    std::int64_t queued(std::int64_t endpoint_id);
    // Asks for one more delivery of a delivery of this endpoint; false if there is none.
    bool request_redelivery(std::int64_t endpoint_id, std::int64_t delivery_id);

private:
    std::int64_t delivery_for(std::int64_t endpoint_id, std::int64_t subscriber_id, std::int64_t sequence, Instant now);
    db::Connection& db_;
};

}  // namespace encore::server
