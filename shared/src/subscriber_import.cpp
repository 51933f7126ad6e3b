// The subscriber CSV importer: header, row and cross-row checks against the catalog.
#include "encore/subscriber_import.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_map>

#include "csv.hpp"
#include "encore/seasons.hpp"
#include "encore/series_seats.hpp"

namespace encore {

namespace {

constexpr std::array<const char*, 5> columns{"email", "name", "lineage", "group", "seats"};
enum Column { email_col, name_col, lineage_col, group_col, seats_col };

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::string quoted(std::string_view s) {
    return "\"" + std::string(s.substr(0, 60)) + (s.size() > 60 ? "…\"" : "\"");
}

// A plain address check: local@domain, no spaces or controls, a dot in the domain, sane lengths.
bool is_email(std::string_view e) {
    const auto at = e.find('@');
    if (e.size() > 254 || at == std::string_view::npos || at == 0 || at > 64 || e.find('@', at + 1) != std::string_view::npos)
        return false;
    if (std::any_of(e.begin(), e.end(), [](char c) { return static_cast<unsigned char>(c) <= ' ' || c == ',' || c == '"'; }))
        return false;
    const std::string_view domain = e.substr(at + 1);
    const auto dot = domain.rfind('.');
    return dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size() && domain.find("..") == std::string_view::npos &&
           domain.front() != '.';
}

// What a lineage imports into: its shell package and its upcoming package.
struct LineageTarget {
    const FixedSeries* shell = nullptr;
    const FixedSeries* package = nullptr;
    std::unordered_map<std::string, const SeriesGroup*> groups;  // by id and by lower-case name
};

struct GroupSeats {
    std::vector<const Venue*> venues;
    std::vector<std::string> overlapping;  // claim prefixes of groups sharing a performance, itself included
};

class Importer {
public:
    Importer(const Catalog& c, Instant now, const SeatQuery& taken) : c_(c), now_(now), taken_(taken) {}

    SubscriberImport run(std::string_view csv) {
        std::size_t records = 0;
        detail::read_csv(
            csv,
            [&](std::size_t line, std::vector<std::string>& fields) {
                if (records++ == 0) return header(line, fields);
                if (!header_ok_) return;
                if (records - 1 > max_import_rows) {
                    if (records - 1 == max_import_rows + 1)
                        problem(line, "", "too_many_rows", "an import takes at most " + std::to_string(max_import_rows) + " rows");
                    return;
                }
                row(line, fields);
            },
            [&](std::size_t line, std::string message) {
                ++records;
                problem(line, "", "malformed_csv", "line " + std::to_string(line) + ": " + message);
            });
        if (records == 0) problem(1, "", "empty_file", "the file is empty; it needs a header line " + header_text() + " and rows");
        else if (header_ok_ && out_.subscribers.empty() && out_.problems.empty())
            problem(2, "", "no_rows", "the file has a header but no subscribers");
        if (!out_.problems.empty()) {
            out_.subscribers.clear();
            std::stable_sort(out_.problems.begin(), out_.problems.end(),
                             [](const ImportProblem& a, const ImportProblem& b) { return a.line < b.line; });
        }
        return std::move(out_);
    }

private:
    static std::string header_text() {
        std::string out;
        for (const char* c : columns) out += (out.empty() ? "" : ",") + std::string(c);
        return out;
    }

    void problem(std::size_t line, std::string column, std::string code, std::string message) {
        out_.problems.push_back({line, std::move(column), std::move(code), std::move(message)});
    }

