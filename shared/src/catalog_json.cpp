// Loading the catalog from JSON with full validation (every problem, with its path), and writing it back.
#include "encore/catalog_json.hpp"

#include <algorithm>
#include <unordered_map>

#include "encore/json_limits.hpp"
#include "encore/seasons.hpp"
#include "json_reader.hpp"
#include "products_json.hpp"

namespace encore {

using detail::json;
using detail::JsonReader;
using detail::path_join;

namespace {

bool is_hex_color(const std::string& s) {
    if (s.size() != 7 || s[0] != '#') return false;
    return std::all_of(s.begin() + 1, s.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    });
}

// Tracks the ids of one list and reports duplicates.
class IdSet {
public:
    IdSet(JsonReader& reader, std::string what) : reader_(reader), what_(std::move(what)) {}
    bool add(const std::string& id, const std::string& path) {
        auto [it, inserted] = first_seen_.emplace(id, path);
        if (!inserted)
            reader_.problem(path, "duplicate_id",
                            what_ + " id \"" + id + "\" is used twice (first at " + it->second + ")");
        return inserted;
    }
    bool contains(const std::string& id) const { return first_seen_.count(id) != 0; }

private:
    JsonReader& reader_;
    std::string what_;
    std::unordered_map<std::string, std::string> first_seen_;
};

class CatalogLoader {
public:
    explicit CatalogLoader(Problems& problems) : r_(problems) {}

    void load(const json& doc, Catalog& c) {
        if (!r_.expect_object(doc, "")) return;
        std::int64_t format = 0;
        if (r_.get_int(doc, "", "format", format) && format != catalog_format_version)
            r_.problem("/format", "invalid_value",
                       "this catalog is format " + std::to_string(format) + "; Encore reads format " +
                           std::to_string(catalog_format_version));
        std::string currency;
        if (r_.get_string(doc, "", "currency", currency) && !currency_from_code(currency, c.currency))
            r_.problem("/currency", "invalid_value",
                       "currency \"" + currency + "\" is not a three-letter ISO 4217 code such as GBP");
        c.currency.code = c.currency.code.empty() ? "GBP" : c.currency.code;

        each(doc, "", "price_bands", [&](const json& j, const std::string& p) { c.price_bands.push_back(band(j, p)); });
        each(doc, "", "ticket_types",
             [&](const json& j, const std::string& p) { c.ticket_types.push_back(ticket_type(j, p)); });
        each(doc, "", "venues", [&](const json& j, const std::string& p) { c.venues.push_back(venue(j, p)); });
        each(doc, "", "seasons", [&](const json& j, const std::string& p) { c.seasons.push_back(season(j, p)); });
        each(doc, "", "price_lists",
             [&](const json& j, const std::string& p) { c.price_lists.push_back(price_list(j, p)); });
        each(doc, "", "events", [&](const json& j, const std::string& p) { c.events.push_back(event(j, p)); });
        each(doc, "", "instances", [&](const json& j, const std::string& p) {
            Instance i = instance(j, p, c);
            c.instances.push_back(std::move(i));
        });
        std::stable_sort(c.instances.begin(), c.instances.end(), [](const Instance& a, const Instance& b) {
            if (a.starts_at.unix_seconds != b.starts_at.unix_seconds) return a.starts_at < b.starts_at;
            return a.id.value < b.id.value;
        });
    }

private:
    template <class F>
    void each(const json& obj, const std::string& path, std::string_view key, F&& f, bool required = true) {
        r_.for_each_object(obj, path, key, std::forward<F>(f), required);
    }

    void reference(const IdSet& set, const std::string& id, const std::string& path, const std::string& what,
                   const std::string& list) {
        if (!id.empty() && !set.contains(id))
            r_.problem(path, "unknown_reference", "names " + what + " \"" + id + "\", which is not in " + list);
    }

