// SQL of webhook_endpoints, webhook_outbox, webhook_deliveries and webhook_attempts.
#include "store/webhook_store.hpp"

#include "encore/subscriber.hpp"

namespace encore::server {
namespace {

WebhookEndpoint endpoint_of(db::Statement& row) {
    return {row.integer(0), row.text(1), row.text(2), row.text(3), Instant{row.integer(4)}};
}

constexpr const char* endpoint_columns = "SELECT id, url, secret, description, created_at FROM webhook_endpoints ";

}  // namespace

WebhookEndpoint WebhookStore::add_endpoint(const std::string& url, const std::string& secret, const std::string& description,
                                           Instant now) {
    auto insert = db_.prepare(
        "INSERT INTO webhook_endpoints (url, secret, description, created_at) VALUES (?, ?, ?, ?) RETURNING id");
    insert.bind(1, url).bind(2, secret).bind(3, description).bind(4, now.unix_seconds);
    insert.step();
    WebhookEndpoint endpoint{insert.integer(0), url, secret, description, now};
    insert.reset();
    return endpoint;
}

std::vector<WebhookEndpoint> WebhookStore::endpoints() {
    auto select = db_.prepare(std::string(endpoint_columns) + "WHERE removed_at IS NULL ORDER BY id");
    std::vector<WebhookEndpoint> out;
    while (select.step()) out.push_back(endpoint_of(select));
    return out;
}

std::optional<WebhookEndpoint> WebhookStore::endpoint(std::int64_t id) {
    auto select = db_.prepare(std::string(endpoint_columns) + "WHERE removed_at IS NULL AND id = ?");
    select.bind(1, id);
    if (!select.step()) return std::nullopt;
    return endpoint_of(select);
}

bool WebhookStore::remove_endpoint(std::int64_t id, Instant now) {
    if (!endpoint(id)) return false;
    db_.prepare("UPDATE webhook_endpoints SET removed_at = ? WHERE id = ?").bind(1, now.unix_seconds).bind(2, id).run();
    db_.prepare("DELETE FROM webhook_outbox WHERE endpoint_id = ?").bind(1, id).run();
    db_.prepare("UPDATE webhook_deliveries SET redeliver = 0 WHERE endpoint_id = ?").bind(1, id).run();
    return true;
}

std::int64_t WebhookStore::delivery_for(std::int64_t endpoint_id, std::int64_t subscriber_id, std::int64_t sequence, Instant now) {
    auto action = db_.prepare("SELECT action FROM subscriber_history WHERE subscriber_id = ? AND sequence = ?");
    action.bind(1, subscriber_id).bind(2, sequence);
    std::string type = "SubscriberUpdated";
    if (action.step())
        if (auto a = action_from_name(action.text(0))) type = webhook_name(webhook_kind(*a));
    action.reset();
    auto insert = db_.prepare(
        "INSERT INTO webhook_deliveries (endpoint_id, subscriber_id, sequence, event_type, status, created_at) "
        "VALUES (?, ?, ?, ?, 'pending', ?) ON CONFLICT (endpoint_id, subscriber_id, sequence) DO UPDATE SET status = webhook_deliveries.status "
        "RETURNING id");
    insert.bind(1, endpoint_id).bind(2, subscriber_id).bind(3, sequence).bind(4, type).bind(5, now.unix_seconds);
    insert.step();
    const std::int64_t id = insert.integer(0);
    insert.reset();
    return id;
}

bool WebhookStore::anything_due(Instant now) {
    auto select = db_.prepare(
        "SELECT 1 WHERE EXISTS (SELECT 1 FROM webhook_outbox WHERE next_sequence <= last_sequence AND next_attempt_at <= ?1 "
        "AND (claimed_until IS NULL OR claimed_until <= ?1)) OR EXISTS (SELECT 1 FROM webhook_deliveries WHERE redeliver = 1)");
    select.bind(1, now.unix_seconds);
    return select.step();
}

std::vector<WebhookClaim> WebhookStore::claim(Instant now, int limit, std::int64_t lease_seconds) {
    std::vector<WebhookClaim> claims;
    auto ready = db_.prepare(
        "SELECT endpoint_id, subscriber_id, next_sequence, attempts, first_failure_at FROM webhook_outbox "
        "WHERE next_sequence <= last_sequence AND next_attempt_at <= ?1 AND (claimed_until IS NULL OR claimed_until <= ?1) "
        "ORDER BY next_attempt_at LIMIT ?2");
    ready.bind(1, now.unix_seconds).bind(2, std::int64_t{limit});
    while (ready.step()) {
        WebhookClaim c;
        c.endpoint_id = ready.integer(0);
        c.subscriber_id = ready.integer(1);
        c.sequence = ready.integer(2);
        c.failures = static_cast<int>(ready.integer(3));
        if (!ready.is_null(4)) c.first_failure = Instant{ready.integer(4)};
        claims.push_back(c);
    }
    ready.reset();
    auto lease = db_.prepare("UPDATE webhook_outbox SET claimed_until = ? WHERE endpoint_id = ? AND subscriber_id = ?");
    for (WebhookClaim& c : claims) {
        lease.bind(1, now.unix_seconds + lease_seconds).bind(2, c.endpoint_id).bind(3, c.subscriber_id).run();
        lease.reset();
        c.delivery_id = delivery_for(c.endpoint_id, c.subscriber_id, c.sequence, now);
    }
    auto again = db_.prepare(
        "SELECT id, endpoint_id, subscriber_id, sequence FROM webhook_deliveries WHERE redeliver = 1 ORDER BY id LIMIT ?");
    again.bind(1, std::int64_t{limit});
    std::vector<WebhookClaim> redeliveries;
    while (again.step()) {
        WebhookClaim c;
        c.delivery_id = again.integer(0);
        c.endpoint_id = again.integer(1);
        c.subscriber_id = again.integer(2);
        c.sequence = again.integer(3);
        c.redelivery = true;
        redeliveries.push_back(c);
    }
    again.reset();
    auto taken = db_.prepare("UPDATE webhook_deliveries SET redeliver = 0 WHERE id = ?");
    for (const WebhookClaim& c : redeliveries) {
        taken.bind(1, c.delivery_id).run();
        taken.reset();
        claims.push_back(c);
    }
    return claims;
}

void WebhookStore::record(const WebhookClaim& claim, const WebhookAttempt& attempt, std::optional<Instant> retry_at, Instant now) {
    const bool delivered = attempt.error.empty();
    auto count = db_.prepare("UPDATE webhook_deliveries SET attempts = attempts + 1 WHERE id = ? RETURNING attempts");
    count.bind(1, claim.delivery_id);
    const std::int64_t number = count.step() ? count.integer(0) : 1;
    count.reset();
    auto insert = db_.prepare(
        "INSERT INTO webhook_attempts (delivery_id, attempt, at, http_status, error, duration_ms) VALUES (?, ?, ?, ?, ?, ?)");
    insert.bind(1, claim.delivery_id).bind(2, number).bind(3, attempt.at.unix_seconds);
    if (attempt.http_status) insert.bind(4, std::int64_t{*attempt.http_status});
    else insert.bind_null(4);
    insert.bind(5, attempt.error).bind(6, attempt.duration_ms).run();

    const bool gave_up = !delivered && !retry_at && !claim.redelivery;
    if (delivered || gave_up)
        db_.prepare("UPDATE webhook_deliveries SET status = ?, delivered_at = ? WHERE id = ? AND status <> 'delivered'")
            .bind(1, delivered ? "delivered" : "failed")
            .bind(2, now.unix_seconds)
            .bind(3, claim.delivery_id)
            .run();
    if (claim.redelivery) return;
    if (delivered || gave_up) {
        db_.prepare(
              "UPDATE webhook_outbox SET next_sequence = next_sequence + 1, attempts = 0, first_failure_at = NULL, "
              "next_attempt_at = ?, claimed_until = NULL WHERE endpoint_id = ? AND subscriber_id = ? AND next_sequence = ?")
            .bind(1, now.unix_seconds)
            .bind(2, claim.endpoint_id)
            .bind(3, claim.subscriber_id)
            .bind(4, claim.sequence)
            .run();
        return;
    }
    db_.prepare(
          "UPDATE webhook_outbox SET attempts = attempts + 1, first_failure_at = COALESCE(first_failure_at, ?), "
          "next_attempt_at = ?, claimed_until = NULL WHERE endpoint_id = ? AND subscriber_id = ? AND next_sequence = ?")
        .bind(1, now.unix_seconds)
        .bind(2, retry_at->unix_seconds)
        .bind(3, claim.endpoint_id)
        .bind(4, claim.subscriber_id)
        .bind(5, claim.sequence)
        .run();
}

std::vector<WebhookDelivery> WebhookStore::deliveries(std::int64_t endpoint_id, const std::string& status, int limit) {
    auto select = db_.prepare(
        "SELECT id, subscriber_id, sequence, event_type, status, created_at, delivered_at FROM webhook_deliveries "
        "WHERE endpoint_id = ? AND (? = '' OR status = ?) ORDER BY id DESC LIMIT ?");
    select.bind(1, endpoint_id).bind(2, status).bind(3, status).bind(4, std::int64_t{limit});
    std::vector<WebhookDelivery> out;
    while (select.step()) {
        WebhookDelivery d{select.integer(0), select.integer(1), select.integer(2), select.text(3), select.text(4),
                          Instant{select.integer(5)}, std::nullopt, {}};
        if (!select.is_null(6)) d.delivered_at = Instant{select.integer(6)};
        out.push_back(std::move(d));
    }
    auto attempts = db_.prepare(
        "SELECT attempt, at, http_status, error, duration_ms FROM webhook_attempts WHERE delivery_id = ? ORDER BY attempt");
    for (WebhookDelivery& d : out) {
        attempts.bind(1, d.id);
        while (attempts.step()) {
            WebhookAttempt a{static_cast<int>(attempts.integer(0)), Instant{attempts.integer(1)}, std::nullopt, attempts.text(3),
                             attempts.integer(4)};
            if (!attempts.is_null(2)) a.http_status = static_cast<int>(attempts.integer(2));
            d.attempts.push_back(std::move(a));
        }
        attempts.reset();
    }
    return out;
}

std::int64_t WebhookStore::queued(std::int64_t endpoint_id) {
    auto select = db_.prepare(
        "SELECT COALESCE(SUM(last_sequence - next_sequence + 1), 0) FROM webhook_outbox "
        "WHERE endpoint_id = ? AND next_sequence <= last_sequence");
    select.bind(1, endpoint_id);
    select.step();
    return select.integer(0);
}

bool WebhookStore::request_redelivery(std::int64_t endpoint_id, std::int64_t delivery_id) {
    auto update = db_.prepare("UPDATE webhook_deliveries SET redeliver = 1 WHERE id = ? AND endpoint_id = ? RETURNING id");
    update.bind(1, delivery_id).bind(2, endpoint_id);
    return update.step();
}

}  // namespace encore::server
