// Validating JSON reader used by the core's loaders: typed field access that records a Problem with
// the JSON pointer path instead of throwing, so a loader can report every problem in one pass.
#pragma once
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "encore/problems.hpp"
#include "encore/time.hpp"

namespace encore::detail {

using nlohmann::json;

// "/a/b" + "c" -> "/a/b/c" (with JSON-pointer escaping of '~' and '/').
std::string path_join(const std::string& path, std::string_view key);
std::string path_join(const std::string& path, std::size_t index);

class JsonReader {
public:
    explicit JsonReader(Problems& problems) : problems_(problems) {}

    void problem(std::string path, std::string code, std::string message);
    bool ok() const { return problems_.empty(); }

    // The member `key` of `obj`, or nullptr (recording missing_field when required).
    const json* member(const json& obj, const std::string& path, std::string_view key, bool required);
    // Typed members: false (and a problem recorded) when missing-but-required or of the wrong type.
    bool get_string(const json& obj, const std::string& path, std::string_view key, std::string& out,
                    bool required = true);
    bool get_id(const json& obj, const std::string& path, std::string_view key, std::string& out);  // non-empty string
    bool get_int(const json& obj, const std::string& path, std::string_view key, std::int64_t& out,
                 bool required = true);
    bool get_number(const json& obj, const std::string& path, std::string_view key, double& out,
                    bool required = true);
    bool get_bool(const json& obj, const std::string& path, std::string_view key, bool& out, bool required = true);
    // An RFC 3339 instant such as "2027-01-12T19:30:00Z".
    bool get_instant(const json& obj, const std::string& path, std::string_view key, Instant& out, bool required = true);
    // Containers: nullptr when missing-but-required or of the wrong type.
    const json* get_array(const json& obj, const std::string& path, std::string_view key, bool required = true);
    const json* get_object(const json& obj, const std::string& path, std::string_view key, bool required = true);
    // Checks that `value` is an object, recording wrong_type otherwise.
    bool expect_object(const json& value, const std::string& path);
    // Calls f(item, item_path) for each object in the array `key`; other entries are recorded as problems.
    template <class F>
    void for_each_object(const json& obj, const std::string& path, std::string_view key, F&& f, bool required = true) {
        const json* list = get_array(obj, path, key, required);
        if (!list) return;
        const std::string list_path = path_join(path, key);
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string item_path = path_join(list_path, i);
            if (expect_object((*list)[i], item_path)) f((*list)[i], item_path);
        }
    }

private:
    Problems& problems_;
};

// "a string", "a number" ... for messages.
const char* json_type_phrase(const json& value);

}  // namespace encore::detail
