// The public reads of what is for sale: the catalog (with its ETag), a performance's seat states and those of
// every performance of a series group in one answer.
#pragma once
#include "context/server_context.hpp"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace encore::server {

// GET /api/catalog: the catalog document; 304 for a matching If-None-Match; 503 catalog_missing.
void get_catalog(ServerContext& ctx, const httplib::Request& req, httplib::Response& res);
// GET /api/instances/{id}/availability[?since=V]: the instance's seat states, or the changes since V.
void get_availability(ServerContext& ctx, const httplib::Request& req, httplib::Response& res);
// GET /api/series/{series}/groups/{group}/availability[?since=V1,V2,...]: every instance of the group as
// get_availability answers it (changes since Vi for the i-th instance when one version per instance is sent).
void get_group_availability(ServerContext& ctx, const httplib::Request& req, httplib::Response& res);

}  // namespace encore::server
