// Delivers the webhook outbox over real HTTP from a thread of its own, never from a request thread:
// each subscriber's events in sequence order, one at a time per endpoint, signed (webhook_signature.hpp),
// with timeouts; a failure is retried with exponential backoff (--webhook-retry-seconds, doubling, at
// most an hour apart) until it has failed for 3 days. Deliveries run on real time, not the server clock
// the admin moves (a receiver's outage is real). The outbox lives in the database, so deliveries
// survive restarts; claims with a lease let two servers share the work.
#pragma once
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "context/server_context.hpp"

namespace encore::server {

class WebhookDispatcher {
public:
    explicit WebhookDispatcher(ServerContext& ctx);
    ~WebhookDispatcher();  // stops and joins the thread
    WebhookDispatcher(const WebhookDispatcher&) = delete;
    WebhookDispatcher& operator=(const WebhookDispatcher&) = delete;

    // One round: claims the events due now, delivers each and records the attempt; how many were tried.
    static int deliver_once(ServerContext& ctx);

private:
    ServerContext& ctx_;
    std::atomic<bool> stop_{false};
    std::mutex mutex_;
    std::condition_variable wake_;
    std::thread thread_;
};

}  // namespace encore::server