    PriceBand band(const json& j, const std::string& p) {
        PriceBand b;
        if (r_.get_id(j, p, "id", b.id.value)) bands_.add(b.id.value, path_join(p, "id"));
        r_.get_string(j, p, "name", b.name);
        if (r_.get_string(j, p, "color", b.color) && !is_hex_color(b.color))
            r_.problem(path_join(p, "color"), "invalid_value",
                       "colour \"" + b.color + "\" must be written #rrggbb, e.g. #b03a48");
        return b;
    }

    TicketType ticket_type(const json& j, const std::string& p) {
        TicketType t;
        if (r_.get_id(j, p, "id", t.id.value)) ticket_types_.add(t.id.value, path_join(p, "id"));
        r_.get_string(j, p, "name", t.name);
        return t;
    }

    PlanPoint point(const json& j, const std::string& p) {
        PlanPoint pt;
        r_.get_number(j, p, "x", pt.x);
        r_.get_number(j, p, "y", pt.y);
        return pt;
    }

    Venue venue(const json& j, const std::string& p) {
        Venue v;
        if (r_.get_id(j, p, "id", v.id.value)) venues_.add(v.id.value, path_join(p, "id"));
        r_.get_string(j, p, "name", v.name);
        const json* plan = r_.get_object(j, p, "plan");
        if (!plan) return v;
        const std::string pp = path_join(p, "plan");
        SeatingPlan& sp = v.plan;
        for (auto [key, field] : {std::pair{"width", &sp.width}, std::pair{"height", &sp.height}})
            if (r_.get_number(*plan, pp, key, *field) && !(*field > 0))
                r_.problem(path_join(pp, key), "out_of_range", std::string("plan ") + key + " must be positive");
        if (const json* stage = r_.get_object(*plan, pp, "stage")) {
            const std::string sp_path = path_join(pp, "stage");
            r_.get_number(*stage, sp_path, "x", sp.stage.x);
            r_.get_number(*stage, sp_path, "y", sp.stage.y);
            r_.get_number(*stage, sp_path, "width", sp.stage.width);
            r_.get_number(*stage, sp_path, "height", sp.stage.height);
        }
        IdSet seat_ids(r_, "seat");
        IdSet section_ids(r_, "section");
        each(*plan, pp, "sections", [&](const json& sj, const std::string& sp_path) {
            Section s;
            if (r_.get_id(sj, sp_path, "id", s.id.value)) section_ids.add(s.id.value, path_join(sp_path, "id"));
            r_.get_string(sj, sp_path, "name", s.name);
            std::int64_t level = 0;
            if (r_.get_int(sj, sp_path, "level", level)) {
                if (level < 0 || level > 20)
                    r_.problem(path_join(sp_path, "level"), "out_of_range", "level must be between 0 and 20");
                s.level = static_cast<int>(level);
            }
            if (const json* at = r_.get_object(sj, sp_path, "label_at", false))
                s.label_at = point(*at, path_join(sp_path, "label_at"));
            const auto section_index = static_cast<std::uint32_t>(sp.sections.size());
            sp.sections.push_back(s);
            each(sj, sp_path, "rows", [&](const json& rj, const std::string& rp) {
                std::string row_name;
                r_.get_string(rj, rp, "name", row_name);
                each(rj, rp, "seats", [&](const json& seat_json, const std::string& seat_path) {
                    Seat seat = this->seat(seat_json, seat_path, seat_ids);
                    seat.section = section_index;
                    seat.row = row_name;
                    sp.seats.push_back(std::move(seat));
                });
            });
        });
        return v;
    }

