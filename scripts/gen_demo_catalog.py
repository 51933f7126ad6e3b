#!/usr/bin/env python3
"""Generate the Encore demo catalog (docs/catalog-format.md, format 1).

    python3 scripts/gen_demo_catalog.py > assets/demo/catalog.json
    python3 scripts/gen_demo_catalog.py --out assets/demo/catalog.json
    python3 scripts/gen_demo_catalog.py --check [assets/demo/catalog.json]
    python3 scripts/gen_demo_catalog.py --svg /tmp/plan.svg     # throwaway preview of the plan

What it builds: one venue, "The Encore Theatre", a three-level proscenium house (Stalls, Dress
Circle with slips, Upper Circle, four boxes) with curved rows and radial aisles; five price bands;
four ticket types; the Spring Season 2027 with six plays (Tue-Sat 19:30 plus a Saturday 14:30
matinee) and six one-off "Sunday Classics" concerts at 15:00 London time; and the Autumn Season 2027
with five plays, whose package renews the spring package (the renewal campaign runs in spring).

Standard library only and fully deterministic: the same script always writes the same bytes.
The generated document is always validated (the rules of docs/catalog-format.md plus a few demo
sanity checks such as "no two seats overlap on the plan"); a summary goes to stderr and any
problem makes the script exit with status 1 without writing output.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from demo_season_products import add_products  # noqa: E402

# --------------------------------------------------------------------------------------------
# Reference data
# --------------------------------------------------------------------------------------------

VENUE_ID = "encore-theatre"
SEASON_ID = "2027-spring"

# Colours chosen to read well on a dark background and to stay distinguishable from each other
# (warm -> cool as the price falls).
PRICE_BANDS = [
    ("A", "Band A", "#f2b13c"),  # gold
    ("B", "Band B", "#ec6a5c"),  # coral
    ("C", "Band C", "#c17ee8"),  # orchid
    ("D", "Band D", "#4fb0ea"),  # sky blue
    ("E", "Band E", "#4cc9a0"),  # mint
]
BAND_IDS = [b[0] for b in PRICE_BANDS]

TICKET_TYPES = [
    ("adult", "Adult"),
    ("child", "Child (under 16)"),
    ("concession", "Concession (65+ / student)"),
    ("under26", "Under 26"),
]
TICKET_TYPE_IDS = [t[0] for t in TICKET_TYPES]

SEAT_ATTRIBUTES = ["wheelchair", "companion", "restricted_view", "aisle"]  # bit order


def round_to_50(pence: int) -> int:
    """Nearest multiple of 50p, halves rounded up (integer arithmetic only)."""
    return (pence + 25) // 50 * 50


def price_rows(adult: dict[str, int], under26: dict[str, int]) -> list[dict]:
    """Every band x ticket type: child half price, concession 20% off, both rounded to 50p."""
    rows = []
    for band in BAND_IDS:
        a = adult[band]
        amounts = {
            "adult": a,
            "child": round_to_50(a // 2),
            "concession": round_to_50(a * 4 // 5),
            "under26": min(a, under26[band]),
        }
        for tt in TICKET_TYPE_IDS:
            rows.append({"band": band, "ticket_type": tt, "amount": amounts[tt]})
    return rows


PRICE_LISTS = [
    {"id": "drama-standard", "name": "Drama standard", "kind": "standard",
     "prices": price_rows({"A": 5500, "B": 4500, "C": 3500, "D": 2500, "E": 1500},
                          {"A": 1500, "B": 1500, "C": 1500, "D": 1500, "E": 1000})},
    {"id": "drama-matinee", "name": "Drama Saturday matinee", "kind": "standard",
     "prices": price_rows({"A": 4500, "B": 3800, "C": 3000, "D": 2000, "E": 1200},
                          {"A": 1200, "B": 1200, "C": 1200, "D": 1200, "E": 1000})},
    {"id": "concert-standard", "name": "Sunday Classics", "kind": "standard",
     "prices": price_rows({"A": 4200, "B": 3600, "C": 2800, "D": 2000, "E": 1200},
                          {"A": 1000, "B": 1000, "C": 1000, "D": 1000, "E": 1000})},
]

SEASON = {"id": SEASON_ID, "name": "Spring Season 2027", "starts": "2027-01-11", "ends": "2027-04-11"}
# Next season: five plays whose package renews the spring package (same lineage); it goes on sale to
# everyone after the spring campaign's lock date (demo_season_products.py has the renewal dates).
NEXT_SEASON_ID = "2027-autumn"
NEXT_SEASON = {"id": NEXT_SEASON_ID, "name": "Autumn Season 2027", "starts": "2027-09-06", "ends": "2027-11-14"}

# (id, name, description, first Tuesday, weeks, on sale {channel: instant})
ON_SALE_GENERAL = {"web": "2026-11-01T10:00:00Z", "box_office": "2026-11-01T09:00:00Z"}
ON_SALE_LATE = {"web": "2027-01-15T10:00:00Z", "box_office": "2027-01-15T09:00:00Z"}

PLAYS = [
    ("macbeth", "Macbeth",
     "Shakespeare's darkest tragedy: a soldier, three witches and a crown that costs him everything.",
     "2027-01-12", 2, ON_SALE_GENERAL),
    ("the-cherry-orchard", "The Cherry Orchard",
     "Chekhov's bittersweet comedy about a family who cannot bring themselves to save the estate they love.",
     "2027-01-26", 2, ON_SALE_GENERAL),
    ("twelfth-night", "Twelfth Night",
     "Shipwrecked twins, mistaken identities and unrequited love in Shakespeare's most musical comedy.",
     "2027-02-09", 2, ON_SALE_GENERAL),
    ("a-dolls-house", "A Doll's House",
     "Ibsen's landmark drama of a marriage, a forged signature and the most famous door in theatre.",
     "2027-02-23", 2, ON_SALE_GENERAL),
    ("she-stoops-to-conquer", "She Stoops to Conquer",
     "Goldsmith's riotous comedy of a country house mistaken for an inn and a suitor tongue-tied by his own class.",
     "2027-03-09", 2, ON_SALE_GENERAL),
    # The season closer runs three weeks, across the switch to British Summer Time (28 March 2027),
    # and goes on sale later than the rest of the season.
    ("the-importance-of-being-earnest", "The Importance of Being Earnest",
     "Wilde's glittering farce of double lives, a handbag and the vital importance of being called Ernest.",
     "2027-03-23", 3, ON_SALE_LATE),
]

ON_SALE_AUTUMN = {"web": "2027-04-01T10:00:00Z", "box_office": "2027-04-01T09:00:00Z"}

NEXT_PLAYS = [
    ("hamlet", "Hamlet",
     "A prince, a ghost and a play within a play: Shakespeare's longest tragedy opens the autumn.",
     "2027-09-07", 2, ON_SALE_AUTUMN),
    ("the-seagull", "The Seagull",
     "Chekhov's comedy of young writers, old actresses and a lake that draws them all back.",
     "2027-09-21", 2, ON_SALE_AUTUMN),
    ("much-ado-about-nothing", "Much Ado About Nothing",
     "Beatrice and Benedick's merry war of words, and a wedding nearly undone by a lie.",
     "2027-10-05", 2, ON_SALE_AUTUMN),
    ("hedda-gabler", "Hedda Gabler",
     "Ibsen's general's daughter, bored in her new marriage, and a pair of pistols.",
     "2027-10-19", 2, ON_SALE_AUTUMN),
    ("the-rivals", "The Rivals",
     "Sheridan's Bath comedy of disguised suitors, duels and Mrs Malaprop's nice derangement of epitaphs.",
     "2027-11-02", 2, ON_SALE_AUTUMN),
]

# One-off concerts, Sundays 15:00 local. (id, name, description, date)
CONCERTS = [
    ("sunday-classics-beethoven", "Sunday Classics: Beethoven's Emperor",
     "The Encore Sinfonia opens its Sunday series with Beethoven's Fifth Piano Concerto and the Seventh Symphony.",
     "2027-01-17"),
    ("sunday-classics-vivaldi", "Sunday Classics: The Four Seasons",
     "Vivaldi's evergreen violin concertos paired with Piazzolla's Four Seasons of Buenos Aires.",
     "2027-01-31"),
    ("sunday-classics-mozart", "Sunday Classics: Mozart's Jupiter",
     "Mozart's Clarinet Concerto and his last and grandest symphony.",
     "2027-02-14"),
    ("sunday-classics-dvorak", "Sunday Classics: New World",
     "Dvorak's Cello Concerto and the symphony he wrote 'From the New World'.",
     "2027-02-28"),
    ("sunday-classics-elgar", "Sunday Classics: Enigma Variations",
     "Elgar's musical portraits of his friends, with Vaughan Williams's The Lark Ascending.",
     "2027-03-14"),
    ("sunday-classics-tchaikovsky", "Sunday Classics: Pathetique",
     "The series closes with Tchaikovsky's Violin Concerto and his searing final symphony.",
     "2027-03-28"),
]

# --------------------------------------------------------------------------------------------
# Time: Europe/London without tz database (UK rule since 1996: BST from 01:00 UTC on the last
# Sunday of March to 01:00 UTC on the last Sunday of October).
# --------------------------------------------------------------------------------------------


def last_sunday(year: int, month: int) -> dt.date:
    d = dt.date(year, month + 1, 1) - dt.timedelta(days=1)
    return d - dt.timedelta(days=(d.weekday() - 6) % 7)


def london_to_utc(day: dt.date, hour: int, minute: int) -> dt.datetime:
    """A London wall-clock time (not in the ambiguous/missing 01:00-02:00 hours) as UTC."""
    local = dt.datetime(day.year, day.month, day.day, hour, minute)
    bst_start = dt.datetime.combine(last_sunday(day.year, 3), dt.time(1, 0))   # local 01:00 GMT -> 02:00 BST
    bst_end = dt.datetime.combine(last_sunday(day.year, 10), dt.time(2, 0))    # local 02:00 BST -> 01:00 GMT
    offset = dt.timedelta(hours=1) if bst_start <= local < bst_end else dt.timedelta(0)
    return local - offset


def rfc3339(t: dt.datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def london_rfc3339(day: dt.date, hour: int, minute: int) -> str:
    """A London wall-clock time written with its UTC offset, e.g. 2027-03-30T19:30:00+01:00."""
    local = dt.datetime(day.year, day.month, day.day, hour, minute)
    offset_hours = int((local - london_to_utc(day, hour, minute)).total_seconds() // 3600)
    return local.strftime("%Y-%m-%dT%H:%M:%S") + f"+{offset_hours:02d}:00"


def utc_of(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(dt.timezone.utc)


# --------------------------------------------------------------------------------------------
# The seating plan
# --------------------------------------------------------------------------------------------
#
# Plan units: 1 unit ~ one seat width. The stage is at the top; the audience faces up (towards
# smaller y), so house left is plan left and seat 1 of every row is its house-left end. Each tier
# is a fan of concentric arcs around a centre point in front of the stage; aisles are radial
# (a fixed angle), so the blocks widen towards the back like a real auditorium. The tiers are
# drawn one below the other (Stalls, then Dress Circle, then Upper Circle) with a gap holding the
# section label, which is how printed theatre plans show levels.

STALLS_ROWS = [c for c in "ABCDEFGHJKLMNPQRSTUV"]  # no I or O
DRESS_ROWS = [c for c in "ABCDEFGHJK"]
UPPER_ROWS = [c for c in "ABCDEFGHJKLM"]

SEAT_PITCH = 1.0      # centre-to-centre along a row
AISLE_WIDTH = 1.3     # clear width of a radial aisle (edge of seat to edge of seat)


class Tier:
    """A fan of curved rows with a centre block and two side blocks split by radial aisles."""

    def __init__(self, *, first_row_y, radius0, row_pitch, aisle_angle, max_angle, rows):
        self.first_row_y = first_row_y   # y of the middle of the first row
        self.radius0 = radius0           # radius of the first row
        self.row_pitch = row_pitch
        self.aisle_angle = aisle_angle   # angle of the aisle centre lines
        self.max_angle = max_angle       # angle of the side walls
        self.rows = rows
        self.centre_y = first_row_y - radius0

    def radius(self, r: int) -> float:
        return self.radius0 + r * self.row_pitch

    def layout_row(self, r: int) -> list[dict]:
        """Seats of row r from house left to house right: [{s, angle, block, end}]."""
        R = self.radius(r)
        half_centre = R * self.aisle_angle - AISLE_WIDTH / 2      # arc half-length of the centre block
        n_centre = int(math.floor(2 * half_centre / SEAT_PITCH + 1e-9))
        side_start = R * self.aisle_angle + AISLE_WIDTH / 2
        side_end = R * self.max_angle
        n_side = int(math.floor((side_end - side_start) / SEAT_PITCH + 1e-9))
        seats = []
        for k in reversed(range(n_side)):                          # left block, outer end first
            s = -(side_start + SEAT_PITCH * (k + 0.5))
            seats.append({"s": s, "block": "L", "end": k in (0, n_side - 1)})
        for i in range(n_centre):
            s = (i - (n_centre - 1) / 2) * SEAT_PITCH
            seats.append({"s": s, "block": "C", "end": i in (0, n_centre - 1)})
        for k in range(n_side):
            s = side_start + SEAT_PITCH * (k + 0.5)
            seats.append({"s": s, "block": "R", "end": k in (0, n_side - 1)})
        for seat in seats:
            seat["angle"] = seat["s"] / R
        return seats

    def point(self, r: int, angle: float, cx: float) -> tuple[float, float]:
        R = self.radius(r)
        return cx + R * math.sin(angle), self.centre_y + R * math.cos(angle)

    def front_y(self) -> float:
        return self.first_row_y

    def back_y(self) -> float:
        return self.first_row_y + (len(self.rows) - 1) * self.row_pitch


def seat_obj(sid, number, x, y, band, attrs):
    obj = {"id": sid, "number": str(number), "x": round(x, 2), "y": round(y, 2), "band": band}
    attrs = [a for a in SEAT_ATTRIBUTES if a in attrs]
    if attrs:
        obj["attributes"] = attrs
    return obj


def build_plan() -> dict:
    cx = 0.0  # built around x = 0, shifted to positive coordinates at the end
    stage = {"x": -15.0, "y": 1.0, "width": 30.0, "height": 7.0}
    sections = []

    # ---- Stalls ------------------------------------------------------------------------------
    stalls = Tier(first_row_y=stage["y"] + stage["height"] + 4.0, radius0=46.0, row_pitch=1.2,
                  aisle_angle=0.165, max_angle=0.345, rows=STALLS_ROWS)
    rows = []
    for r, name in enumerate(stalls.rows):
        layout = stalls.layout_row(r)
        n = len(layout)
        wheelchair = set()
        companion = set()
        if name == stalls.rows[-1]:
            # Rear row: level access from the back of the stalls. Two spaces at each outer end
            # and one at each end of the centre block, each beside a companion seat.
            centre = [i for i, s in enumerate(layout) if s["block"] == "C"]
            wheelchair |= {0, 2, n - 1, n - 3, centre[0], centre[-1]}
            companion |= {1, 3, n - 2, n - 4, centre[0] + 1, centre[-1] - 1}
        seats = []
        for i, s in enumerate(layout):
            x, y = stalls.point(r, s["angle"], cx)
            a = abs(s["angle"])
            side_mid = (stalls.aisle_angle + stalls.max_angle) / 2
            if r <= 1:                                    # A-B: close to the stage, looking up
                band = "B" if s["block"] == "C" else "C"
            elif r <= 12:                                 # C-N: the best seats
                band = "A" if s["block"] == "C" else ("B" if a < side_mid else "C")
            elif r <= 16:                                 # P-S
                band = "B" if s["block"] == "C" else "C"
            else:                                         # T-V: under the circle overhang
                band = "C" if s["block"] == "C" else "D"
            attrs = set()
            if s["end"]:
                attrs.add("aisle")
            if i in wheelchair:
                attrs.add("wheelchair")
            if i in companion:
                attrs.add("companion")
            seats.append(seat_obj(f"ST-{name}-{i + 1}", i + 1, x, y, band, attrs))
        rows.append({"name": name, "seats": seats})
    sections.append({"id": "ST", "name": "Stalls", "level": 0,
                     "label_at": {"x": cx, "y": stalls.front_y() - 2.2}, "rows": rows})
    stalls_bottom = stalls.back_y()

    # ---- Boxes at stalls level, either side of the proscenium ----------------------------------
    def box(letter, level, side, x_rail, y_top, label_dy):
        """Four seats: 1-2 at the rail (band B), 3-4 behind them (band C, restricted view).
        Seats are numbered from the stage end."""
        sign = -1 if side == "left" else 1
        x_back = x_rail + sign * 1.0
        pts = [(x_rail, y_top), (x_rail, y_top + 1.0), (x_back, y_top), (x_back, y_top + 1.0)]
        seats = []
        for k, (x, y) in enumerate(pts):
            behind = k >= 2
            seats.append(seat_obj(f"BX{letter}-{k + 1}", k + 1, x, y, "C" if behind else "B",
                                  {"restricted_view"} if behind else set()))
        return {"id": f"BX{letter}", "name": f"Box {letter}", "level": level,
                "label_at": {"x": (x_rail + x_back) / 2, "y": y_top - 1.3 + label_dy},
                "rows": [{"name": "", "seats": seats}]}

    box_y = stage["y"] + stage["height"] - 2.0
    sections.append(box("A", 0, "left", stage["x"] - 2.6, box_y, 0))
    sections.append(box("B", 0, "right", stage["x"] + stage["width"] + 2.6, box_y, 0))

    # ---- Dress Circle ------------------------------------------------------------------------
    # More strongly curved (a horseshoe), drawn below the stalls. Its arms end in the slips and
    # the dress-level boxes, so the tier starts low enough for those to clear the stalls.
    dress_r0, dress_max = 31.0, 0.78
    dress_end_rise = dress_r0 * (1 - math.cos(dress_max))
    slip_seats = 6
    dress_first_y = stalls_bottom + 6.0 + slip_seats + dress_end_rise
    dress = Tier(first_row_y=dress_first_y, radius0=dress_r0, row_pitch=1.2,
                 aisle_angle=0.27, max_angle=dress_max, rows=DRESS_ROWS)
    rows = []
    for r, name in enumerate(dress.rows):
        layout = dress.layout_row(r)
        wheelchair, companion = set(), set()
        if name == dress.rows[-1]:
            # Rear cross-aisle access: a space at each end of the centre block.
            centre = [i for i, s in enumerate(layout) if s["block"] == "C"]
            wheelchair |= {centre[0], centre[-1]}
            companion |= {centre[0] + 1, centre[-1] - 1}
        seats = []
        for i, s in enumerate(layout):
            x, y = dress.point(r, s["angle"], cx)
            if r <= 2:                                    # A-C: the front of the circle
                band = "A" if s["block"] == "C" else "B"
            elif r <= 5:                                  # D-F
                band = "B" if s["block"] == "C" else "C"
            else:                                         # G-K
                band = "C" if s["block"] == "C" else "D"
            attrs = set()
            if s["end"]:
                attrs.add("aisle")
            if i in wheelchair:
                attrs.add("wheelchair")
            if i in companion:
                attrs.add("companion")
            seats.append(seat_obj(f"DC-{name}-{i + 1}", i + 1, x, y, band, attrs))
        rows.append({"name": name, "seats": seats})
    sections.append({"id": "DC", "name": "Dress Circle", "level": 1,
                     "label_at": {"x": cx, "y": dress.front_y() - 3.0}, "rows": rows})

    # Slips: a single row along each side wall, running from the end of row A towards the stage.
    end_x, end_y = dress.point(0, dress_max, cx)
    slip_x = end_x + 0.6
    slip_bottom = end_y - 1.2
    for sid, name, sign in (("DSL", "Dress Circle Slips Left", -1), ("DSR", "Dress Circle Slips Right", 1)):
        seats = []
        for k in range(slip_seats):
            # Seat 1 is next to the circle, the last one nearest the stage.
            x, y = sign * slip_x, slip_bottom - k * SEAT_PITCH
            attrs = {"restricted_view"}
            if k == 0:
                attrs.add("aisle")
            seats.append(seat_obj(f"{sid}-A-{k + 1}", k + 1, x, y, "D", attrs))
        sections.append({"id": sid, "name": name, "level": 1,
                         "label_at": {"x": sign * (slip_x - 7.0), "y": slip_bottom - (slip_seats - 1) / 2},
                         "rows": [{"name": "", "seats": seats}]})
    slip_top = slip_bottom - (slip_seats - 1) * SEAT_PITCH

    # Dress-level boxes, between the slips and the proscenium.
    sections.append(box("C", 1, "left", -slip_x, slip_top - 3.2, 0))
    sections.append(box("D", 1, "right", slip_x, slip_top - 3.2, 0))

    # ---- Upper Circle ------------------------------------------------------------------------
    upper_r0, upper_max = 29.0, 0.74
    upper_end_rise = upper_r0 * (1 - math.cos(upper_max))
    upper_first_y = dress.back_y() + 4.5 + upper_end_rise
    upper = Tier(first_row_y=upper_first_y, radius0=upper_r0, row_pitch=1.25,
                 aisle_angle=0.25, max_angle=upper_max, rows=UPPER_ROWS)
    pillar_angle = 0.47    # two columns holding up the roof, behind row E either side
    rows = []
    for r, name in enumerate(upper.rows):
        layout = upper.layout_row(r)
        R = upper.radius(r)
        seats = []
        for i, s in enumerate(layout):
            x, y = upper.point(r, s["angle"], cx)
            restricted = False
            if r >= 8 and (i < 3 or i >= len(layout) - 3):            # J-M outer ends: steep side view
                restricted = True
            if 5 <= r <= 8 and abs(abs(s["s"]) - R * pillar_angle) < 1.0:   # F-J behind a pillar
                restricted = True
            if restricted or r >= 8:
                band = "E"
            elif r <= 2:                                  # A-C
                band = "C" if s["block"] == "C" else "D"
            else:                                         # D-H
                band = "D"
            attrs = set()
            if s["end"]:
                attrs.add("aisle")
            if restricted:
                attrs.add("restricted_view")
            seats.append(seat_obj(f"UC-{name}-{i + 1}", i + 1, x, y, band, attrs))
        rows.append({"name": name, "seats": seats})
    sections.append({"id": "UC", "name": "Upper Circle", "level": 2,
                     "label_at": {"x": cx, "y": upper.front_y() - 2.6}, "rows": rows})

    # ---- Normalise to positive coordinates ----------------------------------------------------
    margin = 3.0
    xs = [s["x"] for sec in sections for row in sec["rows"] for s in row["seats"]]
    ys = [s["y"] for sec in sections for row in sec["rows"] for s in row["seats"]]
    xs += [stage["x"], stage["x"] + stage["width"]]
    ys += [stage["y"], stage["y"] + stage["height"]]
    for sec in sections:
        xs.append(sec["label_at"]["x"])
        ys.append(sec["label_at"]["y"])
    min_x = min(xs)
    dx = math.ceil(margin - min_x)   # whole-unit shift keeps the numbers tidy
    width = math.ceil(max(xs) + dx + margin)
    height = math.ceil(max(ys) + margin)

    def shift(p):
        p["x"] = round(p["x"] + dx, 2)

    stage = {"x": round(stage["x"] + dx, 2), "y": stage["y"], "width": stage["width"], "height": stage["height"]}
    for sec in sections:
        sec["label_at"] = {"x": round(sec["label_at"]["x"] + dx, 2), "y": round(sec["label_at"]["y"], 2)}
        for row in sec["rows"]:
            for s in row["seats"]:
                shift(s)
    return {"width": width, "height": height, "stage": stage, "sections": sections}


# --------------------------------------------------------------------------------------------
# Events and instances
# --------------------------------------------------------------------------------------------


def build_events_and_instances():
    events, instances = [], []
    plays = [(play, SEASON_ID) for play in PLAYS] + [(play, NEXT_SEASON_ID) for play in NEXT_PLAYS]
    for (eid, name, desc, first, weeks, on_sale), season in plays:
        events.append({"id": eid, "name": name, "description": desc, "season": season,
                       "venue": VENUE_ID, "price_list": "drama-standard"})
        start = dt.date.fromisoformat(first)
        assert start.weekday() == 1, f"{eid} must open on a Tuesday"
        for week in range(weeks):
            for wd in range(5):                           # Tue..Sat
                day = start + dt.timedelta(days=7 * week + wd)
                if day.weekday() == 5:                    # Saturday matinee
                    instances.append({"id": f"{eid}-{day.isoformat()}-m", "event": eid,
                                      "starts_at": london_rfc3339(day, 14, 30),
                                      "price_list": "drama-matinee", "on_sale": dict(on_sale)})
                instances.append({"id": f"{eid}-{day.isoformat()}-e", "event": eid,
                                  "starts_at": london_rfc3339(day, 19, 30), "on_sale": dict(on_sale)})
    for eid, name, desc, date in CONCERTS:
        events.append({"id": eid, "name": name, "description": desc, "season": SEASON_ID,
                       "venue": VENUE_ID, "price_list": "concert-standard"})
        day = dt.date.fromisoformat(date)
        assert day.weekday() == 6, f"{eid} must be on a Sunday"
        instances.append({"id": f"{eid}-{date}-m", "event": eid,
                          "starts_at": london_rfc3339(day, 15, 0), "on_sale": dict(ON_SALE_GENERAL)})
    instances.sort(key=lambda i: (utc_of(i["starts_at"]), i["id"]))
    for inst in instances:  # canonical key order: on_sale last, as in the format document
        on_sale = inst.pop("on_sale")
        inst["on_sale"] = {"web": on_sale["web"], "box_office": on_sale["box_office"]}
    return events, instances


def build_catalog() -> dict:
    events, instances = build_events_and_instances()
    return add_products({
        "format": 1,
        "currency": "GBP",
        "price_bands": [{"id": i, "name": n, "color": c} for i, n, c in PRICE_BANDS],
        "ticket_types": [{"id": i, "name": n} for i, n in TICKET_TYPES],
        "venues": [{"id": VENUE_ID, "name": "The Encore Theatre", "plan": build_plan()}],
        "seasons": [dict(SEASON), dict(NEXT_SEASON)],
        "price_lists": PRICE_LISTS,
        "events": events,
        "instances": instances,
    })


# --------------------------------------------------------------------------------------------
# Output: indented, but any value whose one-line form is short stays on one line
# (one seat, price or instance per line).
# --------------------------------------------------------------------------------------------

INLINE_LIMIT = 150
ONE_PER_LINE = {"price_bands", "ticket_types", "seats", "prices", "instances"}  # lists of one-line items


def to_json(value, indent=0, key=None) -> str:
    flat = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    if not isinstance(value, (dict, list)) or len(flat) + indent <= INLINE_LIMIT:
        return flat
    pad, inner = " " * indent, " " * (indent + 2)
    if isinstance(value, list):
        if not value:
            return "[]"
        if key in ONE_PER_LINE:
            items = [inner + json.dumps(v, ensure_ascii=False, separators=(", ", ": ")) for v in value]
        else:
            items = [inner + to_json(v, indent + 2) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + pad + "]"
    items = [inner + json.dumps(k) + ": " + to_json(v, indent + 2, k) for k, v in value.items()]
    return "{\n" + ",\n".join(items) + "\n" + pad + "}"


# --------------------------------------------------------------------------------------------
# Validation: the loader's rules from docs/catalog-format.md, plus demo sanity checks.
# --------------------------------------------------------------------------------------------

RE_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
RE_CURRENCY = re.compile(r"^[A-Z]{3}$")
RE_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
RE_INSTANT = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


class Checker:
    def __init__(self):
        self.problems: list[str] = []

    def bad(self, path, msg):
        self.problems.append(f"{path}: {msg}")

    def field(self, obj, key, types, path, optional=False):
        if not isinstance(obj, dict):
            self.bad(path, "wrong_type: expected an object")
            return None
        if key not in obj:
            if not optional:
                self.bad(f"{path}/{key}", "missing_field")
            return None
        v = obj[key]
        ok = isinstance(v, types) and not (isinstance(v, bool) and bool not in (types if isinstance(types, tuple) else (types,)))
        if not ok:
            self.bad(f"{path}/{key}", f"wrong_type: {type(v).__name__}")
            return None
        return v

    def number(self, obj, key, path, optional=False):
        return self.field(obj, key, (int, float), path, optional)

    def id_list(self, items, path, what):
        """Checks ids are non-empty strings unique within the list; returns the set of ids."""
        seen = set()
        for i, it in enumerate(items or []):
            v = self.field(it, "id", str, f"{path}/{i}")
            if v is None:
                continue
            if not v:
                self.bad(f"{path}/{i}/id", f"invalid_value: empty {what} id")
            elif v in seen:
                self.bad(f"{path}/{i}/id", f"duplicate_id: {what} {v!r}")
            seen.add(v)
        return seen

    def date(self, text, path):
        if text is None:
            return None
        if not RE_DATE.match(text):
            self.bad(path, f"invalid_value: not YYYY-MM-DD: {text!r}")
            return None
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            self.bad(path, f"invalid_value: not a real day: {text!r}")
            return None

    def instant(self, text, path):
        if text is None:
            return None
        m = RE_INSTANT.match(text)
        if not m:
            self.bad(path, f"invalid_value: not RFC 3339: {text!r}")
            return None
        try:
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            self.bad(path, f"invalid_value: not a real instant: {text!r}")
            return None


def check_catalog(doc) -> tuple[list[str], dict]:
    c = Checker()
    stats: dict = {}
    if not isinstance(doc, dict):
        return ["/: wrong_type: expected an object"], stats
    fmt = c.field(doc, "format", int, "")
    if fmt is not None and fmt != 1:
        c.bad("/format", "invalid_value: must be 1")
    cur = c.field(doc, "currency", str, "")
    if cur is not None and not RE_CURRENCY.match(cur):
        c.bad("/currency", "invalid_value")
    elif cur != "GBP":
        c.bad("/currency", "demo: expected GBP")

    bands = c.field(doc, "price_bands", list, "") or []
    band_ids = c.id_list(bands, "/price_bands", "band")
    for i, b in enumerate(bands):
        c.field(b, "name", str, f"/price_bands/{i}")
        col = c.field(b, "color", str, f"/price_bands/{i}")
        if col is not None and not RE_COLOR.match(col):
            c.bad(f"/price_bands/{i}/color", f"invalid_value: {col!r}")
    tts = c.field(doc, "ticket_types", list, "") or []
    tt_ids = c.id_list(tts, "/ticket_types", "ticket type")
    for i, t in enumerate(tts):
        c.field(t, "name", str, f"/ticket_types/{i}")

    venues = c.field(doc, "venues", list, "") or []
    venue_ids = c.id_list(venues, "/venues", "venue")
    seat_counts = {}
    for vi, v in enumerate(venues):
        vp = f"/venues/{vi}"
        c.field(v, "name", str, vp)
        plan = c.field(v, "plan", dict, vp)
        if plan is None:
            continue
        pp = f"{vp}/plan"
        w, h = c.number(plan, "width", pp), c.number(plan, "height", pp)
        for key, val in (("width", w), ("height", h)):
            if val is not None and val <= 0:
                c.bad(f"{pp}/{key}", "out_of_range: must be positive")
        stage = c.field(plan, "stage", dict, pp)
        stage_rect = None
        if stage is not None:
            vals = [c.number(stage, k, f"{pp}/stage") for k in ("x", "y", "width", "height")]
            if None not in vals:
                stage_rect = vals
                if vals[2] <= 0 or vals[3] <= 0:
                    c.bad(f"{pp}/stage", "out_of_range: size must be positive")
        sections = c.field(plan, "sections", list, pp) or []
        c.id_list(sections, f"{pp}/sections", "section")
        seat_ids = set()
        all_seats = []  # (x, y, id, section, level, band, attrs)
        for si, sec in enumerate(sections):
            sp = f"{pp}/sections/{si}"
            c.field(sec, "name", str, sp)
            level = c.field(sec, "level", int, sp)
            la = c.field(sec, "label_at", dict, sp, optional=True)
            if la is not None:
                c.number(la, "x", f"{sp}/label_at")
                c.number(la, "y", f"{sp}/label_at")
            row_names = set()
            for ri, row in enumerate(c.field(sec, "rows", list, sp) or []):
                rp = f"{sp}/rows/{ri}"
                rn = c.field(row, "name", str, rp)
                if rn in row_names:
                    c.bad(f"{rp}/name", f"demo: row {rn!r} twice in a section")
                row_names.add(rn)
                numbers = set()
                for ki, seat in enumerate(c.field(row, "seats", list, rp) or []):
                    kp = f"{rp}/seats/{ki}"
                    sid = c.field(seat, "id", str, kp)
                    if sid is not None:
                        if not sid:
                            c.bad(f"{kp}/id", "invalid_value: empty seat id")
                        elif sid in seat_ids:
                            c.bad(f"{kp}/id", f"duplicate_id: seat {sid!r}")
                        seat_ids.add(sid)
                    num = c.field(seat, "number", str, kp)
                    if num in numbers:
                        c.bad(f"{kp}/number", f"demo: seat number {num!r} twice in a row")
                    numbers.add(num)
                    x, y = c.number(seat, "x", kp), c.number(seat, "y", kp)
                    band = c.field(seat, "band", str, kp)
                    if band is not None and band not in band_ids:
                        c.bad(f"{kp}/band", f"unknown_reference: band {band!r}")
                    attrs = c.field(seat, "attributes", list, kp, optional=True) or []
                    for ai, a in enumerate(attrs):
                        if a not in SEAT_ATTRIBUTES:
                            c.bad(f"{kp}/attributes/{ai}", f"invalid_value: {a!r}")
                    if len(set(attrs)) != len(attrs):
                        c.bad(f"{kp}/attributes", "demo: repeated attribute")
                    if x is not None and y is not None:
                        if w is not None and h is not None and not (0.5 <= x <= w - 0.5 and 0.5 <= y <= h - 0.5):
                            c.bad(kp, f"demo: seat outside the plan ({x}, {y})")
                        if stage_rect is not None:
                            sx, sy, sw, sh = stage_rect
                            if sx - 0.5 < x < sx + sw + 0.5 and sy - 0.5 < y < sy + sh + 0.5:
                                c.bad(kp, "demo: seat on the stage")
                        all_seats.append((x, y, sid, sec.get("id"), level, band, tuple(attrs), rn))
        # Demo sanity: seats at least 0.9 units apart on the drawing.
        grid: dict = {}
        for s in all_seats:
            grid.setdefault((int(s[0] // 2), int(s[1] // 2)), []).append(s)
        for (gx, gy), cell in grid.items():
            for nx in (gx - 1, gx, gx + 1):
                for ny in (gy - 1, gy, gy + 1):
                    for a in cell:
                        for b in grid.get((nx, ny), []):
                            if a[2] < b[2] and math.hypot(a[0] - b[0], a[1] - b[1]) < 0.9:
                                c.bad(vp, f"demo: seats {a[2]} and {b[2]} overlap on the plan")
        # Demo sanity: every wheelchair space has a companion seat next to it in its row.
        by_pos = {(s[3], s[7]): [] for s in all_seats}
        for s in all_seats:
            by_pos[(s[3], s[7])].append(s)
        for s in all_seats:
            if "wheelchair" in s[6]:
                row = by_pos[(s[3], s[7])]
                i = row.index(s)
                nbrs = [row[j] for j in (i - 1, i + 1) if 0 <= j < len(row)]
                if not any("companion" in n[6] for n in nbrs):
                    c.bad(vp, f"demo: wheelchair space {s[2]} has no companion seat beside it")
        seat_counts[v.get("id")] = len(all_seats)
        stats[v.get("id")] = all_seats

    seasons = c.field(doc, "seasons", list, "") or []
    season_ids = c.id_list(seasons, "/seasons", "season")
    for i, s in enumerate(seasons):
        c.field(s, "name", str, f"/seasons/{i}")
        a = c.date(c.field(s, "starts", str, f"/seasons/{i}"), f"/seasons/{i}/starts")
        b = c.date(c.field(s, "ends", str, f"/seasons/{i}"), f"/seasons/{i}/ends")
        if a and b and b < a:
            c.bad(f"/seasons/{i}/ends", "out_of_range: ends before it starts")

    pls = c.field(doc, "price_lists", list, "") or []
    pl_ids = c.id_list(pls, "/price_lists", "price list")
    for i, pl in enumerate(pls):
        pp = f"/price_lists/{i}"
        c.field(pl, "name", str, pp)
        kind = c.field(pl, "kind", str, pp)
        if kind is not None and kind not in ("standard", "series"):
            c.bad(f"{pp}/kind", f"invalid_value: {kind!r}")
        pairs = set()
        for j, pr in enumerate(c.field(pl, "prices", list, pp) or []):
            qp = f"{pp}/prices/{j}"
            band = c.field(pr, "band", str, qp)
            tt = c.field(pr, "ticket_type", str, qp)
            amount = c.field(pr, "amount", int, qp)
            if band is not None and band not in band_ids:
                c.bad(f"{qp}/band", f"unknown_reference: {band!r}")
            if tt is not None and tt not in tt_ids:
                c.bad(f"{qp}/ticket_type", f"unknown_reference: {tt!r}")
            if amount is not None and amount < 0:
                c.bad(f"{qp}/amount", "out_of_range: negative")
            if (band, tt) in pairs:
                c.bad(qp, f"duplicate_id: {band} x {tt} twice")
            pairs.add((band, tt))
        if pl.get("kind") == "standard" and pairs != {(b, t) for b in band_ids for t in tt_ids}:
            c.bad(pp, "demo: not every band x ticket type is priced")

    events = c.field(doc, "events", list, "") or []
    event_ids = c.id_list(events, "/events", "event")
    event_venue = {}
    for i, e in enumerate(events):
        ep = f"/events/{i}"
        c.field(e, "name", str, ep)
        c.field(e, "description", str, ep, optional=True)
        for key, known in (("season", season_ids), ("venue", venue_ids), ("price_list", pl_ids)):
            ref = c.field(e, key, str, ep)
            if ref is not None and ref not in known:
                c.bad(f"{ep}/{key}", f"unknown_reference: {ref!r}")
        event_venue[e.get("id")] = e.get("venue")

    insts = c.field(doc, "instances", list, "") or []
    c.id_list(insts, "/instances", "instance")
    prev = None
    for i, inst in enumerate(insts):
        ip = f"/instances/{i}"
        ev = c.field(inst, "event", str, ip)
        if ev is not None and ev not in event_ids:
            c.bad(f"{ip}/event", f"unknown_reference: {ev!r}")
        t = c.instant(c.field(inst, "starts_at", str, ip), f"{ip}/starts_at")
        for key, known in (("venue", venue_ids), ("price_list", pl_ids)):
            ref = c.field(inst, key, str, ip, optional=True)
            if ref is not None and ref not in known:
                c.bad(f"{ip}/{key}", f"unknown_reference: {ref!r}")
        on_sale = c.field(inst, "on_sale", dict, ip)
        for ch in ("web", "box_office"):
            val = c.field(on_sale or {}, ch, str, f"{ip}/on_sale", optional=True)
            os_t = c.instant(val, f"{ip}/on_sale/{ch}")
            if os_t and t and os_t >= t:
                c.bad(f"{ip}/on_sale/{ch}", "demo: goes on sale after the performance")
        key = (t, inst.get("id"))
        if t is not None and prev is not None and key < prev:
            c.bad(ip, "demo: instances are not sorted by start time, then id")
        if t is not None:
            prev = key
    return c.problems, stats


def local_time_problems(doc) -> list[str]:
    """Cross-checks every start time against the system tz database, if there is one."""
    try:
        from zoneinfo import ZoneInfo
        london = ZoneInfo("Europe/London")
    except Exception:  # noqa: BLE001 - no tz database: nothing to cross-check against
        return []
    out = []
    for inst in doc["instances"]:
        t = dt.datetime.fromisoformat(inst["starts_at"].replace("Z", "+00:00")).astimezone(london)
        want = {"e": "19:30", "m": "14:30"}[inst["id"][-1]]
        if inst["event"].startswith("sunday-classics"):
            want = "15:00"
        if t.strftime("%H:%M") != want or inst["id"][-12:-2] != t.date().isoformat():
            out.append(f"{inst['id']}: starts {t.isoformat()} London time, expected {want}")
    return out


def summary(doc, seats_by_venue) -> str:
    lines = []
    for venue in doc["venues"]:
        seats = seats_by_venue.get(venue["id"], [])
        plan = venue["plan"]
        lines.append(f"venue {venue['id']}: {len(seats)} seats, plan {plan['width']} x {plan['height']} units")
        levels: dict = {}
        for s in seats:
            levels[s[4]] = levels.get(s[4], 0) + 1
        lines.append("  per level: " + ", ".join(f"{k}: {v}" for k, v in sorted(levels.items())))
        for sec in plan["sections"]:
            n = sum(len(r["seats"]) for r in sec["rows"])
            widths = [len(r["seats"]) for r in sec["rows"]]
            lines.append(f"  {sec['id']:<4} {sec['name']:<24} level {sec['level']}  {len(widths):>2} rows"
                         f"  {n:>4} seats  (row sizes {min(widths)}-{max(widths)})")
        bands = {b: 0 for b in BAND_IDS}
        for s in seats:
            bands[s[5]] = bands.get(s[5], 0) + 1
        lines.append("  per band: " + ", ".join(f"{k}: {v}" for k, v in bands.items()))
        band_level = {}
        for s in seats:
            band_level[(s[4], s[5])] = band_level.get((s[4], s[5]), 0) + 1
        for lvl in sorted(levels):
            lines.append(f"    level {lvl}: " + ", ".join(f"{b}: {band_level.get((lvl, b), 0)}" for b in BAND_IDS))
        attrs = {a: 0 for a in SEAT_ATTRIBUTES}
        for s in seats:
            for a in s[6]:
                attrs[a] += 1
        lines.append("  attributes: " + ", ".join(f"{k}: {v}" for k, v in attrs.items()))
    inst_by_event: dict = {}
    for inst in doc["instances"]:
        inst_by_event[inst["event"]] = inst_by_event.get(inst["event"], 0) + 1
    lines.append(f"events: {len(doc['events'])}, instances: {len(doc['instances'])}, "
                 f"price lists: {len(doc['price_lists'])}, ticket types: {len(doc['ticket_types'])}")
    for e in doc["events"]:
        first = next(i for i in doc["instances"] if i["event"] == e["id"])
        last = [i for i in doc["instances"] if i["event"] == e["id"]][-1]
        lines.append(f"  {e['id']:<32} {inst_by_event.get(e['id'], 0):>2} instances  "
                     f"{first['starts_at']} .. {last['starts_at']}  web on sale {first['on_sale'].get('web')}")
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# Preview: an SVG of the plan, seats coloured by band (for eyeballing only).
# --------------------------------------------------------------------------------------------


def write_svg(doc, path, scale=12.0):
    colors = {b["id"]: b["color"] for b in doc["price_bands"]}
    plan = doc["venues"][0]["plan"]
    W, H = plan["width"] * scale, plan["height"] * scale
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W:.0f}" height="{H + 40:.0f}" '
           f'viewBox="0 0 {W:.0f} {H + 40:.0f}" font-family="sans-serif">',
           f'<rect width="100%" height="100%" fill="#15161c"/>']
    st = plan["stage"]
    out.append(f'<rect x="{st["x"] * scale}" y="{st["y"] * scale}" width="{st["width"] * scale}" '
               f'height="{st["height"] * scale}" fill="#3a3b45" rx="4"/>')
    out.append(f'<text x="{(st["x"] + st["width"] / 2) * scale}" y="{(st["y"] + st["height"] / 2) * scale + 5}" '
               f'fill="#ddd" font-size="16" text-anchor="middle">STAGE</text>')
    r = 0.42 * scale
    for sec in plan["sections"]:
        for row in sec["rows"]:
            for s in row["seats"]:
                x, y = s["x"] * scale, s["y"] * scale
                a = s.get("attributes", [])
                fill = colors[s["band"]]
                if "wheelchair" in a:
                    out.append(f'<rect x="{x - r}" y="{y - r}" width="{2 * r}" height="{2 * r}" fill="#ffffff" '
                               f'stroke="{fill}" stroke-width="2.5"/>')
                    continue
                stroke = ' stroke="#ffffff" stroke-width="2"' if "companion" in a else ""
                out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{fill}"{stroke}/>')
                if "restricted_view" in a:
                    out.append(f'<line x1="{x - r * .6:.1f}" y1="{y - r * .6:.1f}" x2="{x + r * .6:.1f}" '
                               f'y2="{y + r * .6:.1f}" stroke="#15161c" stroke-width="2"/>')
                if "aisle" in a:
                    out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="1.6" fill="#15161c"/>')
            if sec["id"] in ("ST", "DC", "UC"):
                first = row["seats"][0]
                out.append(f'<text x="{first["x"] * scale - 14}" y="{first["y"] * scale + 3}" fill="#888" '
                           f'font-size="9" text-anchor="middle">{row["name"]}</text>')
        la = sec.get("label_at")
        if la:
            size = 15 if sec["id"] in ("ST", "DC", "UC") else 10
            out.append(f'<text x="{la["x"] * scale}" y="{la["y"] * scale + size / 3}" fill="#eee" '
                       f'font-size="{size}" text-anchor="middle">{sec["name"]}</text>')
    x = 10
    for b in doc["price_bands"]:
        out.append(f'<circle cx="{x + 6}" cy="{H + 20}" r="6" fill="{b["color"]}"/>'
                   f'<text x="{x + 16}" y="{H + 25}" fill="#ddd" font-size="13">{b["name"]}</text>')
        x += 80
    out.append(f'<text x="{x + 6}" y="{H + 25}" fill="#aaa" font-size="12">square = wheelchair, ringed = companion,'
               f' slashed = restricted view, dot = aisle</text>')
    out.append("</svg>")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


# --------------------------------------------------------------------------------------------


def main() -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    default_path = os.path.join(os.path.dirname(here), "assets", "demo", "catalog.json")
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", help="write the catalog to this file instead of stdout")
    ap.add_argument("--check", nargs="?", const=default_path, metavar="PATH",
                    help="validate an existing catalog file (default assets/demo/catalog.json) and print its summary")
    ap.add_argument("--svg", metavar="PATH", help="also write an SVG preview of the seat plan")
    ap.add_argument("--quiet", action="store_true", help="no summary on stderr")
    args = ap.parse_args()

    if args.check:
        with open(args.check, encoding="utf-8") as f:
            doc = json.load(f)
        text = None
    else:
        doc = build_catalog()
        text = to_json(doc) + "\n"
        doc = json.loads(text)  # validate exactly what is written
    problems, stats = check_catalog(doc)
    if not problems:
        problems += local_time_problems(doc)
    if problems:
        for p in problems[:50]:
            print("problem: " + p, file=sys.stderr)
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 1
    if not args.quiet:
        print(summary(doc, stats), file=sys.stderr)
    if args.svg:
        write_svg(doc, args.svg)
    if text is not None:
        if args.out:
            os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
            with open(args.out, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
            print(f"wrote {args.out} ({len(text.encode('utf-8'))} bytes)", file=sys.stderr)
        else:
            sys.stdout.write(text)
    elif not args.quiet:
        print(f"{args.check}: OK", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
