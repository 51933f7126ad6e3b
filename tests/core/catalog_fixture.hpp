// A small valid catalog used by the core's tests: one venue of six seats in two sections.
#pragma once
#include <nlohmann/json.hpp>

inline nlohmann::json small_catalog_json() {
    return nlohmann::json::parse(R"({
  "format": 1,
  "currency": "GBP",
  "price_bands": [ {"id": "A", "name": "Band A", "color": "#b03a48"},
                   {"id": "B", "name": "Band B", "color": "#3a7bb0"} ],
  "ticket_types": [ {"id": "adult", "name": "Adult"}, {"id": "child", "name": "Child"} ],
  "venues": [ { "id": "hall", "name": "Little Hall",
    "plan": { "width": 10, "height": 8, "stage": {"x": 2, "y": 0, "width": 6, "height": 1},
      "sections": [
        { "id": "ST", "name": "Stalls", "level": 0, "label_at": {"x": 5, "y": 2},
          "rows": [ { "name": "A", "seats": [
              {"id": "ST-A-1", "number": "1", "x": 3, "y": 3, "band": "A", "attributes": ["aisle"]},
              {"id": "ST-A-2", "number": "2", "x": 4, "y": 3, "band": "A"},
              {"id": "ST-A-3", "number": "3", "x": 5, "y": 3, "band": "A", "attributes": ["wheelchair"]},
              {"id": "ST-A-4", "number": "4", "x": 6, "y": 3, "band": "A", "attributes": ["companion"]} ] } ] },
        { "id": "CI", "name": "Circle", "level": 1,
          "rows": [ { "name": "A", "seats": [
              {"id": "CI-A-1", "number": "1", "x": 4, "y": 6, "band": "B", "attributes": ["restricted_view", "aisle"]},
              {"id": "CI-A-2", "number": "2", "x": 5, "y": 6, "band": "B"} ] } ] } ] } } ],
  "seasons": [ {"id": "s27", "name": "Season 2027", "starts": "2027-01-11", "ends": "2027-04-11"} ],
  "price_lists": [ {"id": "std", "name": "Standard", "kind": "standard", "prices": [
      {"band": "A", "ticket_type": "adult", "amount": 4500}, {"band": "A", "ticket_type": "child", "amount": 2250},
      {"band": "B", "ticket_type": "adult", "amount": 3000} ] },
    {"id": "mat", "name": "Matinee", "kind": "standard", "prices": [
      {"band": "A", "ticket_type": "adult", "amount": 3500}, {"band": "B", "ticket_type": "adult", "amount": 2000} ] } ],
  "events": [ {"id": "macbeth", "name": "Macbeth", "description": "The Scottish play.", "season": "s27",
               "venue": "hall", "price_list": "std"} ],
  "instances": [
    {"id": "macbeth-2", "event": "macbeth", "starts_at": "2027-01-16T14:30:00Z", "price_list": "mat",
     "on_sale": {"web": "2026-11-01T10:00:00Z"}},
    {"id": "macbeth-1", "event": "macbeth", "starts_at": "2027-01-12T19:30:00Z",
     "on_sale": {"web": "2026-11-01T10:00:00Z", "box_office": "2026-11-01T09:00:00Z"}} ]
})");
}
