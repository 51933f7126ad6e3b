// "What's on" search and date filter: which events and performances the list shows. Words match the event's
// name and description (each word somewhere, any case); dates are the performance's local day at its venue.
#pragma once
#include <string>
#include <vector>

#include "encore/catalog.hpp"

namespace web {

struct EventFilter {
    std::string text;        // as typed in the search field
    std::string from, to;    // "YYYY-MM-DD" from the date fields; "" for no limit
};

bool filter_active(const EventFilter& filter);
// Every word of the search text is in the event's name or description.
bool event_matches_text(const encore::Event& event, const std::string& text);
// The performance's local day is within from..to (both included; an unreadable date is no limit).
bool performance_in_dates(const encore::Instance& instance, const EventFilter& filter);
// The event's performances the filter keeps, in catalog order; none when its words do not match.
std::vector<const encore::Instance*> matching_performances(const encore::Catalog& catalog, const encore::Event& event,
                                                           const EventFilter& filter);
// Events with at least one matching performance, in catalog order.
std::vector<const encore::Event*> matching_events(const encore::Catalog& catalog, const EventFilter& filter);
// "3 of 12 events" or "" when nothing is filtered.
std::string filter_summary(const encore::Catalog& catalog, const EventFilter& filter);

}  // namespace web
