// Baskets, customers and priced baskets as JSON.
#include "encore/pricing_json.hpp"

#include "json_reader.hpp"

namespace encore {

using detail::json;
using detail::JsonReader;
using detail::path_join;

namespace {

std::optional<Instant> read_instant(JsonReader& r, const json& j, const std::string& p, std::string_view key) {
    std::string text;
    if (!r.get_string(j, p, key, text)) return std::nullopt;
    auto t = parse_instant(text);
    if (!t) r.problem(path_join(p, key), "invalid_value", "\"" + text + "\" is not a date and time such as 2027-01-12T19:30:00Z");
    return t;
}

std::optional<std::vector<std::pair<OfferId, int>>> counts(JsonReader& r, const json& obj, const std::string& p) {
    std::vector<std::pair<OfferId, int>> out;
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        if (!it.value().is_number_integer() || it.value().get<std::int64_t>() < 0 || it.value().get<std::int64_t>() > 1000000000) {
            r.problem(path_join(p, it.key()), "wrong_type", "a count of tickets (a whole number, 0 or more) is expected");
            continue;
        }
        out.emplace_back(OfferId{it.key()}, static_cast<int>(it.value().get<std::int64_t>()));
    }
    return out;
}

json counts_json(const std::vector<std::pair<OfferId, int>>& counts) {
    json out = json::object();
    for (const auto& [offer, n] : counts) out[offer.value] = n;
    return out;
}

}  // namespace

std::optional<Basket> basket_from_json(const json& doc, Problems& problems) {
    const std::size_t before = problems.size();
    JsonReader r(problems);
    Basket b;
    if (!r.expect_object(doc, "")) return std::nullopt;
    std::string channel;
    if (r.get_string(doc, "", "channel", channel, false) && !channel_from_name(channel, b.channel))
        r.problem("/channel", "invalid_value", "channel must be \"web\" or \"box_office\"");
    if (!r.get_array(doc, "", "lines")) return std::nullopt;
    r.for_each_object(doc, "", "lines", [&](const json& j, const std::string& p) {
        BasketLine line;
        std::string kind;
        if (!r.get_string(j, p, "kind", kind)) return;
        if (kind == "ticket") {
            line.kind = LineKind::ticket;
            r.get_id(j, p, "instance", line.instance.value);
            r.get_id(j, p, "seat", line.seat.value);
            r.get_id(j, p, "ticket_type", line.ticket_type.value);
            if (const json* redeem = r.get_object(j, p, "redeem", false)) {
                const std::string rp = path_join(p, "redeem");
                PassRedemption pr;
                std::int64_t basket_line = -1;
                if (redeem->contains("line")) {
                    if (r.get_int(*redeem, rp, "line", basket_line) && (basket_line < 0 || basket_line > 100000))
                        r.problem(path_join(rp, "line"), "out_of_range", "\"line\" must be the index of a line in this basket");
                    pr.basket_line = static_cast<int>(basket_line);
                } else {
                    r.get_id(*redeem, rp, "code", pr.code);
                }
                line.redeem = pr;
            }
        } else if (kind == "series") {
            line.kind = LineKind::series;
            r.get_id(j, p, "series", line.product.value);
            r.get_id(j, p, "group", line.group.value);
            r.get_id(j, p, "seat", line.seat.value);
            r.get_string(j, p, "ticket_type", line.ticket_type.value, false);
            r.get_string(j, p, "band", line.band.value, false);
            if (const json* list = r.get_array(j, p, "instances", false))
                for (std::size_t i = 0; i < list->size(); ++i) {
                    if ((*list)[i].is_string()) line.instances.push_back(InstanceId{(*list)[i].get<std::string>()});
                    else r.problem(path_join(path_join(p, "instances"), i), "wrong_type", "an instance id string is expected");
                }
        } else if (kind == "pass") {
            line.kind = LineKind::pass;
            r.get_id(j, p, "pass", line.product.value);
        } else if (kind == "membership") {
            line.kind = LineKind::membership;
            r.get_id(j, p, "membership", line.product.value);
        } else {
            r.problem(path_join(p, "kind"), "invalid_value", "a line's kind is ticket, series, pass or membership");
            return;
        }
        b.lines.push_back(std::move(line));
    }, false);
    if (problems.size() != before) return std::nullopt;
    return b;
}

