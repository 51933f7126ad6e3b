// Demo subscribers: accounts with one password, seats walked through the plan in a fixed order, the
// first rows made by the core's subscribe(), written through the store.
#include "renewals/demo_subscribers.hpp"

#include <array>
#include <iostream>
#include <set>

#include "accounts/passwords.hpp"
#include "context/clock.hpp"
#include "context/options.hpp"
#include "encore/entitlements.hpp"
#include "encore/pricing.hpp"
#include "encore/series_seats.hpp"
#include "store/account_store.hpp"
#include "store/connection_pool.hpp"
#include "store/house_holds.hpp"
#include "store/renewal_queries.hpp"
#include "store/seat_ledger.hpp"
#include "store/stored_cards.hpp"
#include "store/subscriber_store.hpp"

namespace encore::server {
namespace {

constexpr int subscribers_per_group = 50;

constexpr std::array<const char*, 16> first_names{"Ada", "Ben", "Cleo", "Dev", "Esme", "Finn", "Gita", "Hal",
                                                  "Iris", "Jonah", "Kit", "Lena", "Milo", "Nia", "Owen", "Priya"};
constexpr std::array<const char*, 12> surnames{"Abbott", "Brennan", "Chowdhury", "Doyle", "Evans", "Fraser",
                                               "Gallagher", "Hughes", "Iqbal", "Jones", "Kowalski", "Lloyd"};

// The package of the same lineage that renews `from` (with renewal dates), or nullptr.
const FixedSeries* successor(const Catalog& catalog, const FixedSeries& from) {
    if (from.lineage.empty() || from.shell) return nullptr;
    for (const FixedSeries& next : catalog.fixed_series)
        if (next.id != from.id && next.lineage == from.lineage && next.renewal) return &next;
    return nullptr;
}

// Seats of a group a subscriber may keep: not wheelchair or companion spaces, not locked, free at every
// performance; walked with a stride so the subscribers spread over the house.
std::vector<std::vector<SeatId>> pick_seats(db::Connection& db, const Catalog& catalog, const FixedSeries& package,
                                            const SeriesGroup& group, int count) {
    const auto venues = group_venues(catalog, group);
    if (venues.empty() || venues.front()->plan.seats.empty()) return {};
    const SeatingPlan& plan = venues.front()->plan;
    std::vector<bool> unusable(plan.seats.size(), false);
    static const Customer nobody;
    static const Basket no_basket;
    for (const InstanceId& id : group.instances)
        if (const Instance* instance = catalog.find_instance(id)) {
            const auto locked = locked_seats(catalog, *instance, Entitlements(catalog, nobody, no_basket, instance->starts_at));
            for (std::size_t s = 0; s < locked.size() && s < unusable.size(); ++s) unusable[s] = unusable[s] || locked[s];
        }
    const Facts facts = seat_facts(db, catalog, package.id, 0);
    std::vector<std::vector<SeatId>> picked;
    std::set<std::size_t> used;
    const std::size_t n = plan.seats.size(), stride = 37, start = std::hash<std::string>{}(group.id.value) % n;
    for (std::size_t step = 0; step < n && static_cast<int>(picked.size()) < count; ++step) {
        const std::size_t s = (start + step * stride) % n;
        const Seat& seat = plan.seats[s];
        if (used.count(s) || unusable[s] || seat.has(seat_wheelchair) || seat.has(seat_companion) || facts.taken(group.id, seat.id)) continue;
        std::vector<SeatId> seats{seat.id};
        used.insert(s);
        const bool pair = picked.size() % 3 == 0 && s + 1 < n && plan.seats[s + 1].row == seat.row &&
                          plan.seats[s + 1].section == seat.section && !used.count(s + 1) && !unusable[s + 1] &&
                          !plan.seats[s + 1].has(seat_wheelchair) && !plan.seats[s + 1].has(seat_companion) &&
                          !facts.taken(group.id, plan.seats[s + 1].id);
        if (pair) {
            seats.push_back(plan.seats[s + 1].id);
            used.insert(s + 1);
        }
        picked.push_back(std::move(seats));
    }
    return picked;
}

std::int64_t price_of(const Catalog& catalog, const FixedSeries& package, const SeriesGroup& group, const std::vector<SeatId>& seats,
                      Instant now) {
    SubscriberState state;
    state.package = package.id;
    for (const SeatId& seat : seats) state.seats.push_back({group.id, seat, SeatStatus::sold});
    const PricedBasket priced = price_basket(catalog, renewal_basket(state), {}, now);
    return priced.valid ? priced.total : 0;
}

}  // namespace

int seed_demo_subscribers(ServerContext& ctx, const Catalog& catalog) {
    auto db = ctx.pool.lease();
    if (!subscriber_summaries(*db, "", "", 0, 1).empty()) return 0;
    const Instant now = ctx.clock.now();
    const std::string hash = hash_password(demo_subscriber_password, ctx.options.fast_password_hashing);
    int made = 0;
    for (const FixedSeries& package : catalog.fixed_series) {
        const FixedSeries* next = successor(catalog, package);
        if (!next) continue;
        for (const SeriesGroup& group : package.groups) {
            for (const std::vector<SeatId>& seats : pick_seats(*db, catalog, package, group, subscribers_per_group)) {
                const int n = ++made;
                const std::string name = std::string(first_names[static_cast<std::size_t>(n) % first_names.size()]) + " " +
                                         surnames[static_cast<std::size_t>(n / 16) % surnames.size()];
                const auto account =
                    insert_account(*db, {"subscriber" + std::to_string(n) + "@encore.local", name, "", Role::customer}, hash, now);
                if (!account) continue;
                db::Transaction transaction(*db, db::Transaction::Kind::immediate);
                NewSubscription purchase{package.id, group.id, seats, 1, price_of(catalog, package, group, seats, now), false, 1};
                Facts facts;
                const bool approved = n % 8 == 1 || n % 8 == 3, declined = n % 16 == 5;
                if (approved || declined) {
                    store_test_card(*db, account->id, {approved ? "4242424242424242" : "4000000000000002", "12/30", "123"}, now);
                    facts.card_on_file = true;
                    purchase.auto_renew = true;
                    purchase.auto_renew_instalments = n % 8 == 3 ? 3 : 1;
                }
                const ActionResult first = subscribe(catalog, purchase, Actor{}, facts, now);
                if (!first.check.ok) continue;
                SeatLedger ledger(*db);
                SubscriberStore(*db, catalog, ledger).create(account->id, package.lineage, first.rows, now);
                if (n % 50 == 2)  // next season the house keeps these seats: released at the lock, they go to HOLD
                    if (const SeriesGroup* kept = next->find_group(group.id))
                        for (const InstanceId& instance : kept->instances) {
                            std::vector<SeatId> held = seats;
                            for (const HouseHold& hold : house_holds(*db))
                                if (hold.instance == instance) held.push_back(hold.seat);
                            set_house_holds(*db, ledger, instance, held, account->id, now);
                        }
                ledger.finish();
                transaction.commit();
            }
        }
    }
    if (made > 0)
        std::cerr << "encore-server: demo: " << made << " subscribers (subscriber1@encore.local ... password " << demo_subscriber_password
                  << ")\n";
    return made;
}

}  // namespace encore::server
