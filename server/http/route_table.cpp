// Registration of the route table's rows and the method answers derived from them.
#include "http/route_table.hpp"

#include <httplib.h>

#include <algorithm>
#include <map>

#include "http/problem.hpp"

namespace encore::server {
namespace {

constexpr Method all_methods[] = {Method::get, Method::post, Method::put, Method::patch, Method::del};

void add(httplib::Server& server, Method method, const std::string& pattern, httplib::Server::Handler handler) {
    switch (method) {
        case Method::get: server.Get(pattern, std::move(handler)); return;
        case Method::post: server.Post(pattern, std::move(handler)); return;
        case Method::put: server.Put(pattern, std::move(handler)); return;
        case Method::patch: server.Patch(pattern, std::move(handler)); return;
        case Method::del: server.Delete(pattern, std::move(handler)); return;
    }
}

void install_method_answers(httplib::Server& server, const std::string& pattern, const std::vector<Method>& methods) {
    const std::string allowed = allow_header(methods);
    auto not_allowed = [allowed](const httplib::Request& req, httplib::Response& res) {
        res.set_header("Allow", allowed);
        send_http_problem(res, 405, ApiProblem::method_not_allowed,
                          req.method + " is not supported here; this endpoint accepts " + allowed + ".");
    };
    for (Method method : all_methods)
        if (std::find(methods.begin(), methods.end(), method) == methods.end()) add(server, method, pattern, not_allowed);
    server.Options(pattern, [allowed](const httplib::Request&, httplib::Response& res) {
        res.set_header("Allow", allowed);
        res.status = 204;
    });
}

}  // namespace

std::string_view method_name(Method method) {
    switch (method) {
        case Method::get: return "GET";
        case Method::post: return "POST";
        case Method::put: return "PUT";
        case Method::patch: return "PATCH";
        case Method::del: return "DELETE";
    }
    return "GET";
}

std::string allow_header(const std::vector<Method>& methods) {
    std::string allowed;
    auto name = [&](std::string_view method) { allowed += (allowed.empty() ? "" : ", ") + std::string(method); };
    for (Method method : all_methods)
        if (std::find(methods.begin(), methods.end(), method) != methods.end()) {
            name(method_name(method));
            if (method == Method::get) name("HEAD");
        }
    name("OPTIONS");
    return allowed;
}

void install_route_table(httplib::Server& server, const std::vector<HttpRoute>& routes, const std::string& unknown_paths) {
    std::map<std::string, std::vector<Method>> methods_of;  // pattern -> its methods
    std::vector<std::string> patterns;                      // in table order
    for (const HttpRoute& route : routes) {
        add(server, route.method, route.pattern, route.handler);
        auto [it, first] = methods_of.try_emplace(route.pattern);
        if (first) patterns.push_back(route.pattern);
        it->second.push_back(route.method);
    }
    for (const std::string& pattern : patterns) install_method_answers(server, pattern, methods_of[pattern]);
    auto not_found = [](const httplib::Request& req, httplib::Response& res) {
        send_http_problem(res, 404, ApiProblem::not_found, "There is no API endpoint at " + printable(req.path) + ".");
    };
    for (Method method : all_methods) add(server, method, unknown_paths, not_found);
    server.Options(unknown_paths, not_found);
}

}  // namespace encore::server