json basket_to_json(const Basket& b) {
    json lines = json::array();
    for (const BasketLine& l : b.lines) {
        json j = {{"kind", line_kind_name(l.kind)}};
        switch (l.kind) {
            case LineKind::ticket:
                j["instance"] = l.instance.value;
                j["seat"] = l.seat.value;
                j["ticket_type"] = l.ticket_type.value;
                if (l.redeem) j["redeem"] = l.redeem->basket_line >= 0 ? json{{"line", l.redeem->basket_line}} : json{{"code", l.redeem->code}};
                break;
            case LineKind::series: {
                j["series"] = l.product.value;
                j["group"] = l.group.value;
                j["seat"] = l.seat.value;
                if (!l.ticket_type.empty()) j["ticket_type"] = l.ticket_type.value;
                if (!l.band.empty()) j["band"] = l.band.value;
                json instances = json::array();
                for (const InstanceId& i : l.instances) instances.push_back(i.value);
                if (!instances.empty()) j["instances"] = instances;
                break;
            }
            case LineKind::pass: j["pass"] = l.product.value; break;
            case LineKind::membership: j["membership"] = l.product.value; break;
        }
        lines.push_back(std::move(j));
    }
    return {{"channel", channel_name(b.channel)}, {"lines", lines}};
}

std::optional<Customer> customer_from_json(const json& doc, Problems& problems) {
    const std::size_t before = problems.size();
    JsonReader r(problems);
    Customer c;
    if (!r.expect_object(doc, "")) return std::nullopt;
    if (const json* tags = r.get_array(doc, "", "tags", false))
        for (std::size_t i = 0; i < tags->size(); ++i) {
            if ((*tags)[i].is_string()) c.tags.push_back((*tags)[i].get<std::string>());
            else r.problem(path_join(std::string("/tags"), i), "wrong_type", "a tag is a string");
        }
    r.for_each_object(doc, "", "memberships", [&](const json& j, const std::string& p) {
        OwnedMembership m;
        r.get_id(j, p, "membership", m.membership.value);
        if (auto t = read_instant(r, j, p, "starts")) m.starts = *t;
        if (auto t = read_instant(r, j, p, "ends")) m.ends = *t;
        c.memberships.push_back(m);
    }, false);
    r.for_each_object(doc, "", "passes", [&](const json& j, const std::string& p) {
        OwnedPass pass;
        r.get_id(j, p, "pass", pass.pass.value);
        r.get_id(j, p, "code", pass.code);
        if (auto t = read_instant(r, j, p, "expires_at")) pass.expires_at = *t;
        if (const json* list = r.get_array(j, p, "redeemed", false))
            for (std::size_t i = 0; i < list->size(); ++i) {
                if ((*list)[i].is_string()) pass.redeemed.push_back(InstanceId{(*list)[i].get<std::string>()});
                else r.problem(path_join(path_join(p, "redeemed"), i), "wrong_type", "an instance id string is expected");
            }
        c.passes.push_back(std::move(pass));
    }, false);
    r.for_each_object(doc, "", "subscriptions", [&](const json& j, const std::string& p) {
        OwnedSubscription s;
        r.get_id(j, p, "series", s.series.value);
        r.get_string(j, p, "group", s.group.value, false);
        c.subscriptions.push_back(s);
    }, false);
    if (const json* uses = r.get_object(doc, "", "offer_uses", false))
        if (auto list = counts(r, *uses, "/offer_uses")) c.offer_uses = *list;
    if (problems.size() != before) return std::nullopt;
    return c;
}

json customer_to_json(const Customer& c) {
    json memberships = json::array(), passes = json::array(), subscriptions = json::array();
    for (const OwnedMembership& m : c.memberships)
        memberships.push_back({{"membership", m.membership.value}, {"starts", format_instant(m.starts)}, {"ends", format_instant(m.ends)}});
    for (const OwnedPass& p : c.passes) {
        json redeemed = json::array();
        for (const InstanceId& i : p.redeemed) redeemed.push_back(i.value);
        passes.push_back({{"pass", p.pass.value}, {"code", p.code}, {"expires_at", format_instant(p.expires_at)}, {"redeemed", redeemed}});
    }
    for (const OwnedSubscription& s : c.subscriptions) subscriptions.push_back({{"series", s.series.value}, {"group", s.group.value}});
    return {{"tags", c.tags}, {"memberships", memberships}, {"passes", passes}, {"subscriptions", subscriptions},
            {"offer_uses", counts_json(c.offer_uses)}};
}

