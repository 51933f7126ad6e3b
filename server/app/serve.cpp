// Start-up sequence: database, catalog, HTTP server, then listen until asked to stop.
#include "app/serve.hpp"

#include <httplib.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <memory>

#include "accounts/accounts.hpp"
#include "app/api_routes.hpp"
#include "app/maintenance.hpp"
#include "app/shutdown_signals.hpp"
#include "catalog/catalog_import.hpp"
#include "catalog/catalog_state.hpp"
#include "context/clock.hpp"
#include "context/server_context.hpp"
#include "http/error_handling.hpp"
#include "http/rate_limiter.hpp"
#include "http/request_guard.hpp"
#include "http/request_log.hpp"
#include "http/static_files.hpp"
#include "renewals/demo_subscribers.hpp"
#include "renewals/webhook_dispatcher.hpp"
#include "store/store.hpp"

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

// SO_REUSEADDR only: httplib's default also sets SO_REUSEPORT, which would let a second server
// share the port silently instead of failing to start.
void listening_socket_options(socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
}

// Binds the listening socket; the port actually bound, or 0.
int bind_port(httplib::Server& server, const Options& options) {
    if (options.port == 0) return std::max(0, server.bind_to_any_port(options.bind_address));
    return server.bind_to_port(options.bind_address, options.port) ? options.port : 0;
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

    httplib::Server server;
    const int threads = options.threads;
    server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    server.set_payload_max_length(payload_max_length);
    server.set_socket_options(listening_socket_options);
    server.set_tcp_nodelay(true);  // headers and body go out in two writes: without it Nagle + delayed ACK add ~40 ms
    install_request_guard(server);
    install_request_log(server);
    install_error_handling(server, payload_max_length);
    ServerClock clock;
    RateLimiter limiter;
    ServerContext ctx{*store, store->pool(), catalog, clock, options, limiter};
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

    StopOnShutdownSignal stop_on_signal(server);
    errno = 0;
    const int port = bind_port(server, options);
    if (port == 0) {
        return fail("cannot listen on " + url_host(options.bind_address) + ":" + std::to_string(options.port) +
                    (errno ? std::string(": ") + std::strerror(errno) : std::string()));
    }
    Maintenance maintenance(ctx);
    WebhookDispatcher webhooks(ctx);
    std::cout << "encore-server listening on http://" << url_host(options.bind_address) << ":" << port << std::endl;
    const bool clean = server.listen_after_bind();
    std::cerr << "encore-server: stopped\n";
    return clean ? 0 : 1;
}

}  // namespace encore::server
