// Health, the embedding settings, the OpenAPI document and the admin clock.
#include "app/server_routes.hpp"

#include <httplib.h>

#include <nlohmann/json.hpp>

#include "catalog/catalog_state.hpp"
#include "context/clock.hpp"
#include "context/options.hpp"
#include "http/json_exchange.hpp"
#include "http/openapi_route.hpp"
#include "http/problem.hpp"
#include "store/connection_pool.hpp"
#include "store/shared_clock.hpp"
#include "store/store.hpp"

namespace encore::server {
namespace {

nlohmann::json clock_to_json(const ServerClock& clock) {
    return {{"now", format_instant(clock.now())}, {"offset_seconds", clock.offset_seconds()}};
}

// The clock can be moved within this century only: a year like 9999 overflows nothing today, but
// nothing a box office sells is there either.
constexpr Instant earliest_clock{946684800};  // 2000-01-01T00:00:00Z
constexpr Instant latest_clock{4133980800};   // 2101-01-01T00:00:00Z

}  // namespace

void get_health(ServerContext& ctx, const httplib::Request&, httplib::Response& res) {
    auto current = ctx.catalog.current();
    send_json(res, 200,
              {{"status", "ok"},
               {"schema_version", ctx.store.schema_version()},
               {"catalog", current != nullptr},
               {"instances", current ? current->catalog.instances.size() : 0},
               {"now", format_instant(ctx.clock.now())}});
}

void get_embed(ServerContext& ctx, const httplib::Request&, httplib::Response& res) {
    send_json(res, 200, {{"origins", ctx.options.embed_origins}});
}

void get_openapi(ServerContext&, const httplib::Request&, httplib::Response& res) { send_openapi_document(res); }

void get_clock(ServerContext& ctx, const Account&, const httplib::Request&, httplib::Response& res) {
    send_json(res, 200, clock_to_json(ctx.clock));
}

void put_clock(ServerContext& ctx, const Account&, const httplib::Request& req, httplib::Response& res) {
    auto body = read_json_object(req, res);
    if (!body || !only_members(*body, {"now", "reset"}, res)) return;
    if (body->contains("reset")) {
        if ((*body)["reset"] != true) {
            send_invalid_field(res, "reset", "\"reset\" can only be true; to move the clock send {\"now\": ...}.");
            return;
        }
        ctx.clock.reset();
    } else {
        auto now = read_string_field(*body, "now", res);
        if (!now) return;
        auto instant = parse_instant(*now);
        if (!instant) {
            send_invalid_field(res, "now",
                               "\"now\" must be an RFC 3339 instant such as \"2027-01-12T10:00:00Z\", not \"" +
                                   printable(*now) + "\".");
            return;
        }
        if (*instant < earliest_clock || *instant >= latest_clock) {
            send_invalid_field(res, "now", "\"now\" must be between the years 2000 and 2100, not \"" + printable(*now) + "\".");
            return;
        }
        ctx.clock.travel_to(*instant);
    }
    {
        auto db = ctx.pool.lease();
        save_clock_offset(*db, ctx.clock.offset_seconds());
    }
    send_json(res, 200, clock_to_json(ctx.clock));
}

}  // namespace encore::server
