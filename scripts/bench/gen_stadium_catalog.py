#!/usr/bin/env python3
"""Generate a synthetic 100,000-seat stadium catalog for the seat map benchmark (scripts/bench/stadium.sh).

    python3 scripts/bench/gen_stadium_catalog.py --out /tmp/stadium.json [--seats 100000]

A bowl of three tiers around a pitch: every row follows the pitch's outline (straight sides, round
corners) at its distance from the pitch; each tier is cut into sections, each section's rows are
seats one plan unit apart. Four price bands (sideline/end, lower/upper), one event with one
performance on sale on the web. Standard library only; the same arguments always write the same bytes.
"""
from __future__ import annotations

import argparse
import json
import math

PITCH_HALF_W, PITCH_HALF_H = 70.0, 45.0   # plan units; a seat is about one unit wide
MARGIN = 4.0
ROW_DEPTH = 1.1
AISLE = 1.6                                  # gap between sections along a row
TIERS = [("Lower", 100, 24, 6.0, 40), ("Middle", 200, 28, 4.0, 40), ("Upper", 300, 32, 4.0, 37)]  # name, first number, sections, gap before, rows


def perimeter(d: float) -> float:
    return 4 * (PITCH_HALF_W + PITCH_HALF_H) + 2 * math.pi * d


def point(d: float, f: float) -> tuple[float, float]:
    """The point a fraction f (0..1, clockwise from the top-left end of the top side) along the outline at distance d."""
    a, b = PITCH_HALF_W, PITCH_HALF_H
    s = (f % 1.0) * perimeter(d)
    arc = math.pi / 2 * d
    legs = [("side", 2 * a, (-a, -b - d), (1, 0)), ("corner", arc, (a, -b), -math.pi / 2),
            ("side", 2 * b, (a + d, -b), (0, 1)), ("corner", arc, (a, b), 0.0),
            ("side", 2 * a, (a, b + d), (-1, 0)), ("corner", arc, (-a, b), math.pi / 2),
            ("side", 2 * b, (-a - d, b), (0, -1)), ("corner", arc, (-a, -b), math.pi)]
    for kind, length, origin, direction in legs:
        if s <= length or kind == "corner" and origin == (-a, -b):
            if kind == "side":
                return origin[0] + direction[0] * s, origin[1] + direction[1] * s
            angle = direction + (s / d if d > 0 else 0)
            return origin[0] + d * math.cos(angle), origin[1] + d * math.sin(angle)
        s -= length
    raise AssertionError("unreachable")


def band_for(tier: int, f: float) -> str:
    sideline = (f % 0.5) < 0.5 * (2 * PITCH_HALF_W) / (2 * PITCH_HALF_W + 2 * PITCH_HALF_H)
    return ["A", "B", "C", "D"][min(3, (0 if sideline else 1) + tier)]


def row_name(i: int) -> str:
    return str(i + 1)


def build(total: int) -> dict:
    outer = sum(t[3] + t[4] * ROW_DEPTH for t in TIERS) + 2
    width, height = 2 * (PITCH_HALF_W + outer + MARGIN), 2 * (PITCH_HALF_H + outer + MARGIN)
    cx, cy = width / 2, height / 2
    sections, count, d = [], 0, 0.0
    for tier, (tier_name, first_number, n_sections, gap, n_rows) in enumerate(TIERS):
        d += gap
        tier_sections = [{"id": f"S{first_number + i + 1}", "name": f"{tier_name} {first_number + i + 1}",
                          "level": tier, "rows": []} for i in range(n_sections)]
        for r in range(n_rows):
            rd = d + r * ROW_DEPTH
            length = perimeter(rd) / n_sections - AISLE
            n_seats = int(length)
            for i, section in enumerate(tier_sections):
                seats = []
                for k in range(n_seats):
                    if count >= total:
                        break
                    f = (i + (AISLE / 2 + 0.5 + k + (length - n_seats) / 2) / (length + AISLE)) / n_sections
                    x, y = point(rd, f)
                    seats.append({"id": f"{section['id']}-{row_name(r)}-{k + 1}", "number": str(k + 1),
                                  "x": round(cx + x, 2), "y": round(cy + y, 2), "band": band_for(tier, f)})
                    count += 1
                if seats:
                    section["rows"].append({"name": row_name(r), "seats": seats})
        d += n_rows * ROW_DEPTH
        for section in tier_sections:
            if section["rows"]:
                sections.append(section)
    return {
        "format": 1,
        "currency": "GBP",
        "price_bands": [{"id": "A", "name": "Sideline lower", "color": "#f2b13c"},
                        {"id": "B", "name": "End lower / sideline middle", "color": "#ec6a5c"},
                        {"id": "C", "name": "End middle / sideline upper", "color": "#4fb0ea"},
                        {"id": "D", "name": "End upper", "color": "#4cc9a0"}],
        "ticket_types": [{"id": "adult", "name": "Adult"}, {"id": "child", "name": "Child (under 16)"}],
        "venues": [{"id": "stadium", "name": "Benchmark Stadium", "plan": {
            "width": round(width, 2), "height": round(height, 2),
            "stage": {"x": round(cx - PITCH_HALF_W, 2), "y": round(cy - PITCH_HALF_H, 2),
                      "width": 2 * PITCH_HALF_W, "height": 2 * PITCH_HALF_H},
            "sections": sections}}],
        "seasons": [{"id": "2027", "name": "Season 2027", "starts": "2027-01-01", "ends": "2027-12-31"}],
        "price_lists": [{"id": "match", "name": "Match day", "kind": "standard", "prices": [
            {"band": b, "ticket_type": t, "amount": a // (2 if t == "child" else 1)}
            for b, a in zip("ABCD", [9500, 7000, 5000, 3500]) for t in ("adult", "child")]}],
        "events": [{"id": "final", "name": "The Final", "description": "A synthetic 100,000-seat stadium for the seat map benchmark.",
                    "season": "2027", "venue": "stadium", "price_list": "match"}],
        "instances": [{"id": "final-2027-05-29", "event": "final", "starts_at": "2027-05-29T15:00:00+01:00",
                       "on_sale": {"web": "2026-11-01T10:00:00Z"}}],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seats", type=int, default=100_000)
    args = ap.parse_args()
    doc = build(args.seats)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(doc, f, separators=(",", ":"))
    seats = sum(len(r["seats"]) for s in doc["venues"][0]["plan"]["sections"] for r in s["rows"])
    print(f"stadium: {seats} seats in {len(doc['venues'][0]['plan']['sections'])} sections -> {args.out}")


if __name__ == "__main__":
    main()
