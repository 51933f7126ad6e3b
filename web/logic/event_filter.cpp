// Case-insensitive word search over event names and descriptions; local-day date range over performances.
#include "logic/event_filter.hpp"

#include <cctype>

#include "encore/time.hpp"

namespace web {

namespace {

std::string lower(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

std::vector<std::string> words(const std::string& text) {
    std::vector<std::string> out;
    std::string word;
    for (char c : text + " ") {
        if (std::isspace(static_cast<unsigned char>(c))) {
            if (!word.empty()) out.push_back(lower(word));
            word.clear();
        } else {
            word += c;
        }
    }
    return out;
}

}  // namespace

bool filter_active(const EventFilter& f) { return !words(f.text).empty() || !f.from.empty() || !f.to.empty(); }

bool event_matches_text(const encore::Event& event, const std::string& text) {
    const std::string haystack = lower(event.name + " " + event.description);
    for (const std::string& w : words(text))
        if (haystack.find(w) == std::string::npos) return false;
    return true;
}

bool performance_in_dates(const encore::Instance& instance, const EventFilter& filter) {
    const encore::Date day = encore::utc_date({instance.starts_at.unix_seconds + std::int64_t{instance.utc_offset_minutes} * 60});
    const std::int64_t n = encore::days_from_civil(day);
    if (auto from = encore::parse_date(filter.from); from && n < encore::days_from_civil(*from)) return false;
    if (auto to = encore::parse_date(filter.to); to && n > encore::days_from_civil(*to)) return false;
    return true;
}

std::vector<const encore::Instance*> matching_performances(const encore::Catalog& catalog, const encore::Event& event,
                                                           const EventFilter& filter) {
    std::vector<const encore::Instance*> out;
    if (!event_matches_text(event, filter.text)) return out;
    for (const encore::Instance* i : catalog.instances_of(event.id))
        if (performance_in_dates(*i, filter)) out.push_back(i);
    return out;
}

std::vector<const encore::Event*> matching_events(const encore::Catalog& catalog, const EventFilter& filter) {
    std::vector<const encore::Event*> out;
    for (const encore::Event& e : catalog.events)
        if (!matching_performances(catalog, e, filter).empty()) out.push_back(&e);
    return out;
}

std::string filter_summary(const encore::Catalog& catalog, const EventFilter& filter) {
    if (!filter_active(filter)) return "";
    const std::size_t n = matching_events(catalog, filter).size();
    return std::to_string(n) + " of " + std::to_string(catalog.events.size()) + (catalog.events.size() == 1 ? " event" : " events");
}

}  // namespace web
