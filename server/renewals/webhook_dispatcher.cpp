// The dispatcher: claim (one transaction), build and sign each event, POST it, record (one transaction).
#include "renewals/webhook_dispatcher.hpp"

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <iostream>

#include <nlohmann/json.hpp>

#include "context/clock.hpp"
#include "context/options.hpp"
#include "encore/renewals_json.hpp"
#include "renewals/webhook_signature.hpp"
#include "store/connection_pool.hpp"
#include "store/subscriber_store.hpp"
#include "store/webhook_store.hpp"

namespace encore::server {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int claims_per_round = 10;
constexpr std::int64_t lease_seconds = 30;  // a claim outlived (a crash) only delays a delivery; two deliveries of a row are allowed
constexpr std::int64_t give_up_after_seconds = 3 * 24 * 60 * 60;
constexpr std::int64_t longest_wait_seconds = 60 * 60;
constexpr int connect_timeout_seconds = 2, io_timeout_seconds = 5;

// The event body of history row `sequence`, with the state after it; empty if the record is gone.
std::string event_body(db::Connection& db, const WebhookClaim& claim) {
    db::Transaction snapshot(db, db::Transaction::Kind::deferred);
    auto record = load_subscriber(db, claim.subscriber_id);
    if (!record || claim.sequence < 1 || static_cast<std::size_t>(claim.sequence) > record->history.size()) return {};
    const std::vector<HistoryRow> rows(record->history.begin(), record->history.begin() + claim.sequence);
    const auto after = replay(rows).state;
    if (!after) return {};
    return webhook_event(std::to_string(record->id), std::to_string(record->account_id), static_cast<std::size_t>(claim.sequence),
                         rows.back(), *after)
        .dump();
}

std::optional<Instant> retry_at(const WebhookClaim& claim, Instant now, int base_seconds) {
    const Instant first = claim.first_failure.value_or(now);
    if (now.unix_seconds - first.unix_seconds >= give_up_after_seconds) return std::nullopt;
    std::int64_t wait = base_seconds;
    for (int i = 0; i < claim.failures && wait < longest_wait_seconds; ++i) wait *= 2;
    return Instant{now.unix_seconds + std::min(wait, longest_wait_seconds)};
}

WebhookAttempt post_event(const WebhookEndpoint& endpoint, const WebhookClaim& claim, const std::string& body, Instant now) {
    WebhookAttempt attempt;
    attempt.at = now;
    const auto url = parse_webhook_url(endpoint.url);
    if (!url) {
        attempt.error = "the endpoint's URL cannot be used";
        return attempt;
    }
    const auto started = Clock::now();
    httplib::Client client(url->origin());
    client.set_connection_timeout(connect_timeout_seconds, 0);
    client.set_read_timeout(io_timeout_seconds, 0);
    client.set_write_timeout(io_timeout_seconds, 0);
    const std::string type = nlohmann::json::parse(body).value("type", std::string());
    const httplib::Headers headers{
        {"Encore-Signature", webhook_signature(endpoint.secret, system_instant().unix_seconds, body)},
        {"Encore-Event", type},
        {"Encore-Delivery", std::to_string(claim.delivery_id)},
        {"User-Agent", "Encore-Webhooks/1"},
    };
    auto result = client.Post(url->path.c_str(), headers, body, "application/json");
    attempt.duration_ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count();
    if (!result) {
        attempt.error = "no answer: " + httplib::to_string(result.error());
    } else {
        attempt.http_status = result->status;
        if (result->status < 200 || result->status > 299) attempt.error = "HTTP " + std::to_string(result->status);
    }
    return attempt;
}

}  // namespace

int WebhookDispatcher::deliver_once(ServerContext& ctx) {
    auto db = ctx.pool.lease();
    std::vector<WebhookClaim> claims;
    if (!WebhookStore(*db).anything_due(system_instant())) return 0;  // the common case takes no write lock
    {
        db::Transaction transaction(*db, db::Transaction::Kind::immediate);
        claims = WebhookStore(*db).claim(system_instant(), claims_per_round, lease_seconds);
        transaction.commit();
    }
    for (const WebhookClaim& claim : claims) {
        std::optional<WebhookEndpoint> endpoint;
        {
            db::Transaction snapshot(*db, db::Transaction::Kind::deferred);
            endpoint = WebhookStore(*db).endpoint(claim.endpoint_id);
        }
        const std::string body = event_body(*db, claim);
        WebhookAttempt attempt;
        attempt.at = system_instant();
        if (!endpoint) attempt.error = "the endpoint was removed";
        else if (body.empty()) attempt.error = "the event cannot be built";
        else attempt = post_event(*endpoint, claim, body, attempt.at);
        const Instant now = system_instant();
        db::Transaction transaction(*db, db::Transaction::Kind::immediate);
        WebhookStore(*db).record(claim, attempt, attempt.error.empty() ? std::nullopt : retry_at(claim, now, ctx.options.webhook_retry_seconds),
                                 now);
        transaction.commit();
    }
    return static_cast<int>(claims.size());
}

WebhookDispatcher::WebhookDispatcher(ServerContext& ctx) : ctx_(ctx) {
    thread_ = std::thread([this] {
        while (!stop_) {
            int tried = 0;
            try {
                tried = deliver_once(ctx_);
            } catch (const db::Error& error) {
                // Another server claimed the same deliveries at the same moment: they are its to send.
                if (!error.retryable()) std::cerr << "encore-server: webhooks: " << error.what() << "\n";
            } catch (const std::exception& error) {
                std::cerr << "encore-server: webhooks: " << error.what() << "\n";
            }
            if (tried > 0) continue;
            std::unique_lock lock(mutex_);
            wake_.wait_for(lock, std::chrono::milliseconds(200), [this] { return stop_.load(); });
        }
    });
}

WebhookDispatcher::~WebhookDispatcher() {
    stop_ = true;
    wake_.notify_all();
    thread_.join();
}

}  // namespace encore::server
