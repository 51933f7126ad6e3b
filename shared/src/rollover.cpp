// Rollover: which packages roll into which, group and seat mapping onto a new plan.
#include "encore/rollover.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "encore/seasons.hpp"
#include "encore/series_seats.hpp"

namespace encore {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// (ISO weekday, evening?) of each performance in local time; evening from 17:00.
std::set<std::pair<int, bool>> weekday_signature(const Catalog& c, const SeriesGroup& g) {
    std::set<std::pair<int, bool>> out;
    for (const InstanceId& id : g.instances)
        if (const Instance* i = c.find_instance(id)) {
            const Instant local{i->starts_at.unix_seconds + i->utc_offset_minutes * 60};
            const Date d = utc_date(local);
            out.insert({iso_weekday(d), local.unix_seconds - start_of_day(d).unix_seconds >= 17 * 3600});
        }
    return out;
}

constexpr std::uint8_t needs_mask = seat_wheelchair | seat_companion;

std::string needs_words(std::uint8_t needs) {
    if (needs & seat_wheelchair) return "a wheelchair space";
    if (needs & seat_companion) return "a companion seat";
    return "an ordinary seat";
}

std::string seat_key(const SeatingPlan& plan, const Seat& s) {
    return lower(plan.sections[s.section].name) + '\x1f' + s.row + '\x1f' + s.number;
}

// A group of the new package, ready for mapping: its venues, seats by section/row/number, its performances.
struct Target {
    const SeriesGroup* group = nullptr;
    std::vector<const Venue*> venues;
    std::unordered_map<std::string, std::uint32_t> by_key;  // in the first venue, for seats present in all
    std::vector<std::uint32_t> accessible;                  // wheelchair and companion seats present in all

    Target(const Catalog& c, const SeriesGroup& g) : group(&g), venues(group_venues(c, g)) {
        if (venues.empty()) return;
        const SeatingPlan& plan = venues.front()->plan;
        for (std::uint32_t i = 0; i < plan.seats.size(); ++i) {
            if (!seat_in_venues(venues, plan.seats[i].id)) continue;
            by_key.emplace(seat_key(plan, plan.seats[i]), i);
            if (plan.seats[i].attributes & needs_mask) accessible.push_back(i);
        }
    }
    const SeatingPlan& plan() const { return venues.front()->plan; }
};

class Mapper {
public:
    Mapper(const Catalog& c, const FixedSeries& from, const FixedSeries& to, const SeatQuery& taken)
        : c_(c), from_(from), to_(to), taken_(taken) {}

    // The Rollover row for one subscriber; issues for what did not map.
    HistoryRow roll(std::size_t index, const SubscriberState& st, Instant now, std::vector<RolloverIssue>& issues) {
        HistoryRow row;
        row.action = HistoryAction::rollover;
        row.at = std::max(now, st.last_at);
        row.status = SubscriberStatus::pending;
        row.package = to_.id;
        const SeriesGroup* old_group = from_.find_group(st.group);
        const GroupMatch match = old_group ? map_group(c_, *old_group, to_) : GroupMatch{nullptr, "the old group is gone"};
        if (!match.group || group_venues(c_, *old_group).empty()) {
            issues.push_back({index, {}, "group_not_mapped",
                              (old_group ? old_group->name : st.group.value) + " has no group in " + to_.name + ": " + match.rule});
            return row;
        }
        row.group = match.group->id;
        Target& target = target_for(*match.group);
        const SeatingPlan& old_plan = group_venues(c_, *old_group).front()->plan;
        std::vector<SeatChange> seats = st.seats;
        std::stable_sort(seats.begin(), seats.end(), [&](const SeatChange& a, const SeatChange& b) { return rank(old_plan, a) < rank(old_plan, b); });
        std::optional<PlanPoint> wheelchair_at;
        for (const SeatChange& s : seats) {
            const auto old_index = old_plan.seat_index(s.seat);
            if (!old_index) {
                issues.push_back({index, s.seat, "seat_not_in_new_plan", "seat " + s.seat.value + " is not in the old plan"});
                continue;
            }
            const Seat& old_seat = old_plan.seats[*old_index];
            std::string why;
            const auto mapped = map_seat(target, old_plan, old_seat, wheelchair_at, why);
            if (!mapped) {
                issues.push_back({index, s.seat, why.substr(0, why.find(':')), why.substr(why.find(':') + 2)});
                continue;
            }
            const Seat& seat = target.plan().seats[*mapped];
            if (seat.has(seat_wheelchair)) wheelchair_at = seat.at;
            claim(target, seat.id);
            row.seats.push_back({target.group->id, seat.id, SeatStatus::reserved});
        }
        return row;
    }

private:
    static int rank(const SeatingPlan& plan, const SeatChange& s) {
        const auto i = plan.seat_index(s.seat);
        if (!i) return 3;
        return plan.seats[*i].has(seat_wheelchair) ? 0 : plan.seats[*i].has(seat_companion) ? 1 : 2;
    }

    Target& target_for(const SeriesGroup& g) {
        auto it = targets_.find(g.id.value);
        if (it == targets_.end()) it = targets_.emplace(g.id.value, Target(c_, g)).first;
        return it->second;
    }

    std::string claim_key(const InstanceId& instance, const SeatId& seat) const { return instance.value + '\x1f' + seat.value; }