    void header(std::size_t line, const std::vector<std::string>& fields) {
        index_.assign(columns.size(), -1);
        for (std::size_t i = 0; i < fields.size(); ++i) {
            const std::string name = lower(trim(fields[i]));
            const auto known = std::find(columns.begin(), columns.end(), name);
            if (known == columns.end()) {
                problem(line, name, "unknown_column", "the header names column " + quoted(fields[i]) + "; the columns are " + header_text());
                continue;
            }
            int& slot = index_[static_cast<std::size_t>(known - columns.begin())];
            if (slot >= 0) problem(line, name, "duplicate_column", "the header names column " + name + " twice");
            slot = static_cast<int>(i);
        }
        for (std::size_t k = 0; k < columns.size(); ++k)
            if (index_[k] < 0) problem(line, columns[k], "missing_column", std::string("the header has no column ") + columns[k] + " (" + header_text() + ")");
        header_ok_ = out_.problems.empty();
        width_ = fields.size();
    }

    const LineageTarget& target(const std::string& lineage) {
        auto it = lineages_.find(lineage);
        if (it != lineages_.end()) return it->second;
        LineageTarget t;
        Instant best;
        for (const FixedSeries& s : c_.fixed_series) {
            if (s.lineage != lineage) continue;
            if (s.shell) {
                t.shell = &s;
                continue;
            }
            const Season* season = series_season(c_, s);
            if (!s.renewal || !season || season_status(*season, now_) != SeasonStatus::upcoming) continue;
            if (!t.package || season_opens(*season) < best) t.package = &s, best = season_opens(*season);
        }
        if (t.package)
            for (const SeriesGroup& g : t.package->groups) {
                t.groups.emplace(g.id.value, &g);
                t.groups.emplace(lower(g.name), &g);
            }
        return lineages_.emplace(lineage, std::move(t)).first->second;
    }

    const GroupSeats& seats_of(const FixedSeries& package, const SeriesGroup& group) {
        const std::string key = claim_prefix(package, group);
        auto it = groups_.find(key);
        if (it != groups_.end()) return it->second;
        GroupSeats g{group_venues(c_, group), {}};
        for (const SeriesGroup& other : package.groups)
            if (&other == &group || std::any_of(other.instances.begin(), other.instances.end(), [&](const InstanceId& i) {
                    return std::find(group.instances.begin(), group.instances.end(), i) != group.instances.end();
                }))
                g.overlapping.push_back(claim_prefix(package, other));
        return groups_.emplace(key, std::move(g)).first->second;
    }

    static std::string claim_prefix(const FixedSeries& package, const SeriesGroup& group) {
        return package.id.value + '\x1f' + group.id.value + '\x1f';
    }

    void row(std::size_t line, const std::vector<std::string>& fields) {
        if (fields.size() != width_) {
            problem(line, "", "wrong_column_count",
                    "line " + std::to_string(line) + " has " + std::to_string(fields.size()) + " fields; the header has " + std::to_string(width_));
            return;
        }
        auto field = [&](Column c) { return trim(fields[static_cast<std::size_t>(index_[c])]); };
        const std::size_t problems_before = out_.problems.size();
        ImportedSubscriber s;
        s.line = line;
        s.email = std::string(field(email_col));
        s.name = std::string(field(name_col));
        s.lineage = std::string(field(lineage_col));
        if (!is_email(s.email)) problem(line, "email", "invalid_email", quoted(s.email) + " is not an email address");
        if (s.name.empty()) problem(line, "name", "missing_value", "the name is empty");
        else if (s.name.size() > 200) problem(line, "name", "too_long", "the name is longer than 200 characters");
        const LineageTarget* t = nullptr;
        if (s.lineage.empty()) problem(line, "lineage", "missing_value", "the lineage is empty");
        else if (t = &target(s.lineage); !t->shell && !t->package && !known_lineage(s.lineage))
            problem(line, "lineage", "unknown_lineage", "no package has the lineage " + quoted(s.lineage));
        else if (!t->shell)
            problem(line, "lineage", "no_shell_package", "the lineage " + quoted(s.lineage) + " has no shell package to import through");
        else if (!t->package)
            problem(line, "lineage", "no_upcoming_package",
                    "the lineage " + quoted(s.lineage) + " has no package on an upcoming season with renewal dates to import into");
        if (t && t->shell && t->package) check_group_and_seats(line, *t, field(group_col), field(seats_col), s);
        if (out_.problems.size() == problems_before) out_.subscribers.push_back(std::move(s));
    }

