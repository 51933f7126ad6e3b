// What the page cannot know by itself: how many tickets each offer limited in total across all
// customers may still be used on, so the page prices exactly as the server will.
#pragma once
#include "context/server_context.hpp"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace encore::server {

// GET /api/offers/remaining: {"offers": {"<offer id>": tickets left}} for every offer with a total limit
// (the core's offers_remaining of all customers' offer uses); 503 catalog_missing.
void get_offers_remaining(ServerContext& ctx, const httplib::Request& req, httplib::Response& res);

}  // namespace encore::server
