// One simulated customer's connection to encore-server: its own keep-alive httplib::Client, its bearer
// token, and the calls of the accounts/holds/orders contract, each returning status + JSON body.
#pragma once
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

namespace httplib {
class Client;
}

namespace encore::load {

struct Reply {
    int status = 0;              // 0: no answer (connection refused, reset, timeout)
    nlohmann::json body;         // null if the body was empty or not JSON
    std::string transport_error; // set when status == 0
    double ms = 0;               // wall time of the request
    // The problem+json "code", or "".
    std::string code() const;
};

class ApiClient {
public:
    ApiClient(std::string host, int port, int timeout_seconds = 30);
    ~ApiClient();
    ApiClient(const ApiClient&) = delete;
    ApiClient& operator=(const ApiClient&) = delete;

    Reply get(const std::string& path);
    Reply post(const std::string& path, const nlohmann::json& body, const std::string& idempotency_key = {});
    Reply put(const std::string& path, const nlohmann::json& body);
    Reply del(const std::string& path);

    const std::string& token() const { return token_; }
    void set_token(std::string token) { token_ = std::move(token); }

    // POST /api/auth/register; keeps the token on 201/200.
    Reply register_account(const std::string& email, const std::string& name, const std::string& password);
    // POST /api/auth/login; keeps the token on 200.
    Reply login(const std::string& email, const std::string& password);
    // POST /api/me/cards with the test provider's approving card; the card token or "".
    std::string add_test_card(Reply* reply = nullptr);

private:
    Reply finish(const void* result, double ms);
    std::unique_ptr<httplib::Client> http_;
    std::string token_;
};

}  // namespace encore::load