std::optional<OfferUsage> offer_usage_from_json(const json& doc, Problems& problems) {
    const std::size_t before = problems.size();
    JsonReader r(problems);
    if (!r.expect_object(doc, "")) return std::nullopt;
    OfferUsage usage;
    if (auto list = counts(r, doc, "")) usage.tickets = *list;
    if (problems.size() != before) return std::nullopt;
    return usage;
}

json offer_usage_to_json(const OfferUsage& usage) { return counts_json(usage.tickets); }

std::optional<OfferRemaining> offer_remaining_from_json(const json& doc, Problems& problems) {
    auto usage = offer_usage_from_json(doc, problems);
    if (!usage) return std::nullopt;
    return OfferRemaining{std::move(usage->tickets)};
}

json offer_remaining_to_json(const OfferRemaining& remaining) { return counts_json(remaining.tickets); }

json priced_basket_to_json(const PricedBasket& b) {
    auto money = [&](std::int64_t minor) { return format_money({minor, b.currency}); };
    if (!b.valid) {
        json problems = json::array();
        for (const LineProblem& p : b.problems) {
            json j = {{"code", p.code}, {"message", p.message}};
            j["line"] = p.line >= 0 ? json(p.line) : json(nullptr);
            problems.push_back(std::move(j));
        }
        return {{"status", "invalid"}, {"problems", problems}};
    }
    auto fees_json = [&](const std::vector<AppliedFee>& fees) {
        json out = json::array();
        for (const AppliedFee& f : fees) {
            json j = {{"fee", f.fee.value}, {"name", f.name}, {"amount", f.amount}, {"waived", f.waived}};
            if (f.waived) j["waived_by"] = f.waived_by;
            out.push_back(std::move(j));
        }
        return out;
    };
    json lines = json::array();
    for (const PricedLine& line : b.lines) {
        json items = json::array();
        for (const PricedItem& i : line.items) {
            json j = {{"base", i.base}, {"price", i.price}, {"price_text", money(i.price)}, {"explanation", i.explanation}};
            if (!i.instance.empty()) {
                j["instance"] = i.instance.value;
                j["seat"] = i.seat.value;
                j["band"] = i.band.value;
                j["ticket_type"] = i.ticket_type.value;
                j["price_list"] = i.price_list.value;
            }
            if (!i.product.empty()) j["product"] = i.product.value;
            if (!i.pricing_set.empty()) {
                j["pricing_set"] = i.pricing_set.value;
                j["pricing_column"] = i.pricing_column;
            }
            if (!i.pass.empty()) {
                j["pass"] = i.pass.value;
                j["pass_code"] = i.pass_code;
            }
            if (!i.offer.empty()) {
                j["offer"] = i.offer.value;
                j["offer_discount"] = i.offer_discount;
            }
            if (!i.fees.empty()) j["fees"] = fees_json(i.fees);
            items.push_back(std::move(j));
        }
        json l = {{"line", line.index}, {"kind", line_kind_name(line.kind)}, {"description", line.description},
                  {"items", items}, {"total", line.total}, {"total_text", money(line.total)}};
        if (line.series) {
            const SeriesLineSummary& s = *line.series;
            json series = {{"pricing_set", s.pricing_set.value}, {"column", s.column}, {"column_label", s.column_label},
                           {"events", s.events}};
            if (s.singles_total) {
                series["singles_total"] = *s.singles_total;
                series["saving"] = s.saving;
                series["saving_text"] = money(s.saving);
            }
            l["series"] = std::move(series);
        }
        lines.push_back(std::move(l));
    }
    return {{"status", "priced"},
            {"currency", b.currency.code},
            {"lines", lines},
            {"order_fees", fees_json(b.order_fees)},
            {"totals",
             {{"base", b.base_total}, {"discount", b.discount_total}, {"fees", b.fee_total}, {"total", b.total},
              {"total_text", money(b.total)}}}};
}

}  // namespace encore