    bool known_lineage(const std::string& lineage) const {
        return std::any_of(c_.fixed_series.begin(), c_.fixed_series.end(), [&](const FixedSeries& s) { return s.lineage == lineage; });
    }

    void check_group_and_seats(std::size_t line, const LineageTarget& t, std::string_view group_text, std::string_view seats_text,
                               ImportedSubscriber& s) {
        const auto g = t.groups.find(std::string(group_text));
        const auto by_name = g == t.groups.end() ? t.groups.find(lower(group_text)) : g;
        if (by_name == t.groups.end()) {
            problem(line, "group", group_text.empty() ? "missing_value" : "unknown_group",
                    t.package->name + " has no group " + quoted(group_text));
            return;
        }
        const SeriesGroup& group = *by_name->second;
        s.shell = t.shell->id;
        s.package = t.package->id;
        s.group = group.id;
        const GroupSeats& where = seats_of(*t.package, group);
        std::size_t from = 0;
        while (from < seats_text.size()) {
            const std::size_t end = std::min(seats_text.find_first_of(" ;,", from), seats_text.size());
            if (end > from) s.seats.push_back(SeatId{std::string(seats_text.substr(from, end - from))});
            from = end + 1;
        }
        if (s.seats.empty()) problem(line, "seats", "no_seats", "no seats are given");
        for (std::size_t k = 0; k < s.seats.size(); ++k) {
            const SeatId& seat = s.seats[k];
            if (!seat_in_venues(where.venues, seat)) {
                problem(line, "seats", "unknown_seat", "seat " + quoted(seat.value) + " is not in the plan of " + group.name);
                continue;
            }
            if (taken_ && taken_(group.id, seat)) {
                problem(line, "seats", "seat_taken", "seat " + seat.value + " is not free at every performance of " + group.name);
                continue;
            }
            std::size_t first_line = 0;
            for (const std::string& prefix : where.overlapping)
                if (auto it = claims_.find(prefix + seat.value); it != claims_.end()) first_line = it->second;
            if (first_line)
                problem(line, "seats", "duplicate_seat",
                        "seat " + seat.value + " of " + group.name +
                            (first_line == line ? " is given twice" : " is also on line " + std::to_string(first_line)));
            else
                claims_.emplace(where.overlapping.front() + seat.value, line);
        }
    }

    const Catalog& c_;
    Instant now_;
    const SeatQuery& taken_;
    SubscriberImport out_;
    std::vector<int> index_;
    std::size_t width_ = 0;
    bool header_ok_ = false;
    std::unordered_map<std::string, LineageTarget> lineages_;
    std::unordered_map<std::string, GroupSeats> groups_;
    std::unordered_map<std::string, std::size_t> claims_;
};

}  // namespace

SubscriberImport read_subscriber_csv(std::string_view csv, const Catalog& catalog, Instant now, const SeatQuery& taken) {
    return Importer(catalog, now, taken).run(csv);
}

std::vector<HistoryRow> import_history(const ImportedSubscriber& s, const Actor& actor, Instant now) {
    HistoryRow created;
    created.action = HistoryAction::import;
    created.at = now;
    created.actor = actor;
    created.status = SubscriberStatus::new_;
    created.package = s.shell;
    created.note = "imported from line " + std::to_string(s.line);
    HistoryRow rolled = created;
    rolled.action = HistoryAction::rollover;
    rolled.status = SubscriberStatus::pending;
    rolled.package = s.package;
    rolled.group = s.group;
    rolled.note.clear();
    for (const SeatId& seat : s.seats) rolled.seats.push_back({s.group, seat, SeatStatus::reserved});
    return {created, rolled};
}

}  // namespace encore
