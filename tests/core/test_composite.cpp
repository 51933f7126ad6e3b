// The composite seat map of a series: open only when open at every performance, otherwise the state
// that blocks it (sold > reserved > held > blocked), how many performances have it free, per plan.
#include <catch2/catch.hpp>

#include "encore/composite.hpp"
#include "pricing_support.hpp"
#include "random_pricing.hpp"

using namespace test;
using encore::SeatState;

namespace {

encore::Availability states(const char* instance, const char* codes) {
    return {encore::InstanceId{instance}, 0, *encore::decode_seat_states(codes, std::string_view(codes).size())};
}

std::string codes(const encore::CompositePlan& plan) {
    std::vector<SeatState> s;
    for (const auto& seat : plan.seats) s.push_back(seat.state);
    return encore::encode_seat_states(s);
}

std::string free_counts(const encore::CompositePlan& plan) {
    std::string out;
    for (const auto& seat : plan.seats) out += std::to_string(seat.free_at);
    return out;
}

// The fixture with a second, smaller venue for the concert: seats A1 and A2 as in the hall, and Z9.
encore::Catalog two_venues() {
    return fixture([](json& j) {
        json annex = j["venues"][0];
        annex["id"] = "annex";
        annex["name"] = "Annex";
        json& rows = annex["plan"]["sections"][0]["rows"];
        rows[0]["seats"] = {rows[0]["seats"][0], rows[0]["seats"][1]};
        rows[1]["seats"] = {{{"id", "Z9"}, {"number", "9"}, {"x", 1}, {"y", 4}, {"band", "B"}}};
        j["venues"].push_back(annex);
        j["instances"][10]["venue"] = "annex";  // concert-1
    });
}

}  // namespace

TEST_CASE("a seat is open on the composite only when open at every performance", "[availability][composite]") {
    const encore::Catalog c = fixture();
    //                    seats: A1..A6 B1..B4
    struct Row { const char* what; std::vector<const char*> per_performance; const char* combined; const char* free; };
    const std::vector<Row> rows = {
        {"all open", {"oooooooooo", "oooooooooo", "oooooooooo"}, "oooooooooo", "3333333333"},
        {"one sale blocks a seat", {"sooooooooo", "oooooooooo", "oooooooooo"}, "sooooooooo", "2333333333"},
        {"sold beats reserved, held and blocked", {"shrxoooooo", "roooxooooo", "hsxhoooooo"}, "ssrhxooooo", "0111233333"},
        {"reserved beats held", {"rhoooooooo", "hrhooooooo", "oooooooooo"}, "rrhooooooo", "1123333333"},
        {"held beats blocked", {"hxoooooooo", "xhoooooooo", "oooooooooo"}, "hhoooooooo", "1133333333"},
        {"a single performance", {"ohrsxooooo"}, "ohrsxooooo", "1000011111"},
    };
    const char* instances[] = {"macbeth-mon", "hamlet-mon", "lear-mon"};
    for (const Row& r : rows) {
        CAPTURE(r.what);
        std::vector<encore::Availability> given;
        for (std::size_t i = 0; i < r.per_performance.size(); ++i) given.push_back(states(instances[i], r.per_performance[i]));
        const encore::CompositeAvailability composite = encore::composite_availability(c, given);
        REQUIRE(composite.problems.empty());
        REQUIRE(composite.plans.size() == 1);
        CHECK(composite.plans[0].venue.value == "hall");
        CHECK(composite.performances() == static_cast<int>(r.per_performance.size()));
        CHECK(codes(composite.plans[0]) == r.combined);
        CHECK(free_counts(composite.plans[0]) == r.free);
    }
}

TEST_CASE("the hover says at how many performances a seat is free", "[availability][composite]") {
    struct Row { int free_at, performances; const char* words; };
    for (const Row& r : {Row{4, 5, "free at 4 of 5 performances"}, Row{5, 5, "free at every performance"},
                         Row{0, 5, "free at none of the 5 performances"}, Row{1, 1, "free at the performance"},
                         Row{0, 1, "not free at the performance"}, Row{1, 2, "free at 1 of 2 performances"}}) {
        encore::CompositeSeat seat;
        seat.free_at = r.free_at;
        CHECK(encore::describe_free_at(seat, r.performances) == r.words);
    }
}

