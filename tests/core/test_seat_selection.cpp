// Which seats a customer may pick: open (at every performance, for a series) and not kept from them by
// a seat lock (pricing's own rule), in the chosen band; and best available on the demo venue.
#include <catch2/catch.hpp>

#include <cctype>
#include <fstream>
#include <sstream>

#include "encore/best_available.hpp"
#include "encore/seat_selection.hpp"
#include "pricing_support.hpp"
#include "random_pricing.hpp"

using namespace test;
using encore::SeatState;

namespace {

const json member = {{"memberships", {{{"membership", "friends"}, {"starts", "2026-10-01T00:00:00Z"}, {"ends", "2027-10-01T00:00:00Z"}}}}};
const char* mon[] = {"macbeth-mon", "hamlet-mon", "lear-mon", "tempest-mon", "othello-mon"};

struct Who {
    encore::Customer customer;
    encore::Basket basket;
};

Who who(const json& customer, std::vector<json> lines = {}) {
    encore::Problems problems;
    Who w{*encore::customer_from_json(customer, problems), *encore::basket_from_json(basket(std::move(lines), "web"), problems)};
    return w;
}

// "oo.o..." per seat of the plan: 'o' selectable, '.' not.
std::string mask(const std::vector<bool>& selectable) {
    std::string out;
    for (bool s : selectable) out += s ? 'o' : '.';
    return out;
}

encore::Availability at_instance(const char* instance, const char* codes) {
    return {encore::InstanceId{instance}, 0, *encore::decode_seat_states(codes, 10)};
}

std::vector<encore::Availability> monday(const char* hamlet_codes = "oooooooooo") {
    std::vector<encore::Availability> out;
    for (const char* i : mon) out.push_back(at_instance(i, std::string(i) == "hamlet-mon" ? hamlet_codes : "oooooooooo"));
    return out;
}

std::string series_mask(const encore::Catalog& c, const std::vector<encore::Availability>& states, const Who& w,
                        const char* band = "") {
    const encore::Entitlements e(c, w.customer, w.basket, at("2026-11-21T12:00:00Z"));
    return mask(encore::selectable_series_seats(c, encore::composite_availability(c, states), 0, e, encore::PriceBandId{band}));
}

}  // namespace

TEST_CASE("selectable seats at one performance: open and not locked for this customer", "[selection]") {
    const encore::Catalog c = fixture();
    const encore::Instance& macbeth = *c.find_instance(encore::InstanceId{"macbeth-mon"});
    const auto states = *encore::decode_seat_states("oohooooxoo", 10);  // A3 held, B2 blocked
    struct Row { const char* what; Who w; const char* expected; };
    const std::vector<Row> rows = {
        {"a stranger: the members' block (A6) is kept from them", who(json::object()), "oo.oo.o.oo"},
        {"a member", who(member), "oo.oooo.oo"},
        {"joining in this basket", who(json::object(), {{{"kind", "membership"}, {"membership", "friends"}}}), "oo.oooo.oo"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.what);
        const encore::Entitlements e(c, r.w.customer, r.w.basket, at("2026-11-21T12:00:00Z"));
        CHECK(mask(encore::selectable_seats(c, macbeth, states, e)) == r.expected);
    }
    const encore::Entitlements anyone(c, {}, {}, at("2026-11-21T12:00:00Z"));
    CHECK(mask(encore::selectable_seats(c, macbeth, {SeatState::open}, anyone)) == ".");  // states of another plan
}

TEST_CASE("selectable seats follow the seat-lock rule pricing uses", "[selection][property]") {
    const encore::Catalog c = fixture([](json& j) {
        j["seat_locks"].push_back({{"lock_type", "members-block"}, {"venue", "hall"}, {"seats", {"B1", "B2"}}, {"events", {"hamlet", "lear"}},
                                   {"released_at", "2027-01-01T00:00:00Z"}});
    });
    encore::testing::Rng rng(3);
    const SeatState all[] = {SeatState::open, SeatState::held, SeatState::reserved, SeatState::sold, SeatState::blocked};
    for (int trial = 0; trial < 300; ++trial) {
        const encore::Instant now{at("2026-11-02T00:00:00Z").unix_seconds + rng.below(90) * 86400};
        const encore::Customer customer = encore::testing::random_customer(c, rng, now);
        const encore::Basket b = encore::testing::random_basket(c, customer, rng, 3);
        const encore::Entitlements e(c, customer, b, now);
        const encore::Instance& instance = c.instances[static_cast<std::size_t>(rng.below(static_cast<int>(c.instances.size())))];
        std::vector<SeatState> states;
        for (int s = 0; s < 10; ++s) states.push_back(rng.chance(70) ? SeatState::open : all[rng.below(5)]);
        const std::vector<bool> selectable = encore::selectable_seats(c, instance, states, e);
        const encore::Venue& venue = *c.find_venue(instance.venue);
        for (std::size_t s = 0; s < 10; ++s) {
            const bool expected = states[s] == SeatState::open && encore::check_seat_lock(c, instance, venue.plan.seats[s].id, e).ok;
            CHECK(selectable[s] == expected);
        }
    }
}

