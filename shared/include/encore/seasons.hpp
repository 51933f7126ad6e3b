// Seasons in time: when a season opens and closes, its status at a moment, the season a package
// belongs to, and the catalog rules of seasons, shell packages and renewal dates (docs/renewals.md).
#pragma once
#include "encore/catalog.hpp"
#include "encore/problems.hpp"

namespace encore {

enum class SeasonStatus : std::uint8_t { upcoming = 0, active = 1, ended = 2 };
// "upcoming", "active", "ended".
const char* season_status_name(SeasonStatus s);

// Local midnight at the start of the season's first day.
Instant season_opens(const Season& season);
// Local midnight at the end of the season's last day (exclusive).
Instant season_closes(const Season& season);
// Upcoming before it opens, active while open, ended from the moment it closes.
SeasonStatus season_status(const Season& season, Instant now);

// The season of a package: its own `season`, else the last-closing season of its events; nullptr if none.
const Season* series_season(const Catalog& catalog, const FixedSeries& series);
// The first performance of any of a package's groups; nullopt for a package without performances.
std::optional<Instant> first_performance(const Catalog& catalog, const FixedSeries& series);

// Rules across a loaded catalog (called by load_catalog): performances inside their package's season,
// shell packages, renewal dates in order, renews_into naming a product of the same kind.
Problems check_renewal_setup(const Catalog& catalog);

}  // namespace encore