    bool is_free(const Target& t, const SeatId& seat) const {
        if (taken_ && taken_(t.group->id, seat)) return false;
        return std::none_of(t.group->instances.begin(), t.group->instances.end(),
                            [&](const InstanceId& i) { return claimed_.count(claim_key(i, seat)) != 0; });
    }

    void claim(const Target& t, const SeatId& seat) {
        for (const InstanceId& i : t.group->instances) claimed_.insert(claim_key(i, seat));
    }

    // The new seat for an old one, or nullopt with "code: sentence" in `why`.
    std::optional<std::uint32_t> map_seat(const Target& t, const SeatingPlan& old_plan, const Seat& old_seat,
                                          const std::optional<PlanPoint>& wheelchair_at, std::string& why) {
        const std::uint8_t needs = old_seat.attributes & needs_mask;
        const std::string name = old_plan.seat_name(static_cast<std::uint32_t>(&old_seat - old_plan.seats.data()));
        const auto direct = t.by_key.find(seat_key(old_plan, old_seat));
        const Seat* same = direct == t.by_key.end() ? nullptr : &t.plan().seats[direct->second];
        if (same && (same->attributes & needs_mask) == needs && is_free(t, same->id)) return direct->second;
        if (needs) {
            const PlanPoint anchor = (needs & seat_companion) && wheelchair_at ? *wheelchair_at : same ? same->at : old_seat.at;
            const std::string& section = old_plan.sections[old_seat.section].name;
            std::optional<std::uint32_t> best;
            std::pair<int, double> best_score{2, 0};
            for (std::uint32_t i : t.accessible) {
                const Seat& s = t.plan().seats[i];
                if ((s.attributes & needs_mask) != needs || !is_free(t, s.id)) continue;
                const std::pair<int, double> score{lower(t.plan().sections[s.section].name) == lower(section) ? 0 : 1,
                                                   std::hypot(s.at.x - anchor.x, s.at.y - anchor.y)};
                if (!best || score < best_score) best = i, best_score = score;
            }
            if (best) return best;
            why = "no_accessible_seat: " + name + " is " + needs_words(needs) + " and no such seat is free in " + t.group->name;
            return std::nullopt;
        }
        if (!same) why = "seat_not_in_new_plan: " + name + " does not exist in the plan of " + t.group->name;
        else if ((same->attributes & needs_mask) != needs)
            why = "seat_needs_differ: " + name + " is " + needs_words(same->attributes & needs_mask) + " in the plan of " + t.group->name;
        else why = "seat_taken: " + name + " is not free at every performance of " + t.group->name;
        return std::nullopt;
    }

    const Catalog& c_;
    const FixedSeries& from_;
    const FixedSeries& to_;
    const SeatQuery& taken_;
    std::unordered_map<std::string, Target> targets_;
    std::unordered_set<std::string> claimed_;
};

}  // namespace

std::vector<RolloverPair> due_rollovers(const Catalog& c, Instant now) {
    std::vector<RolloverPair> out;
    for (const FixedSeries& from : c.fixed_series) {
        const Season* season = series_season(c, from);
        if (from.shell || from.lineage.empty() || !season || season_status(*season, now) != SeasonStatus::active) continue;
        const FixedSeries* best = nullptr;
        Instant best_opens;
        for (const FixedSeries& to : c.fixed_series) {
            const Season* next = series_season(c, to);
            if (&to == &from || to.shell || to.lineage != from.lineage || !to.renewal || !next ||
                season_status(*next, now) != SeasonStatus::upcoming)
                continue;
            const Instant opens = season_opens(*next);
            if (!best || opens < best_opens || (opens == best_opens && to.id < best->id)) best = &to, best_opens = opens;
        }
        if (best) out.push_back({from.id, best->id});
    }
    return out;
}

GroupMatch map_group(const Catalog& c, const SeriesGroup& from, const FixedSeries& to) {
    if (const SeriesGroup* g = to.find_group(from.id)) return {g, "same id"};
    for (const SeriesGroup& g : to.groups)
        if (lower(g.name) == lower(from.name)) return {&g, "same name"};
    const auto signature = weekday_signature(c, from);
    const SeriesGroup* found = nullptr;
    int matches = 0;
    for (const SeriesGroup& g : to.groups)
        if (weekday_signature(c, g) == signature) found = &g, ++matches;
    if (matches == 1) return {found, "same weekdays and times of day"};
    return {nullptr, matches == 0 ? "no group has the same id, name, or weekdays and times of day"
                                  : "several groups have the same weekdays and times of day"};
}

RolloverBatch plan_rollover(const Catalog& c, const RolloverPair& pair, const std::vector<SubscriberState>& subscribers,
                            const SeatQuery& taken, Instant now) {
    RolloverBatch out;
    const FixedSeries* from = c.find_series(pair.from);
    const FixedSeries* to = c.find_series(pair.to);
    if (!from || !to) return out;
    Mapper mapper(c, *from, *to, taken);
    for (std::size_t i = 0; i < subscribers.size(); ++i) {
        const SubscriberState& st = subscribers[i];
        if (st.package != pair.from || !action_allowed_from(HistoryAction::rollover, st.status)) continue;
        out.rows.emplace_back(i, mapper.roll(i, st, now, out.issues));
    }
    return out;
}

}  // namespace encore