TEST_CASE("seat lock types: the lock in force at each seat whoever asks, so the map can mark it and say who may book it",
          "[selection][locks]") {
    const encore::Catalog c = fixture([](json& j) {
        j["lock_types"].push_back({{"id", "press"}, {"name", "Press seats"}, {"who", {{"tag", "press"}}}});
        j["seat_locks"].push_back({{"lock_type", "press"}, {"venue", "hall"}, {"seats", {"B1", "B2"}}, {"events", {"hamlet"}},
                                   {"released_at", "2027-01-10T00:00:00Z"}});
    });
    auto names = [&](const char* instance, const char* now) {
        std::string out;
        for (const encore::LockType* t : encore::seat_lock_types(c, *c.find_instance(encore::InstanceId{instance}), at(now)))
            out += t ? t->id.value.substr(0, 1) : ".";
        return out;
    };
    CHECK(names("macbeth-mon", "2026-11-21T12:00:00Z") == ".....m....");  // A6: the members' block at every event
    CHECK(names("hamlet-mon", "2026-11-21T12:00:00Z") == ".....mpp..");   // B1, B2: press seats at Hamlet only
    CHECK(names("hamlet-mon", "2027-01-10T00:00:00Z") == ".....m....");   // released: open to everyone from then on
    // The same for a member, who may book the block: the mark stays, locked_seats says it is theirs to book.
    const encore::Instance& macbeth = *c.find_instance(encore::InstanceId{"macbeth-mon"});
    const Who m = who(member);
    const encore::Entitlements e(c, m.customer, m.basket, at("2026-11-21T12:00:00Z"));
    CHECK(encore::seat_lock_types(c, macbeth, e.now())[5] != nullptr);
    CHECK_FALSE(encore::locked_seats(c, macbeth, e)[5]);
    CHECK(encore::describe_criterion(encore::seat_lock_types(c, macbeth, e.now())[5]->who, c) == "members");
}

TEST_CASE("selectable series seats: open at every performance, unlocked at each, in the chosen band", "[selection][composite]") {
    const encore::Catalog c = fixture();
    CHECK(series_mask(c, monday(), who(json::object())) == "ooooo.oooo");
    CHECK(series_mask(c, monday("osoooooooo"), who(json::object())) == "o.ooo.oooo");  // A2 sold at Hamlet
    CHECK(series_mask(c, monday("osoooooooo"), who(member)) == "o.oooooooo");
    CHECK(series_mask(c, monday(), who(member), "B") == "......oooo");
    CHECK(series_mask(c, monday("ooooooohoo"), who(member), "B") == "......o.oo");
    // A membership that ends in the middle of the series does not open the block for all of it.
    const json lapsing = {{"memberships", {{{"membership", "friends"}, {"starts", "2026-10-01T00:00:00Z"}, {"ends", "2027-01-20T00:00:00Z"}}}}};
    CHECK(series_mask(c, monday(), who(lapsing)) == "ooooo.oooo");
    CHECK(series_mask(c, {at_instance("macbeth-mon", "oooooooooo")}, who(lapsing)) == "oooooooooo");
    // A lock on one event's performances keeps the seat off the whole composite.
    const encore::Catalog hamlet_lock = fixture([](json& j) {
        j["seat_locks"].push_back({{"lock_type", "members-block"}, {"venue", "hall"}, {"seats", {"A3"}}, {"events", {"hamlet"}}});
    });
    CHECK(series_mask(hamlet_lock, monday(), who(json::object())) == "oo.oo.oooo");
    CHECK(series_mask(hamlet_lock, {at_instance("macbeth-mon", "oooooooooo")}, who(json::object())) == "ooooo.oooo");
    // A composite with problems has nothing to select.
    CHECK(series_mask(c, {at_instance("macbeth-mon", "oooooooooo"), at_instance("macbeth-mon", "oooooooooo")}, who(member)).empty());
}