    Seat seat(const json& j, const std::string& p, IdSet& seat_ids) {
        Seat s;
        if (r_.get_id(j, p, "id", s.id.value)) seat_ids.add(s.id.value, path_join(p, "id"));
        r_.get_string(j, p, "number", s.number);
        r_.get_number(j, p, "x", s.at.x);
        r_.get_number(j, p, "y", s.at.y);
        if (r_.get_id(j, p, "band", s.band.value))
            reference(bands_, s.band.value, path_join(p, "band"), "price band", "price_bands");
        if (const json* attrs = r_.get_array(j, p, "attributes", false)) {
            for (std::size_t i = 0; i < attrs->size(); ++i) {
                const std::string ap = path_join(path_join(p, "attributes"), i);
                const json& a = (*attrs)[i];
                bool known = false;
                if (a.is_string())
                    for (std::size_t bit = 0; bit < seat_attribute_names.size(); ++bit)
                        if (a.get<std::string>() == seat_attribute_names[bit]) {
                            s.attributes |= static_cast<std::uint8_t>(1u << bit);
                            known = true;
                        }
                if (!known)
                    r_.problem(ap, "invalid_value",
                               "seat attribute must be one of wheelchair, companion, restricted_view, aisle");
            }
        }
        return s;
    }

    Date date(const json& j, const std::string& p, std::string_view key) {
        std::string text;
        if (!r_.get_string(j, p, key, text)) return {};
        auto d = parse_date(text);
        if (!d) {
            r_.problem(path_join(p, key), "invalid_value",
                       "\"" + text + "\" is not a real date written YYYY-MM-DD");
            return {};
        }
        return *d;
    }

    Season season(const json& j, const std::string& p) {
        Season s;
        if (r_.get_id(j, p, "id", s.id.value)) seasons_.add(s.id.value, path_join(p, "id"));
        r_.get_string(j, p, "name", s.name);
        s.starts = date(j, p, "starts");
        s.ends = date(j, p, "ends");
        if (days_from_civil(s.ends) < days_from_civil(s.starts))
            r_.problem(path_join(p, "ends"), "out_of_range", "a season must end on or after the day it starts");
        if (std::string offset; r_.get_string(j, p, "utc_offset", offset, false)) {
            if (auto minutes = parse_utc_offset(offset)) s.utc_offset_minutes = *minutes;
            else r_.problem(path_join(p, "utc_offset"), "invalid_value", "\"" + offset + "\" is not a UTC offset such as +01:00");
        }
        return s;
    }

    PriceList price_list(const json& j, const std::string& p) {
        PriceList l;
        if (r_.get_id(j, p, "id", l.id.value)) price_lists_.add(l.id.value, path_join(p, "id"));
        r_.get_string(j, p, "name", l.name);
        std::string kind;
        if (r_.get_string(j, p, "kind", kind)) {
            if (kind == "standard") l.kind = PriceListKind::standard;
            else if (kind == "series") l.kind = PriceListKind::series;
            else r_.problem(path_join(p, "kind"), "invalid_value", "kind must be \"standard\" or \"series\"");
        }
        IdSet pairs(r_, "price for band x ticket type");
        each(j, p, "prices", [&](const json& pj, const std::string& pp) {
            Price price;
            if (r_.get_id(pj, pp, "band", price.band.value))
                reference(bands_, price.band.value, path_join(pp, "band"), "price band", "price_bands");
            if (r_.get_id(pj, pp, "ticket_type", price.ticket_type.value))
                reference(ticket_types_, price.ticket_type.value, path_join(pp, "ticket_type"), "ticket type",
                          "ticket_types");
            if (r_.get_int(pj, pp, "amount", price.amount) && price.amount < 0)
                r_.problem(path_join(pp, "amount"), "out_of_range",
                           "a price cannot be negative (" + std::to_string(price.amount) + ")");
            pairs.add(price.band.value + " x " + price.ticket_type.value, pp);
            l.prices.push_back(price);
        });
        return l;
    }

    Event event(const json& j, const std::string& p) {
        Event e;
        if (r_.get_id(j, p, "id", e.id.value)) events_.add(e.id.value, path_join(p, "id"));
        r_.get_string(j, p, "name", e.name);
        r_.get_string(j, p, "description", e.description, false);
        if (r_.get_id(j, p, "season", e.season.value))
            reference(seasons_, e.season.value, path_join(p, "season"), "season", "seasons");
        if (r_.get_id(j, p, "venue", e.venue.value))
            reference(venues_, e.venue.value, path_join(p, "venue"), "venue", "venues");
        if (r_.get_id(j, p, "price_list", e.price_list.value))
            reference(price_lists_, e.price_list.value, path_join(p, "price_list"), "price list", "price_lists");
        event_defaults_[e.id.value] = {e.venue, e.price_list};
        return e;
    }

