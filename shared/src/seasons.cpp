// Season boundaries and status, a package's season, and the catalog rules of the renewal setup.
#include "encore/seasons.hpp"

#include <algorithm>

namespace encore {

const char* season_status_name(SeasonStatus s) {
    switch (s) {
        case SeasonStatus::upcoming: return "upcoming";
        case SeasonStatus::active: return "active";
        case SeasonStatus::ended: return "ended";
    }
    return "?";
}

Instant season_opens(const Season& season) {
    return {start_of_day(season.starts).unix_seconds - season.utc_offset_minutes * 60};
}

Instant season_closes(const Season& season) {
    return {start_of_day(season.ends).unix_seconds + 86400 - season.utc_offset_minutes * 60};
}

SeasonStatus season_status(const Season& season, Instant now) {
    if (now < season_opens(season)) return SeasonStatus::upcoming;
    return now < season_closes(season) ? SeasonStatus::active : SeasonStatus::ended;
}

const Season* series_season(const Catalog& catalog, const FixedSeries& series) {
    if (!series.season.empty()) return catalog.find_season(series.season);
    const Season* latest = nullptr;
    for (const EventId& e : series.events)
        if (const Event* event = catalog.find_event(e))
            if (const Season* s = catalog.find_season(event->season); s && (!latest || season_closes(*latest) < season_closes(*s)))
                latest = s;
    return latest;
}

std::optional<Instant> first_performance(const Catalog& catalog, const FixedSeries& series) {
    std::optional<Instant> first;
    for (const SeriesGroup& g : series.groups)
        for (const InstanceId& id : g.instances)
            if (const Instance* i = catalog.find_instance(id); i && (!first || i->starts_at < *first)) first = i->starts_at;
    return first;
}

namespace {

std::string at(std::size_t index, const std::string& tail = "") {
    return "/fixed_series/" + std::to_string(index) + tail;
}

std::string season_words(const Season& s) {
    return "the season " + s.id.value + " (" + format_date(s.starts) + " to " + format_date(s.ends) + ")";
}

void check_series(const Catalog& c, std::size_t index, Problems& out) {
    const FixedSeries& s = c.fixed_series[index];
    const Season* season = series_season(c, s);
    if (s.shell) {
        if (s.season.empty()) out.push_back({at(index, "/season"), "missing_field", "a shell package needs a season"});
        if (s.lineage.empty()) out.push_back({at(index, "/lineage"), "missing_field", "a shell package needs a lineage: it names the package its subscribers roll into"});
        if (!s.events.empty()) out.push_back({at(index, "/events"), "invalid_value", "a shell package has no events"});
        if (!s.groups.empty()) out.push_back({at(index, "/groups"), "invalid_value", "a shell package has no groups; subscribers take the groups of the package they roll into"});
        if (s.renewal) out.push_back({at(index, "/renewal"), "invalid_value", "nothing renews into a shell package; set renewal dates on the package its subscribers roll into"});
        return;
    }
    if (!s.season.empty() && season) {
        for (std::size_t g = 0; g < s.groups.size(); ++g)
            for (std::size_t k = 0; k < s.groups[g].instances.size(); ++k) {
                const Instance* i = c.find_instance(s.groups[g].instances[k]);
                if (i && (i->starts_at < season_opens(*season) || !(i->starts_at < season_closes(*season))))
                    out.push_back({at(index, "/groups/" + std::to_string(g) + "/instances/" + std::to_string(k)), "out_of_range",
                                   "performance " + i->id.value + " on " + i->local_start() + " is outside " + season_words(*season)});
            }
    }
    if (!s.renewal) return;
    const RenewalDates& r = *s.renewal;
    if (s.lineage.empty())
        out.push_back({at(index, "/lineage"), "missing_field", "a package with renewal dates needs a lineage: it names the package subscribers renew from"});
    struct Order { Instant earlier, later; const char* key; const char* rule; bool strict; };
    const Order orders[] = {
        {r.starts, r.ends, "ends", "renewal ends must be after renewal starts", true},
        {r.starts, r.auto_renew_starts, "auto_renew_starts", "auto-renew cannot start before renewal starts", false},
        {r.auto_renew_starts, r.ends, "auto_renew_starts", "auto-renew must start before renewal ends", true},
        {r.ends, r.lapsed_ends, "lapsed_ends", "lapsed end cannot be before renewal ends", false},
        {r.lapsed_ends, r.locks, "locks", "the lock date cannot be before lapsed end", false},
    };
    for (const Order& o : orders)
        if (o.strict ? !(o.earlier < o.later) : o.later < o.earlier)
            out.push_back({at(index, std::string("/renewal/") + o.key), "out_of_range", o.rule});
    if (auto first = first_performance(c, s); first && *first < r.locks)
        out.push_back({at(index, "/renewal/locks"), "out_of_range",
                       "the lock date must not be after the package's first performance (" + describe_utc_time(*first) +
                           "): released seats must be on sale before it"});
}

}  // namespace

Problems check_renewal_setup(const Catalog& c) {
    Problems out;
    for (std::size_t i = 0; i < c.fixed_series.size(); ++i) check_series(c, i, out);
    for (std::size_t i = 0; i < c.flex_passes.size(); ++i)
        if (const ProductId& into = c.flex_passes[i].renews_into; !into.empty() && !c.find_pass(into))
            out.push_back({"/flex_passes/" + std::to_string(i) + "/renews_into", "invalid_value",
                           "a pass renews into a pass; \"" + into.value + "\" is not one"});
    for (std::size_t i = 0; i < c.memberships.size(); ++i)
        if (const ProductId& into = c.memberships[i].renews_into; !into.empty() && !c.find_membership(into))
            out.push_back({"/memberships/" + std::to_string(i) + "/renews_into", "invalid_value",
                           "a membership renews into a membership; \"" + into.value + "\" is not one"});
    return out;
}

}  // namespace encore
