"""What the demo season sells besides single tickets, added to the catalog by gen_demo_catalog.py:
a fixed series built like the five-event package of the fixed-series document (weekday 4 shows
£120 / 5 shows £125, weekend 4 shows £160 / 5 shows £150) and its autumn successor of the same
lineage with the renewal campaign's dates, a flexible pass (plays free, concerts half price) that
renews into the autumn pass, the Friends membership with priority booking for the late-announced production and a
locked Friends' block in the Dress Circle, two offers and a web booking fee that members and pass
holders do not pay."""

import datetime as dt

SERIES_PLAYS = ["macbeth", "the-cherry-orchard", "twelfth-night", "a-dolls-house", "she-stoops-to-conquer"]
NEXT_SERIES_PLAYS = ["hamlet", "the-seagull", "much-ado-about-nothing", "hedda-gabler", "the-rivals"]
LINEAGE = "main-house-subscription"
# The spring subscribers' renewal into the autumn package: the window opens 1 Feb, stored cards are
# charged then, Pending lapses on 1 Mar, the box office can win back until 15 Mar, seats of those who
# did not renew are released on 1 Apr (the autumn general sale opens that morning), and spring ends 11 Apr.
AUTUMN_RENEWAL = {"starts": "2027-02-01T10:00:00Z", "auto_renew_starts": "2027-02-01T10:00:00Z",
                  "ends": "2027-03-01T00:00:00Z", "lapsed_ends": "2027-03-15T00:00:00Z", "locks": "2027-04-01T00:00:00Z"}
CONCERTS_PREFIX = "sunday-classics-"
BANDS = ["A", "B", "C", "D", "E"]


def series_price_list(pence: int) -> dict:
    """A fixed-series list: one price per ticket in every band; concessions £5 less."""
    prices = []
    for band in BANDS:
        prices.append({"band": band, "ticket_type": "adult", "amount": pence})
        prices.append({"band": band, "ticket_type": "concession", "amount": pence - 500})
    return {"id": f"series-{pence // 100}", "name": f"Series £{pence // 100} tickets", "kind": "series",
            "prices": prices}


def first_week_instance(instances: list[dict], event: str, weekday: int, suffix: str) -> str:
    """The id of the event's first performance on an ISO weekday (2 = Tuesday) ending in -e or -m."""
    for inst in instances:
        if inst["event"] != event or not inst["id"].endswith(suffix):
            continue
        day = dt.date.fromisoformat(inst["id"][len(event) + 1:len(event) + 11])
        if day.isoweekday() == weekday:
            return inst["id"]
    raise ValueError(f"{event} has no {suffix} performance on weekday {weekday}")


def friends_block(plan: dict) -> list[str]:
    """The ten centre seats of Dress Circle row A."""
    for section in plan["sections"]:
        if section["id"] == "DC":
            seats = section["rows"][0]["seats"]
            middle = len(seats) // 2
            return [s["id"] for s in seats[middle - 5:middle + 5]]
    raise ValueError("the plan has no Dress Circle")


def series_groups(instances: list[dict], plays: list[str]) -> list[dict]:
    """A group per day of the week (and the Saturday matinee): each play's first performance that day."""
    groups = []
    for gid, name, weekday, suffix, pricing in [
        ("tue", "Tuesday evenings", 2, "-e", "weekday"),
        ("wed", "Wednesday evenings", 3, "-e", "weekday"),
        ("thu", "Thursday evenings", 4, "-e", "weekday"),
        ("fri", "Friday evenings", 5, "-e", "weekend"),
        ("sat", "Saturday evenings", 6, "-e", "weekend"),
        ("sat-mat", "Saturday matinees", 6, "-m", "weekend"),
    ]:
        groups.append({"id": gid, "name": name, "pricing_set": pricing,
                       "instances": [first_week_instance(instances, e, weekday, suffix) for e in plays]})
    return groups


PRICING_SETS = [
    {"id": "weekday", "name": "Weekday pricing",
     "columns": [{"events": "4", "price_list": "series-30"}, {"events": "5", "price_list": "series-25"}]},
    {"id": "weekend", "name": "Weekend pricing",
     "columns": [{"events": "4", "price_list": "series-40"}, {"events": "5", "price_list": "series-30"}]}]