    std::optional<Instant> instant(const json& j, const std::string& p, std::string_view key, bool required,
                                   int* offset_minutes = nullptr) {
        std::string text;
        if (!r_.get_string(j, p, key, text, required)) return std::nullopt;
        auto t = parse_instant(text, offset_minutes);
        if (!t)
            r_.problem(path_join(p, key), "invalid_value",
                       "\"" + text + "\" is not a date and time such as 2027-01-12T19:30:00Z");
        return t;
    }

    Instance instance(const json& j, const std::string& p, const Catalog&) {
        Instance i;
        if (r_.get_id(j, p, "id", i.id.value)) instances_.add(i.id.value, path_join(p, "id"));
        if (r_.get_id(j, p, "event", i.event.value))
            reference(events_, i.event.value, path_join(p, "event"), "event", "events");
        if (auto t = instant(j, p, "starts_at", true, &i.utc_offset_minutes)) i.starts_at = *t;
        auto defaults = event_defaults_.find(i.event.value);
        if (defaults != event_defaults_.end()) {
            i.venue = defaults->second.first;
            i.price_list = defaults->second.second;
        }
        std::string venue, list;
        if (r_.get_string(j, p, "venue", venue, false)) {
            i.venue.value = venue;
            reference(venues_, venue, path_join(p, "venue"), "venue", "venues");
        }
        if (r_.get_string(j, p, "price_list", list, false)) {
            i.price_list.value = list;
            reference(price_lists_, list, path_join(p, "price_list"), "price list", "price_lists");
        }
        if (const json* on_sale = r_.get_object(j, p, "on_sale")) {
            const std::string op = path_join(p, "on_sale");
            for (auto it = on_sale->begin(); it != on_sale->end(); ++it) {
                Channel c;
                if (!channel_from_name(it.key(), c)) {
                    r_.problem(path_join(op, it.key()), "invalid_value",
                               "unknown sales channel \"" + it.key() + "\" (use web or box_office)");
                    continue;
                }
                i.on_sale[static_cast<int>(c)] = instant(*on_sale, op, it.key(), true);
            }
        }
        return i;
    }

    JsonReader r_;
    IdSet bands_{r_, "price band"}, ticket_types_{r_, "ticket type"}, venues_{r_, "venue"}, seasons_{r_, "season"},
        price_lists_{r_, "price list"}, events_{r_, "event"}, instances_{r_, "instance"};
    std::unordered_map<std::string, std::pair<VenueId, PriceListId>> event_defaults_;
};

}  // namespace

CatalogLoad load_catalog(const json& doc) {
    CatalogLoad result;
    Catalog catalog;
    CatalogLoader(result.problems).load(doc, catalog);
    if (doc.is_object()) {
        JsonReader reader(result.problems);
        detail::load_products(doc, catalog, reader);
    }
    if (result.problems.empty()) {
        catalog.reindex();
        result.problems = check_renewal_setup(catalog);
        if (result.problems.empty()) result.catalog = std::move(catalog);
    }
    return result;
}

CatalogLoad load_catalog(std::string_view json_text) {
    JsonText parsed = parse_json_text(json_text);
    if (parsed.failure == JsonText::Failure::too_deep) {
        CatalogLoad result;
        result.problems.push_back({"", "json_too_deep",
                                   "the catalog nests arrays and objects more than " + std::to_string(max_json_depth) +
                                       " deep (at byte " + std::to_string(parsed.at) + ")"});
        return result;
    }
    if (parsed.failure == JsonText::Failure::malformed) {
        CatalogLoad result;
        result.problems.push_back(
            {"", "malformed_json", "the catalog is not valid JSON (at byte " + std::to_string(parsed.at) + ")"});
        return result;
    }
    return load_catalog(parsed.value);
}

