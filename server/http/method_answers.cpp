// 405 and OPTIONS answers shared by every module's routes.
#include "http/method_answers.hpp"

#include <httplib.h>

#include "http/problem.hpp"

namespace encore::server {

void install_method_answers(httplib::Server& server, const char* pattern, const std::string& allowed) {
    auto not_allowed = [allowed](const httplib::Request& req, httplib::Response& res) {
        res.set_header("Allow", allowed);
        send_http_problem(res, 405, "method_not_allowed",
                          req.method + " is not supported here; this endpoint accepts " + allowed + ".");
    };
    auto has = [&](const char* method) { return allowed.find(method) != std::string::npos; };
    if (!has("GET")) server.Get(pattern, not_allowed);
    if (!has("POST")) server.Post(pattern, not_allowed);
    if (!has("PUT")) server.Put(pattern, not_allowed);
    if (!has("PATCH")) server.Patch(pattern, not_allowed);
    if (!has("DELETE")) server.Delete(pattern, not_allowed);
    if (has("OPTIONS"))
        server.Options(pattern, [allowed](const httplib::Request&, httplib::Response& res) {
            res.set_header("Allow", allowed);
            res.status = 204;
        });
}

}  // namespace encore::server