TEST_CASE("performances on different plans: one composite per plan, seats matched by id", "[availability][composite]") {
    const encore::Catalog c = two_venues();
    const encore::CompositeAvailability composite =
        encore::composite_availability(c, {states("macbeth-mon", "oosooooooo"), states("concert-1", "ohx")});
    REQUIRE(composite.problems.empty());
    REQUIRE(composite.plans.size() == 2);
    // The hall: A1 open at both, A2 held at the concert, A3 sold at Macbeth; the rest are not in the annex.
    CHECK(composite.plans[0].venue.value == "hall");
    CHECK(codes(composite.plans[0]) == "ohsxxxxxxx");
    CHECK(free_counts(composite.plans[0]) == "2101111111");
    // The annex: Z9 is blocked at the concert and is not in the hall.
    CHECK(composite.plans[1].venue.value == "annex");
    CHECK(codes(composite.plans[1]) == "ohx");
    CHECK(free_counts(composite.plans[1]) == "210");
}

TEST_CASE("bad composite input is reported, not guessed", "[availability][composite]") {
    const encore::Catalog c = fixture();
    struct Row { std::vector<encore::Availability> given; const char* path; const char* code; };
    const std::vector<Row> rows = {
        {{states("macbeth-mon", "oooooooooo"), states("nope", "oooooooooo")}, "/1/instance", "unknown_reference"},
        {{states("macbeth-mon", "oooooooooo"), states("macbeth-mon", "oooooooooo")}, "/1/instance", "duplicate_id"},
        {{states("macbeth-mon", "ooooo")}, "/0/seats", "invalid_value"},
    };
    for (const Row& r : rows) {
        const encore::CompositeAvailability composite = encore::composite_availability(c, r.given);
        REQUIRE(composite.problems.size() == 1);
        CHECK(composite.problems[0].path == r.path);
        CHECK(composite.problems[0].code == r.code);
        CHECK(composite.plans.empty());
    }
    CHECK(encore::composite_availability(c, {}).plans.empty());
}

TEST_CASE("composite invariants on random seat states", "[availability][composite][property]") {
    const encore::Catalog c = fixture();
    const char* instances[] = {"macbeth-mon", "hamlet-mon", "lear-mon", "tempest-mon", "othello-mon"};
    const SeatState all[] = {SeatState::open, SeatState::held, SeatState::reserved, SeatState::sold, SeatState::blocked};
    auto rank = [](SeatState s) { return std::string("oxhrs").find(encore::seat_state_code(s)); };
    encore::testing::Rng rng(5);
    for (int trial = 0; trial < 500; ++trial) {
        std::vector<encore::Availability> given;
        const int n = 1 + rng.below(5);
        for (int i = 0; i < n; ++i) {
            encore::Availability a{encore::InstanceId{instances[i]}, 0, {}};
            for (int s = 0; s < 10; ++s) a.seats.push_back(rng.chance(60) ? SeatState::open : all[rng.below(5)]);
            given.push_back(std::move(a));
        }
        const encore::CompositeAvailability composite = encore::composite_availability(c, given);
        REQUIRE(composite.plans.size() == 1);
        for (std::size_t s = 0; s < 10; ++s) {
            const encore::CompositeSeat& seat = composite.plans[0].seats[s];
            int open = 0;
            std::size_t worst = 0;
            for (const auto& a : given) {
                open += a.seats[s] == SeatState::open;
                worst = std::max(worst, rank(a.seats[s]));
                CHECK(rank(seat.state) >= rank(a.seats[s]));
            }
            CHECK(seat.free_at == open);
            CHECK((seat.state == SeatState::open) == (open == n));
            CHECK(rank(seat.state) == worst);
        }
    }
}