TEST_CASE("a series composite's seat locks: marked wherever a lock is in force at one of its performances, kept "
          "from a customer it keeps out at any of them", "[selection][composite][locks]") {
    const encore::Catalog c = fixture([](json& j) {
        j["lock_types"].push_back({{"id", "press"}, {"name", "Press seats"}, {"who", {{"tag", "press"}}}});
        j["seat_locks"].push_back({{"lock_type", "press"}, {"venue", "hall"}, {"seats", {"B1"}}, {"events", {"hamlet"}}});
    });
    auto marks = [&](const std::vector<encore::Availability>& states, const Who& w) {
        const encore::Entitlements e(c, w.customer, w.basket, at("2026-11-21T12:00:00Z"));
        const encore::SeatLocks locks = encore::series_seat_locks(c, encore::composite_availability(c, states), 0, e);
        std::string out;  // per seat: '.' no lock; the lock's initial, upper case when it keeps the seat from them
        for (std::size_t s = 0; s < locks.types.size(); ++s)
            out += !locks.types[s] ? '.' : locks.kept[s] ? static_cast<char>(std::toupper(locks.types[s]->id.value[0])) : locks.types[s]->id.value[0];
        return out;
    };
    struct Row { const char* what; std::vector<encore::Availability> states; Who w; const char* expected; };
    const std::vector<Row> rows = {
        {"a stranger: the members' block and, at Hamlet, the press seat", monday(), who(json::object()), ".....MP..."},
        {"a member: the block is theirs, the press seat is not", monday(), who(member), ".....mP..."},
        {"joining in the basket", monday(), who(json::object(), {{{"kind", "membership"}, {"membership", "friends"}}}), ".....mP..."},
        {"a press tag", monday(), who({{"tags", {"press"}}}), ".....Mp..."},
        {"without Hamlet, no press seat", {at_instance("macbeth-mon", "oooooooooo")}, who(json::object()), ".....M...."},
    };
    for (const Row& r : rows) {
        CAPTURE(r.what);
        CHECK(marks(r.states, r.w) == r.expected);
    }
    // The one rule: a seat is selectable on the composite exactly when open at every performance and not kept.
    for (const Who& w : {who(json::object()), who(member)}) {
        const encore::Entitlements e(c, w.customer, w.basket, at("2026-11-21T12:00:00Z"));
        const encore::CompositeAvailability composite = encore::composite_availability(c, monday("osoooooooo"));
        const std::vector<bool> kept = encore::series_seat_locks(c, composite, 0, e).kept;
        const std::vector<bool> selectable = encore::selectable_series_seats(c, composite, 0, e);
        for (std::size_t s = 0; s < selectable.size(); ++s)
            CHECK(selectable[s] == (composite.plans[0].seats[s].state == SeatState::open && !kept[s]));
    }
    const encore::Entitlements anyone(c, {}, {}, at("2026-11-21T12:00:00Z"));
    CHECK(encore::series_seat_locks(c, encore::composite_availability(c, {at_instance("nope", "oooooooooo")}), 0, anyone).types.empty());
}

TEST_CASE("the demo: best available for two on the Tuesday series' composite", "[selection][best-available][demo]") {
    std::ifstream in(ENCORE_ASSETS_DIR "/demo/catalog.json", std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    encore::CatalogLoad load = encore::load_catalog(text.str());
    REQUIRE(load.catalog);
    const encore::Catalog& c = *load.catalog;
    const encore::SeriesGroup& tue = *c.find_series(encore::ProductId{"five-play-package"})->find_group(encore::SeriesGroupId{"tue"});
    const encore::SeatingPlan& plan = c.find_venue(encore::VenueId{"encore-theatre"})->plan;
    encore::testing::Rng rng(9);
    std::vector<encore::Availability> states;
    for (const encore::InstanceId& id : tue.instances) {
        encore::Availability a{id, 0, std::vector<SeatState>(plan.seats.size(), SeatState::open)};
        for (auto& s : a.seats)
            if (rng.chance(10)) s = SeatState::sold;
        states.push_back(std::move(a));
    }
    const encore::CompositeAvailability composite = encore::composite_availability(c, states);
    const encore::Entitlements anyone(c, {}, {}, at("2026-11-21T12:00:00Z"));
    const std::vector<bool> selectable = encore::selectable_series_seats(c, composite, 0, anyone);
    const encore::SeatProposal two = encore::best_available(plan, selectable, {2, 0});
    REQUIRE(two.seats.size() == 2);
    CHECK_FALSE(two.leaves_single);
    for (std::uint32_t s : two.seats) {
        CHECK(composite.plans[0].seats[s].state == SeatState::open);
        CHECK(composite.plans[0].seats[s].free_at == 5);
        CHECK(plan.sections[plan.seats[s].section].name == "Stalls");
    }
    // Everything open: the centre of the front row of the stalls.
    std::vector<bool> all(plan.seats.size(), true);
    const encore::SeatProposal front = encore::best_available(plan, all, {2, 0});
    REQUIRE(front.seats.size() == 2);
    CHECK(plan.seats[front.seats[0]].id.value == "ST-A-13");
    CHECK(plan.seats[front.seats[1]].id.value == "ST-A-14");
    // A wheelchair space with its companion, in the stalls.
    const encore::SeatProposal wheelchair = encore::best_available(plan, all, {2, 1});
    REQUIRE(wheelchair.seats.size() == 2);
    const std::string first = plan.seats[wheelchair.seats[0]].id.value;
    CHECK((first == "ST-V-12" || first == "ST-V-31"));
}
