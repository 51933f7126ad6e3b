// Strict JSON decoding of hold requests: wrong types, unknown fields and oversized lists are refused.
#include "sales/hold_request.hpp"

#include <nlohmann/json.hpp>

#include "encore/json_limits.hpp"
#include "encore/pricing_json.hpp"
#include "encore/problems.hpp"
#include "store/random_text.hpp"

namespace encore::server {
namespace {

using nlohmann::json;

struct Refusal {
    FieldProblem problem;
};

[[noreturn]] void refuse(std::string field, std::string message) { throw Refusal{{std::move(field), std::move(message)}}; }

// "seats/3", "basket/lines/0/kind": a JSON pointer without its leading slash.
std::string join(const std::string& at, const std::string& key) { return at.empty() ? key : at + "/" + key; }

json parse_object(std::string_view body) {
    JsonText parsed = parse_json_text(body);
    if (parsed.failure == JsonText::Failure::too_deep)
        throw Refusal{{"", "The body nests arrays and objects more than " + std::to_string(max_json_depth) + " deep.", true, true}};
    if (parsed.failure == JsonText::Failure::malformed) throw Refusal{{"", "The body is not valid JSON.", true}};
    json doc = std::move(parsed.value);
    if (!doc.is_object()) refuse("", "The body must be a JSON object.");
    return doc;
}

void refuse_unknown_fields(const json& doc, const std::string& at, std::initializer_list<std::string_view> known) {
    for (const auto& [key, value] : doc.items()) {
        bool listed = false;
        for (std::string_view k : known) listed = listed || key == k;
        if (!listed) refuse(join(at, key), "\"" + join(at, key) + "\" is not a field of this request.");
    }
}

std::string id_at(const json& value, const std::string& field) {
    if (!value.is_string()) refuse(field, "\"" + field + "\" must be an id string.");
    const std::string text = value.get<std::string>();
    if (!is_valid_id(text))
        refuse(field, "\"" + field + "\" must be 1 to 100 letters, digits, '-', '_' or '.'.");
    return text;
}

std::optional<std::string> optional_id(const json& doc, const std::string& key) {
    if (!doc.contains(key)) return std::nullopt;
    return id_at(doc[key], key);
}

std::string required_id(const json& doc, const std::string& key, const std::string& missing) {
    if (!doc.contains(key)) refuse(key, missing);
    return id_at(doc[key], key);
}

const json& array_at(const json& doc, const std::string& key, std::size_t max, const std::string& what) {
    const json& list = doc[key];
    const std::string& field = key;
    if (!list.is_array()) refuse(field, "\"" + field + "\" must be an array of " + what + ".");
    if (list.empty()) refuse(field, "\"" + field + "\" must name at least one of " + what + ".");
    if (list.size() > max)
        refuse(field, "\"" + field + "\" names " + std::to_string(list.size()) + " " + what + "; at most " +
                          std::to_string(max) + " are allowed in one request.");
    return list;
}

Channel channel_at(const json& value, const std::string& field) {
    Channel channel = Channel::web;
    if (!value.is_string() || !channel_from_name(value.get<std::string>(), channel))
        refuse(field, "\"" + field + "\" must be \"web\" or \"box_office\".");
    return channel;
}

Basket basket_at(const json& doc, Channel channel) {
    const json& value = doc["basket"];
    if (!value.is_object()) refuse("basket", "\"basket\" must be an object {\"channel\", \"lines\"}.");
    if (value.contains("channel") && channel_at(value["channel"], "basket/channel") != channel)
        refuse("basket/channel", "\"basket/channel\" must be the channel of the hold request.");
    Problems problems;
    std::optional<Basket> basket = basket_from_json(value, problems);
    if (!basket || !problems.empty()) {
        const Problem first = problems.empty() ? Problem{"", "invalid_value", "the basket cannot be read"} : problems.front();
        refuse("basket" + first.path, "\"basket" + first.path + "\": " + first.message + ".");
    }
    basket->channel = channel;
    return *basket;
}

HoldRequest decode(const json& doc) {
    HoldRequest request;
    const bool series = doc.contains("series");
    if (series && doc.contains("instance"))
        refuse("instance", "A hold names either \"instance\" with \"seats\" or \"series\" with \"group\" and \"seat\", not both.");
    if (series) {
        refuse_unknown_fields(doc, "", {"series", "group", "seat", "instances", "band", "ticket_type", "hold", "basket", "channel"});
        SeriesChoice choice;
        choice.series.value = required_id(doc, "series", "A series hold needs \"series\".");
        choice.group.value = required_id(doc, "group", "A series hold needs \"group\", the subscription group.");
        choice.seat.value = required_id(doc, "seat", "A series hold needs \"seat\", the seat id to hold at every instance.");
        if (doc.contains("instances")) {
            const json& list = array_at(doc, "instances", 1000, "instance ids");
            for (std::size_t i = 0; i < list.size(); ++i)
                choice.instances.push_back(InstanceId{id_at(list[i], "instances/" + std::to_string(i))});
        }
        if (auto band = optional_id(doc, "band")) choice.band.value = *band;
        request.series = std::move(choice);
    } else {
        refuse_unknown_fields(doc, "", {"instance", "seats", "ticket_type", "hold", "basket", "channel"});
        request.instance.value =
            required_id(doc, "instance", "A hold needs \"instance\" with \"seats\", or \"series\" with \"group\" and \"seat\".");
        if (!doc.contains("seats")) refuse("seats", "A hold of an instance needs \"seats\", a list of seat ids.");
        const json& list = array_at(doc, "seats", max_seats_per_hold_request, "seat ids");
        for (std::size_t i = 0; i < list.size(); ++i)
            request.seats.push_back(SeatId{id_at(list[i], "seats/" + std::to_string(i))});
    }
    if (auto type = optional_id(doc, "ticket_type")) request.ticket_type.value = *type;
    if (doc.contains("hold")) {
        if (!doc["hold"].is_string()) refuse("hold", "\"hold\" must be the token of a hold, a string.");
        request.hold = doc["hold"].get<std::string>();
    }
    if (doc.contains("channel")) request.channel = channel_at(doc["channel"], "channel");
    request.basket.channel = request.channel;
    if (doc.contains("basket")) request.basket = basket_at(doc, request.channel);
    return request;
}

std::vector<SeatRef> decode_release(const json& doc) {
    refuse_unknown_fields(doc, "", {"seats"});
    if (!doc.contains("seats")) refuse("seats", "Name the seats to release in \"seats\": [{\"instance\", \"seat\"}].");
    const json& list = array_at(doc, "seats", 1000, "seats");
    std::vector<SeatRef> seats;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string at = "seats/" + std::to_string(i);
        const json& item = list[i];
        if (!item.is_object()) refuse(at, "\"" + at + "\" must be an object {\"instance\", \"seat\"}.");
        refuse_unknown_fields(item, at, {"instance", "seat"});
        if (!item.contains("instance")) refuse(at + "/instance", "\"" + at + "\" needs \"instance\".");
        if (!item.contains("seat")) refuse(at + "/seat", "\"" + at + "\" needs \"seat\".");
        seats.push_back({InstanceId{id_at(item["instance"], at + "/instance")}, SeatId{id_at(item["seat"], at + "/seat")}});
    }
    return seats;
}

}  // namespace

std::variant<HoldRequest, FieldProblem> decode_hold_request(std::string_view body) {
    try {
        return decode(parse_object(body));
    } catch (const Refusal& refusal) {
        return refusal.problem;
    }
}

std::variant<std::vector<SeatRef>, FieldProblem> decode_seat_release(std::string_view body) {
    try {
        return decode_release(parse_object(body));
    } catch (const Refusal& refusal) {
        return refusal.problem;
    }
}

bool is_hold_token(std::string_view text) { return is_random_hex(text, hold_token_bytes); }

}  // namespace encore::server
