// The account bodies (register, login, staff accounts, the clock) as the handlers read them: the JSON
// object with the nesting limit, the closed schema, then the fields. Every refusal is a problem+json body.
#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "accounts/account_json.hpp"
#include "fuzz_support.hpp"
#include "http/json_exchange.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace encore;
    httplib::Request req;
    req.body.assign(reinterpret_cast<const char*>(data), size);
    for (const bool with_role : {false, true}) {
        httplib::Response res;
        auto body = server::read_json_object(req, res);
        if (!body) {
            if (res.status != 400 && res.status != 422) fuzz::property_failed("a bad body was not a 400 or 422");
            (void)nlohmann::json::parse(res.body);  // the problem itself is valid JSON
            return 0;
        }
        if (!server::only_members(*body, {"email", "name", "password", "role"}, res)) {
            (void)nlohmann::json::parse(res.body);
            continue;
        }
        auto account = server::read_new_account(*body, with_role, res);
        if (!account) {
            if (res.status != 422) fuzz::property_failed("a bad account was not a 422");
            (void)nlohmann::json::parse(res.body);
            continue;
        }
        if (account->email.empty() || account->password.size() < 8) fuzz::property_failed("a bad account was accepted");
        (void)server::account_to_json(server::Account{1, account->email, account->name, account->role, {}}).dump();
    }
    return 0;
}
