// What the web client's logic needs from its surroundings: the HTTP API, a small store that outlives the page
// (the session token) and fresh random ids (Idempotency-Keys). The browser supplies fetch(), localStorage and
// crypto (web/browser/page); the native tests supply fakes.
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "logic/http_client.hpp"

namespace web {

struct KeyValueStore {
    virtual ~KeyValueStore() = default;
    virtual std::optional<std::string> get(const std::string& key) = 0;
    // An empty value removes the key.
    virtual void set(const std::string& key, const std::string& value) = 0;
};

struct Services {
    HttpClient& http;
    KeyValueStore& storage;
    std::function<std::string()> new_idempotency_key;
};

}  // namespace web