def build_products(catalog: dict) -> dict:
    instances = catalog["instances"]
    groups = series_groups(instances, SERIES_PLAYS)
    concerts = [e["id"] for e in catalog["events"] if e["id"].startswith(CONCERTS_PREFIX)]
    plays = [e["id"] for e in catalog["events"] if not e["id"].startswith(CONCERTS_PREFIX)]
    members = {"membership_active": "friends"}
    return {
        "extra_price_lists": [series_price_list(4000), series_price_list(3000), series_price_list(2500)],
        "memberships": [{
            "id": "friends", "name": "Friends of the Encore",
            "description": "A year of priority booking, the Friends' block in the Dress Circle, 10% off tickets and no booking fees.",
            "price": 6000, "validity": {"months": 12}, "renews_into": "friends",
            "on_sale": {"web": "2026-09-01T10:00:00Z", "box_office": "2026-09-01T09:00:00Z"}}],
        "flex_passes": [{
            "id": "flex-4", "name": "Flex 4 Pass",
            "description": "Four tickets to use across the season: plays free, Sunday Classics half price.",
            "price": 14000, "allowance": 4, "events": plays + concerts,
            "discount": {"kind": "free"},
            "event_discounts": [{"event": c, "discount": {"kind": "percent_off", "percent": 50}} for c in concerts],
            "ticket_types": ["adult", "concession"], "max_per_instance": 1, "repeat_redemption": False,
            "window": {"starts": "2026-11-01", "days": 180}, "renews_into": "flex-4-autumn",
            "on_sale": {"web": "2026-11-01T10:00:00Z", "box_office": "2026-11-01T09:00:00Z"}}, {
            "id": "flex-4-autumn", "name": "Flex 4 Pass, Autumn 2027",
            "description": "Four tickets to use across the autumn plays; the spring pass renews into it.",
            "price": 14000, "allowance": 4, "events": NEXT_SERIES_PLAYS,
            "discount": {"kind": "free"}, "ticket_types": ["adult", "concession"], "max_per_instance": 1,
            "repeat_redemption": False, "window": {"starts": "2027-04-01", "days": 240},
            "on_sale": {"web": "2027-04-01T10:00:00Z", "box_office": "2027-04-01T09:00:00Z"}}],
        "fixed_series": [{
            "id": "five-play-package", "name": "5 Play Package",
            "description": "The same seat at four or five of the season's plays, on the day of the week you choose.",
            "events": SERIES_PLAYS, "events_required": "4-5",
            "ticket_types": ["adult", "concession"], "default_ticket_type": "adult",
            "max_seats_per_order": 8, "choose_band_first": False, "active": ["web", "box_office"],
            "on_sale": {"web": "2026-10-01T10:00:00Z", "box_office": "2026-10-01T09:00:00Z"},
            "hold_expires_at": "2026-12-31T23:59:00Z", "lineage": LINEAGE,
            "pricing_sets": PRICING_SETS,
            "groups": groups}, {
            "id": "autumn-five-play-package", "name": "5 Play Package, Autumn 2027",
            "description": "Next season's package: spring subscribers keep their seats by renewing between 1 Feb and 1 Mar.",
            "season": "2027-autumn", "events": NEXT_SERIES_PLAYS, "events_required": "4-5",
            "ticket_types": ["adult", "concession"], "default_ticket_type": "adult",
            "max_seats_per_order": 8, "choose_band_first": False, "active": ["web", "box_office"],
            "on_sale": {"web": "2027-04-01T10:00:00Z", "box_office": "2027-04-01T09:00:00Z"},
            "hold_expires_at": "2027-08-31T23:59:00Z", "lineage": LINEAGE, "renewal": dict(AUTUMN_RENEWAL),
            "pricing_sets": PRICING_SETS,
            "groups": series_groups(instances, NEXT_SERIES_PLAYS)}],
        "lock_types": [{"id": "friends-block", "name": "Friends' Block", "who": members}],
        "seat_locks": [{"lock_type": "friends-block", "venue": catalog["venues"][0]["id"],
                        "seats": friends_block(catalog["venues"][0]["plan"])}],
        "priority_windows": [{
            "id": "friends-priority", "name": "Friends' priority booking", "who": members,
            "events": ["the-importance-of-being-earnest"],
            "opens_at": {"web": "2026-12-01T10:00:00Z", "box_office": "2026-12-01T09:00:00Z"}}],
        "offers": [
            {"id": "friends-10", "name": "Friends save 10%", "kind": "percent_off", "percent": 10,
             "who": members, "series_rule": "not"},
            {"id": "group-8", "name": "Groups of 8 or more save £5", "kind": "amount_off", "amount": 500,
             "min_quantity": 8, "series_rule": "not", "bands": ["A", "B", "C"]},
            {"id": "subscriber-extra", "name": "Subscribers' extra tickets at £20", "kind": "fixed_price", "amount": 2000,
             "who": {"series_subscriber": "five-play-package"}, "series_rule": "not", "events": plays,
             "limit_per_customer": 4}],
        "fees": [{"id": "booking-fee", "name": "booking fee", "per": "ticket", "kind": "fixed", "amount": 150,
                  "channels": ["web"], "waived_for": {"any": [{"holds": "friends"}, {"holds": "flex-4"}]}}],
    }


def add_products(catalog: dict) -> dict:
    products = build_products(catalog)
    catalog["price_lists"] = catalog["price_lists"] + products.pop("extra_price_lists")
    catalog.update(products)
    return catalog
