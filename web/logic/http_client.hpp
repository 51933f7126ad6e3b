// The one door from the web client's logic to the network: a JSON request to the Encore API and its answer.
// fetch() implements HttpClient in the browser (web/browser/fetch_http_client); the native tests use a fake.
#pragma once
#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "encore/api_problems.hpp"

namespace web {

struct HttpRequest {
    std::string method = "GET";
    std::string url;              // on the page's origin, e.g. "/api/holds"
    std::string body;             // JSON text; empty: no body
    std::string bearer_token;     // sent as "Authorization: Bearer <token>" when not empty
    std::string idempotency_key;  // sent as "Idempotency-Key" when not empty
};

class HttpAnswer {
public:
    HttpAnswer() = default;
    HttpAnswer(int status, std::string body);

    int status = 0;    // 0: no HTTP answer at all (body is the browser's reason)
    std::string body;

    bool ok() const { return status >= 200 && status < 300; }
    // The body as JSON (parsed on first use); discarded if it is not JSON, null when there was no answer.
    const nlohmann::json& json() const;
    // The problem+json "code", or "".
    std::string code() const;
    // That code as one of the API's problems; nullopt without a code or for one the core does not list.
    std::optional<encore::ApiProblem> problem() const;

private:
    mutable std::optional<nlohmann::json> parsed_;
};

using HttpDone = std::function<void(const HttpAnswer&)>;

struct HttpClient {
    virtual ~HttpClient() = default;
    // Sends the request; `done` runs once, later, with the answer or the failure (status 0).
    virtual void send(HttpRequest request, HttpDone done) = 0;
};

}  // namespace web
