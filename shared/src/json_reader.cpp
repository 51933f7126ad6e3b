// Validating JSON reader: records problems with their JSON pointer paths.
#include "json_reader.hpp"

#include "encore/ids.hpp"

namespace encore::detail {

std::string path_join(const std::string& path, std::string_view key) {
    std::string out = path + "/";
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

std::string path_join(const std::string& path, std::size_t index) { return path + "/" + std::to_string(index); }

const char* json_type_phrase(const json& value) {
    switch (value.type()) {
        case json::value_t::null: return "null";
        case json::value_t::object: return "an object";
        case json::value_t::array: return "an array";
        case json::value_t::string: return "a string";
        case json::value_t::boolean: return "true/false";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned: return "a whole number";
        case json::value_t::number_float: return "a number with a fraction";
        default: return "an unreadable value";
    }
}

void JsonReader::problem(std::string path, std::string code, std::string message) {
    problems_.push_back({std::move(path), std::move(code), std::move(message)});
}

bool JsonReader::expect_object(const json& value, const std::string& path) {
    if (value.is_object()) return true;
    problem(path, "wrong_type", std::string("expected an object here, found ") + json_type_phrase(value));
    return false;
}

const json* JsonReader::member(const json& obj, const std::string& path, std::string_view key, bool required) {
    if (!obj.is_object()) return nullptr;
    auto it = obj.find(std::string(key));
    if (it == obj.end()) {
        if (required) problem(path_join(path, key), "missing_field", "the field \"" + std::string(key) + "\" is required");
        return nullptr;
    }
    return &*it;
}

namespace {
std::string wrong(std::string_view key, const char* wanted, const json& got) {
    return "\"" + std::string(key) + "\" must be " + wanted + ", not " + json_type_phrase(got);
}
}  // namespace

bool JsonReader::get_string(const json& obj, const std::string& path, std::string_view key, std::string& out,
                            bool required) {
    const json* v = member(obj, path, key, required);
    if (!v) return false;
    if (!v->is_string()) {
        problem(path_join(path, key), "wrong_type", wrong(key, "a string", *v));
        return false;
    }
    out = v->get<std::string>();
    return true;
}

bool JsonReader::get_id(const json& obj, const std::string& path, std::string_view key, std::string& out) {
    if (!get_string(obj, path, key, out)) return false;
    if (!is_valid_id(out)) {
        problem(path_join(path, key), "invalid_value",
                "\"" + std::string(key) + "\" must be 1 to 100 letters, digits, '-', '_' or '.'");
        return false;
    }
    return true;
}

bool JsonReader::get_int(const json& obj, const std::string& path, std::string_view key, std::int64_t& out,
                         bool required) {
    const json* v = member(obj, path, key, required);
    if (!v) return false;
    if (v->is_number_integer()) {
        out = v->get<std::int64_t>();
        return true;
    }
    if (v->is_number_unsigned()) {  // beyond int64: out of range
        problem(path_join(path, key), "out_of_range", "\"" + std::string(key) + "\" is too large");
        return false;
    }
    problem(path_join(path, key), "wrong_type", wrong(key, "a whole number", *v));
    return false;
}

bool JsonReader::get_number(const json& obj, const std::string& path, std::string_view key, double& out,
                            bool required) {
    const json* v = member(obj, path, key, required);
    if (!v) return false;
    if (!v->is_number()) {
        problem(path_join(path, key), "wrong_type", wrong(key, "a number", *v));
        return false;
    }
    out = v->get<double>();
    return true;
}

bool JsonReader::get_bool(const json& obj, const std::string& path, std::string_view key, bool& out, bool required) {
    const json* v = member(obj, path, key, required);
    if (!v) return false;
    if (!v->is_boolean()) {
        problem(path_join(path, key), "wrong_type", wrong(key, "true or false", *v));
        return false;
    }
    out = v->get<bool>();
    return true;
}

bool JsonReader::get_instant(const json& obj, const std::string& path, std::string_view key, Instant& out, bool required) {
    std::string text;
    if (!get_string(obj, path, key, text, required)) return false;
    const auto t = parse_instant(text);
    if (!t) {
        problem(path_join(path, key), "invalid_value", "\"" + text + "\" is not a date and time such as 2027-01-12T19:30:00Z");
        return false;
    }
    out = *t;
    return true;
}

const json* JsonReader::get_array(const json& obj, const std::string& path, std::string_view key, bool required) {
    const json* v = member(obj, path, key, required);
    if (!v) return nullptr;
    if (!v->is_array()) {
        problem(path_join(path, key), "wrong_type", wrong(key, "an array", *v));
        return nullptr;
    }
    return v;
}

const json* JsonReader::get_object(const json& obj, const std::string& path, std::string_view key, bool required) {
    const json* v = member(obj, path, key, required);
    if (!v) return nullptr;
    if (!v->is_object()) {
        problem(path_join(path, key), "wrong_type", wrong(key, "an object", *v));
        return nullptr;
    }
    return v;
}

}  // namespace encore::detail
