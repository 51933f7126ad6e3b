// Max-weight assignment of tickets to offers with capacities, as a min-cost flow solved by successive
// shortest paths (binary-heap Dijkstra with potentials), stopping when no path lowers the cost.
#include "encore/offer_assignment.hpp"

#include <algorithm>
#include <functional>
#include <limits>

namespace encore {

namespace {

struct Edge {
    int to;
    int capacity;
    std::int64_t cost;
};

class FlowGraph {
public:
    explicit FlowGraph(int nodes) : adjacency_(nodes) {}

    void add(int from, int to, int capacity, std::int64_t cost) {
        adjacency_[from].push_back(static_cast<int>(edges_.size()));
        edges_.push_back({to, capacity, cost});
        adjacency_[to].push_back(static_cast<int>(edges_.size()));
        edges_.push_back({from, 0, -cost});
    }

    // Augments one unit along cheapest source->sink paths while they have negative cost.
    void min_cost_flow(int source, int sink, std::vector<std::int64_t> potential) {
        const int n = static_cast<int>(adjacency_.size());
        constexpr std::int64_t infinity = std::numeric_limits<std::int64_t>::max() / 4;
        std::vector<std::int64_t> distance(n);
        std::vector<int> via_edge(n);
        std::vector<std::pair<std::int64_t, int>> heap;
        for (;;) {
            std::fill(distance.begin(), distance.end(), infinity);
            std::fill(via_edge.begin(), via_edge.end(), -1);
            distance[source] = 0;
            heap.assign(1, {0, source});
            while (!heap.empty()) {
                std::pop_heap(heap.begin(), heap.end(), std::greater<>());
                const auto [d, u] = heap.back();
                heap.pop_back();
                if (d != distance[u]) continue;
                for (int e : adjacency_[u]) {
                    const Edge& edge = edges_[e];
                    if (edge.capacity <= 0) continue;
                    const std::int64_t next = d + edge.cost + potential[u] - potential[edge.to];
                    if (next < distance[edge.to]) {
                        distance[edge.to] = next;
                        via_edge[edge.to] = e;
                        heap.emplace_back(next, edge.to);
                        std::push_heap(heap.begin(), heap.end(), std::greater<>());
                    }
                }
            }
            if (distance[sink] >= infinity) return;
            const std::int64_t path_cost = distance[sink] - potential[source] + potential[sink];
            if (path_cost >= 0) return;
            for (int v = 0; v < n; ++v)
                if (distance[v] < infinity) potential[v] += distance[v];
            for (int v = sink; v != source; v = edges_[via_edge[v] ^ 1].to) {
                edges_[via_edge[v]].capacity -= 1;
                edges_[via_edge[v] ^ 1].capacity += 1;
            }
        }
    }

    const std::vector<int>& out_of(int node) const { return adjacency_[node]; }
    const Edge& edge(int e) const { return edges_[e]; }

private:
    std::vector<std::vector<int>> adjacency_;
    std::vector<Edge> edges_;
};

}  // namespace

OfferAssignment assign_offers(const OfferAssignmentProblem& p) {
    OfferAssignment result;
    result.offer_of_ticket.assign(p.tickets, -1);
    if (p.tickets == 0 || p.offers == 0) return result;

    // Cost of giving offer o to a ticket: -value scaled so any larger total wins, plus o as the tie-break.
    const std::int64_t scale = std::int64_t{p.offers} * p.tickets + 1;
    const int source = 0, first_offer = 1 + p.tickets, sink = first_offer + p.offers;
    FlowGraph graph(sink + 1);
    std::vector<std::int64_t> potential(sink + 1, 0);
    for (int t = 0; t < p.tickets; ++t) graph.add(source, 1 + t, 1, 0);
    // An offer that can take every ticket it applies to never runs out, so for each ticket any edge
    // costing more than its cheapest such offer is never part of an optimal assignment.
    std::vector<int> applicable(p.offers, 0);
    for (int t = 0; t < p.tickets; ++t)
        for (int o = 0; o < p.offers; ++o)
            if (p.value[static_cast<std::size_t>(t) * p.offers + o] > 0) ++applicable[o];
    for (int t = 0; t < p.tickets; ++t) {
        std::int64_t bound = 0;
        for (int o = 0; o < p.offers; ++o) {
            const std::int64_t v = p.value[static_cast<std::size_t>(t) * p.offers + o];
            if (v > 0 && p.capacity[o] >= applicable[o]) bound = std::min(bound, -v * scale + o);
        }
        for (int o = 0; o < p.offers; ++o) {
            const std::int64_t v = p.value[static_cast<std::size_t>(t) * p.offers + o];
            if (v <= 0 || p.capacity[o] <= 0) continue;
            const std::int64_t cost = -v * scale + o;
            if (bound < 0 && cost > bound) continue;
            graph.add(1 + t, first_offer + o, 1, cost);
            potential[first_offer + o] = std::min(potential[first_offer + o], cost);
        }
    }
    for (int o = 0; o < p.offers; ++o) {
        graph.add(first_offer + o, sink, p.capacity[o] > 0 ? p.capacity[o] : 0, 0);
        potential[sink] = std::min(potential[sink], potential[first_offer + o]);
    }
    graph.min_cost_flow(source, sink, potential);

    for (int t = 0; t < p.tickets; ++t)
        for (int e : graph.out_of(1 + t)) {
            const Edge& edge = graph.edge(e);
            if (edge.to >= first_offer && edge.to < sink && edge.capacity == 0 && (e % 2) == 0) {
                const int o = edge.to - first_offer;
                result.offer_of_ticket[t] = o;
                result.total += p.value[static_cast<std::size_t>(t) * p.offers + o];
            }
        }
    return result;
}

}  // namespace encore
