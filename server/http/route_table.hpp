// The route table as httplib sees it: every row registered, and for every pattern the answers that
// follow from its rows: 405 with Allow for a method it lacks, 204 with Allow for OPTIONS.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace httplib {
struct Request;
struct Response;
class Server;
}  // namespace httplib

namespace encore::server {

enum class Method { get, post, put, patch, del };
// "GET", "POST", "PUT", "PATCH", "DELETE".
std::string_view method_name(Method method);

struct HttpRoute {
    Method method;
    std::string pattern;  // an httplib pattern: a regular expression the whole path must match
    std::function<void(const httplib::Request&, httplib::Response&)> handler;
};

// The Allow header of a pattern with these methods, in a fixed order, with HEAD where GET is and
// OPTIONS always: e.g. "GET, HEAD, DELETE, OPTIONS".
std::string allow_header(const std::vector<Method>& methods);

// Registers every route; then, for each pattern, 405 method_not_allowed with Allow for each method
// it has no row for (HEAD follows GET) and 204 with Allow for OPTIONS; then 404 not_found for any
// other path that `unknown_paths` matches.
void install_route_table(httplib::Server& server, const std::vector<HttpRoute>& routes, const std::string& unknown_paths);

}  // namespace encore::server