json catalog_to_json(const Catalog& c) {
    json out = {{"format", catalog_format_version}, {"currency", c.currency.code}};
    json bands = json::array();
    for (const PriceBand& b : c.price_bands) bands.push_back({{"id", b.id.value}, {"name", b.name}, {"color", b.color}});
    out["price_bands"] = bands;
    json types = json::array();
    for (const TicketType& t : c.ticket_types) types.push_back({{"id", t.id.value}, {"name", t.name}});
    out["ticket_types"] = types;
    json venues = json::array();
    for (const Venue& v : c.venues) {
        const SeatingPlan& plan = v.plan;
        json sections = json::array();
        for (std::size_t s = 0; s < plan.sections.size(); ++s) {
            const Section& sec = plan.sections[s];
            json rows = json::array();
            for (const Seat& seat : plan.seats) {
                if (seat.section != s) continue;
                if (rows.empty() || rows.back()["name"] != seat.row) rows.push_back({{"name", seat.row}, {"seats", json::array()}});
                json sj = {{"id", seat.id.value}, {"number", seat.number}, {"x", seat.at.x}, {"y", seat.at.y},
                           {"band", seat.band.value}};
                if (seat.attributes) {
                    json attrs = json::array();
                    for (std::size_t bit = 0; bit < seat_attribute_names.size(); ++bit)
                        if (seat.attributes & (1u << bit)) attrs.push_back(seat_attribute_names[bit]);
                    sj["attributes"] = attrs;
                }
                rows.back()["seats"].push_back(std::move(sj));
            }
            sections.push_back({{"id", sec.id.value}, {"name", sec.name}, {"level", sec.level},
                                {"label_at", {{"x", sec.label_at.x}, {"y", sec.label_at.y}}}, {"rows", rows}});
        }
        venues.push_back({{"id", v.id.value},
                          {"name", v.name},
                          {"plan",
                           {{"width", plan.width},
                            {"height", plan.height},
                            {"stage",
                             {{"x", plan.stage.x}, {"y", plan.stage.y}, {"width", plan.stage.width},
                              {"height", plan.stage.height}}},
                            {"sections", sections}}}});
    }
    out["venues"] = venues;
    json seasons = json::array();
    for (const Season& s : c.seasons) {
        seasons.push_back({{"id", s.id.value}, {"name", s.name}, {"starts", format_date(s.starts)}, {"ends", format_date(s.ends)}});
        if (s.utc_offset_minutes != 0) seasons.back()["utc_offset"] = format_utc_offset(s.utc_offset_minutes);
    }
    out["seasons"] = seasons;
    json lists = json::array();
    for (const PriceList& l : c.price_lists) {
        json prices = json::array();
        for (const Price& p : l.prices)
            prices.push_back({{"band", p.band.value}, {"ticket_type", p.ticket_type.value}, {"amount", p.amount}});
        lists.push_back({{"id", l.id.value}, {"name", l.name},
                         {"kind", l.kind == PriceListKind::series ? "series" : "standard"}, {"prices", prices}});
    }
    out["price_lists"] = lists;
    json events = json::array();
    for (const Event& e : c.events)
        events.push_back({{"id", e.id.value}, {"name", e.name}, {"description", e.description}, {"season", e.season.value},
                          {"venue", e.venue.value}, {"price_list", e.price_list.value}});
    out["events"] = events;
    json instances = json::array();
    for (const Instance& i : c.instances) {
        json on_sale = json::object();
        for (Channel ch : all_channels)
            if (auto t = i.on_sale_at(ch)) on_sale[channel_name(ch)] = format_instant(*t);
        instances.push_back({{"id", i.id.value}, {"event", i.event.value}, {"starts_at", format_instant(i.starts_at, i.utc_offset_minutes)},
                             {"venue", i.venue.value}, {"price_list", i.price_list.value}, {"on_sale", on_sale}});
    }
    out["instances"] = instances;
    detail::products_to_json(c, out);
    return out;
}

}  // namespace encore
