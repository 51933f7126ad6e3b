// Start-up sequence: database, catalog, HTTP server, then listen until asked to stop.
#include "app/serve.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <memory>

#include "accounts/accounts.hpp"
#include "app/api_routes.hpp"
#include "app/maintenance.hpp"
#include "app/shared_rate_limits.hpp"
#include "app/shutdown_signals.hpp"
#include "catalog/catalog_import.hpp"
#include "catalog/catalog_state.hpp"
#include "context/clock.hpp"
#include "context/server_context.hpp"
#include "accounts/password_gate.hpp"
#include "http/client_address.hpp"
#include "http/error_handling.hpp"
#include "http/front_end.hpp"
#include "http/rate_limiter.hpp"
#include "http/security_headers.hpp"
#include "http/request_guard.hpp"
#include "http/request_log.hpp"
#include "http/static_files.hpp"
#include "renewals/demo_subscribers.hpp"
#include "renewals/webhook_dispatcher.hpp"
#include "sales/priority_lane.hpp"
#include "store/store.hpp"
#include "store/write_queue.hpp"

namespace encore::server {
namespace {

constexpr std::size_t payload_max_length = 1024 * 1024;

int fail(const std::string& message) {
    std::cerr << "encore-server: " << message << "\n";
    return 1;
}

std::string url_host(const std::string& address) {
    return address.find(':') == std::string::npos ? address : "[" + address + "]";
}

TrustedProxies trusted_proxies(const Options& options) {
    std::vector<AddressRange> ranges;
    for (const std::string& text : options.trusted_proxies)
        if (auto range = parse_address_range(text)) ranges.push_back(*range);
    return TrustedProxies(std::move(ranges));
}

FrontEndOptions front_end_options(const Options& options, std::vector<std::pair<std::string, std::string>> headers) {
    using std::chrono::seconds;
    FrontEndOptions front;
    front.workers = options.threads;
    front.priority = looks_like_series_booking;
    front.max_connections = static_cast<std::size_t>(options.max_connections);
    front.max_connections_per_address = static_cast<std::size_t>(options.max_connections_per_address);
    front.header_timeout = seconds(options.header_timeout_seconds);
    front.body_timeout = seconds(options.body_timeout_seconds);
    front.idle_timeout = seconds(options.idle_timeout_seconds);
    front.limits.max_body = payload_max_length;
    front.trusted_proxies = trusted_proxies(options);
    front.refusal_headers = std::move(headers);
    return front;
}

}  // namespace

int serve(const Options& options) {
    block_shutdown_signals();
    std::unique_ptr<Store> store;
    try {
        store = std::make_unique<Store>(options.database_path);
    } catch (const std::exception& error) {
        return fail("cannot open database " + options.database_path + ": " + error.what());
    }

    CatalogState catalog;
    try {
        catalog.publish(startup_catalog(*store, {options.catalog_path, options.demo_sales}));
    } catch (const CatalogError& error) {
        return fail(error.what());
    } catch (const std::exception& error) {
        return fail("cannot load the catalog from database " + options.database_path + ": " + error.what());
    }
    if (!catalog.current())
        std::cerr << "encore-server: no catalog yet; /api/catalog answers 503 until one is imported with --catalog\n";

    RequestRouter server;
    const auto headers = security_headers(framing_sources(options.frame_ancestors, options.embed_origins));
    install_security_headers(server, headers);
    server.set_keep_alive_max_count(1000);  // the front end's keep_alive_max_requests
    server.set_keep_alive_timeout(options.idle_timeout_seconds);
    install_request_guard(server);
    install_request_log(server);
    install_error_handling(server, payload_max_length);
    HttpFrontEnd front_end(server, front_end_options(options, headers));
    ServerClock clock;
    // Several servers on one PostgreSQL database share the clients' allowances through it.
    std::unique_ptr<TokenBuckets> shared_buckets;
    if (store->pool().is_postgresql()) shared_buckets = std::make_unique<SharedRateLimits>(options.database_path);
    RateLimiter limiter(shared_buckets.get());
    WriteQueue writes(store->pool());
    PasswordGate hashing(options.password_hashing_slots, std::max(1, options.threads / 2));
    ServerContext ctx{*store, store->pool(), catalog, clock, options, limiter, writes, hashing};
    try {
        ensure_admin_account(ctx);
    } catch (const std::exception& error) {
        return fail(std::string("cannot create the --admin account: ") + error.what());
    }
    if (options.demo_sales && catalog.current()) {
        try {
            seed_demo_subscribers(ctx, catalog.current()->catalog);
        } catch (const std::exception& error) {
            return fail(std::string("cannot seed the demo's subscribers: ") + error.what());
        }
    }
    install_api_routes(server, ctx);
    if (!options.web_root.empty() && !mount_web_root(server, options.web_root))
        return fail("web root " + options.web_root + " is not a directory");

    StopOnShutdownSignal stop_on_signal([&front_end] { front_end.stop(); });
    errno = 0;
    const int port = front_end.bind(options.bind_address, options.port);
    if (port == 0) {
        return fail("cannot listen on " + url_host(options.bind_address) + ":" + std::to_string(options.port) +
                    (errno ? std::string(": ") + std::strerror(errno) : std::string()));
    }
    Maintenance maintenance(ctx);
    WebhookDispatcher webhooks(ctx);
    std::cout << "encore-server listening on http://" << url_host(options.bind_address) << ":" << port << std::endl;
    const bool clean = front_end.run();
    std::cerr << "encore-server: stopped\n";
    return clean ? 0 : 1;
}

}  // namespace encore::server
