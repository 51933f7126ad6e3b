// The table, and how a row becomes an httplib handler.
#include "app/api_routes.hpp"

#include <httplib.h>

#include <stdexcept>
#include <string>

#include "accounts/account_routes.hpp"
#include "accounts/accounts.hpp"
#include "accounts/admin_account_routes.hpp"
#include "app/server_routes.hpp"
#include "catalog/admin_catalog_routes.hpp"
#include "catalog/catalog_routes.hpp"
#include "context/options.hpp"
#include "app/conflict_retry.hpp"
#include "http/json_exchange.hpp"
#include "http/rate_limiter.hpp"
#include "renewals/admin_routes.hpp"
#include "renewals/staff_routes.hpp"
#include "renewals/subscriber_routes.hpp"
#include "sales/customer_routes.hpp"
#include "sales/hold_routes.hpp"
#include "sales/offer_routes.hpp"
#include "sales/order_routes.hpp"

namespace encore::server {
namespace {

constexpr const char* any_api_path = R"(/api(/.*)?)";

// False after answering 429 when the request's client has used up the row's limit.
bool within_limit(ServerContext& ctx, Limit limit, const httplib::Request& req, httplib::Response& res) {
    switch (limit) {
        case Limit::none: return true;
        case Limit::holds: return ctx.limiter.admit("holds", ctx.options.hold_requests_per_minute, req, res);
        case Limit::orders: return ctx.limiter.admit("orders", ctx.options.order_requests_per_minute, req, res);
        case Limit::logins: return ctx.limiter.admit("logins", ctx.options.login_requests_per_minute, req, res);
    }
    return true;
}

Role least_role(Access access) {
    switch (access) {
        case Access::staff: return Role::staff;
        case Access::admin: return Role::admin;
        case Access::anyone:
        case Access::customer: break;
    }
    return Role::customer;
}

HttpRoute http_route(ServerContext& ctx, const ApiRoute& route) {
    const bool public_handler = std::holds_alternative<PublicHandler>(route.handler);
    if (public_handler != (route.access == Access::anyone))
        throw std::logic_error(std::string("route ") + std::string(method_name(route.method)) + " " + route.pattern +
                               ": a handler for anyone needs Access::anyone, one given the caller's account needs a role");
    if (public_handler)
        return {route.method, route.pattern,
                [&ctx, limit = route.limit, handler = std::get<PublicHandler>(route.handler)](
                    const httplib::Request& req, httplib::Response& res) {
                    if (within_limit(ctx, limit, req, res) && require_json_content(req, res))
                        run_retrying_conflicts(req, res, [&] { handler(ctx, req, res); });
                }};
    return {route.method, route.pattern,
            [&ctx, limit = route.limit, role = least_role(route.access), handler = std::get<AccountHandler>(route.handler)](
                const httplib::Request& req, httplib::Response& res) {
                if (!within_limit(ctx, limit, req, res)) return;
                run_retrying_conflicts(req, res, [&] {
                    if (auto caller = require_role(ctx, req, res, role))
                        if (require_json_content(req, res)) handler(ctx, *caller, req, res);
                });
            }};
}

}  // namespace

const std::vector<ApiRoute>& api_routes() {
    using enum Method;
    using enum Access;
    using enum Limit;
    static const std::vector<ApiRoute> table{
        {get,  "/api/health",                                anyone,   none,   get_health},
        {get,  "/api/embed",                                 anyone,   none,   get_embed},
        {get,  "/api/openapi.json",                          anyone,   none,   get_openapi},
        {get,  "/api/catalog",                               anyone,   none,   get_catalog},
        {get,  R"(/api/instances/([^/]*)/availability)",     anyone,   none,   get_availability},
        {get,  R"(/api/series/([^/]*)/groups/([^/]*)/availability)", anyone, none, get_group_availability},
        {get,  "/api/offers/remaining",                      anyone,   none,   get_offers_remaining},

        {post, "/api/auth/register",                         anyone,   logins, post_register},
        {post, "/api/auth/login",                            anyone,   logins, post_login},
        {post, "/api/auth/logout",                           customer, none,   post_logout},
        {get,  "/api/me",                                    customer, none,   get_me},

        {post, "/api/holds",                                 anyone,   holds,  post_hold},
        {get,  R"(/api/holds/([^/]*))",                      anyone,   none,   get_hold},
        {del,  R"(/api/holds/([^/]*))",                      anyone,   holds,  delete_hold},
        {post, R"(/api/holds/([^/]*)/extend)",               anyone,   holds,  post_hold_extend},
        {post, R"(/api/holds/([^/]*)/release)",              anyone,   holds,  post_hold_release},
        {post, R"(/api/holds/([^/]*)/abandon)",              anyone,   holds,  post_hold_abandon},

        {post, "/api/orders",                                customer, orders, post_order},
        {get,  R"(/api/orders/([^/]+))",                     customer, none,   get_order},
        {post, R"(/api/orders/([^/]+)/mark-paid)",           staff,    none,   post_mark_paid},

        {post, "/api/me/cards",                              customer, orders, post_card},
        {get,  "/api/me/cards",                              customer, none,   get_cards},
        {get,  "/api/me/orders",                             customer, none,   get_my_orders},
        {get,  "/api/me/passes",                             customer, none,   get_my_passes},
        {get,  "/api/me/memberships",                        customer, none,   get_my_memberships},
        {get,  "/api/me/subscriptions",                      customer, none,   get_my_subscriptions},
        {get,  "/api/me/customer",                           customer, none,   get_my_customer},

        {get,  "/api/me/holds",                              customer, none,   get_my_holds},
        {get,  "/api/me/subscriber-records",                 customer, none,   get_my_subscriber_records},
        {get,  R"(/api/me/subscriber-records/([^/]+))",      customer, none,   get_my_subscriber_record},
        {get,  R"(/api/me/subscriber-records/([^/]+)/history)", customer, none, get_my_subscriber_history},
        {post, R"(/api/me/subscriber-records/([^/]+)/actions)", customer, orders, post_my_subscriber_action},

        {get,  "/api/staff/customers",                       staff,    none,   get_staff_customers},
        {post, "/api/staff/customers",                       staff,    none,   post_staff_customer},
        {get,  R"(/api/staff/customers/([^/]+))",            staff,    none,   get_staff_customer},
        {post, R"(/api/staff/customers/([^/]+)/cards)",      staff,    orders, post_staff_customer_card},
        {post, R"(/api/staff/customers/([^/]+)/holds)",      staff,    holds,  post_staff_customer_hold},
        {post, R"(/api/staff/customers/([^/]+)/orders)",     staff,    orders, post_staff_customer_order},
        {get,  "/api/staff/subscriber-records",              staff,    none,   get_staff_subscriber_records},
        {get,  R"(/api/staff/subscriber-records/([^/]+))",   staff,    none,   get_staff_subscriber_record},
        {post, R"(/api/staff/subscriber-records/([^/]+)/actions)", staff, orders, post_staff_subscriber_action},
        {put,  R"(/api/staff/passes/([^/]+)/expiry)",        staff,    none,   put_staff_pass_expiry},
        {get,  "/api/staff/renewals",                        staff,    none,   get_staff_renewals},
        {get,  "/api/staff/renewals/days",                   staff,    none,   get_staff_renewal_days},

        {put,  "/api/admin/catalog",                         admin,    none,   put_catalog},
        {put,  R"(/api/admin/catalog/([^/]*)/([^/]*))",      admin,    none,   put_catalog_item},
        {del,  R"(/api/admin/catalog/([^/]*)/([^/]*))",      admin,    none,   delete_catalog_item},
        {get,  "/api/admin/clock",                           admin,    none,   get_clock},
        {put,  "/api/admin/clock",                           admin,    none,   put_clock},
        {post, "/api/admin/accounts",                        admin,    none,   post_account},
        {post, "/api/admin/webhooks",                        admin,    none,   post_webhook},
        {get,  "/api/admin/webhooks",                        admin,    none,   get_webhooks},
        {del,  R"(/api/admin/webhooks/([^/]+))",             admin,    none,   delete_webhook},
        {get,  R"(/api/admin/webhooks/([^/]+)/deliveries)",  admin,    none,   get_webhook_deliveries},
        {post, R"(/api/admin/webhooks/([^/]+)/deliveries/([^/]+)/redeliver)", admin, none, post_webhook_redelivery},
        {get,  "/api/admin/house-holds",                     admin,    none,   get_house_holds},
        {put,  R"(/api/admin/house-holds/([^/]+))",          admin,    none,   put_house_holds},
    };
    return table;
}

void install_api_routes(httplib::Server& server, ServerContext& ctx) {
    std::vector<HttpRoute> routes;
    for (const ApiRoute& route : api_routes()) routes.push_back(http_route(ctx, route));
    install_route_table(server, routes, any_api_path);
}

}  // namespace encore::server
