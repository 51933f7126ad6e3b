// The page's localStorage as the logic's KeyValueStore (the session token survives a reload).
#pragma once
#include "logic/services.hpp"

namespace web {

class LocalStorage : public KeyValueStore {
public:
    // nullopt when the key is absent or storage is unavailable (e.g. blocked by the browser).
    std::optional<std::string> get(const std::string& key) override;
    void set(const std::string& key, const std::string& value) override;
};

}  // namespace web
