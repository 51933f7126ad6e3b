// Frame times in a ring of the last 2,048 drawn frames, the start steps, and the exports that hand them to the
// benchmark page (encore_frame_stats_json, encore_frame_stats_reset).
#include "browser/frame_stats.hpp"

#include <emscripten/emscripten.h>

#include <array>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace {

std::array<double, 2048> g_frame_ms{}, g_build_ms{};
std::size_t g_frames = 0;
double g_begin = 0, g_built = 0;
std::vector<std::pair<std::string, double>> g_steps;
std::string g_out;

}  // namespace

namespace web {

void frame_stats_begin() { g_begin = g_built = emscripten_get_now(); }

void frame_stats_built() { g_built = emscripten_get_now(); }

void frame_stats_end(bool drew) {
    if (!drew) return;
    g_frame_ms[g_frames % g_frame_ms.size()] = emscripten_get_now() - g_begin;
    g_build_ms[g_frames % g_build_ms.size()] = g_built - g_begin;
    ++g_frames;
}

void mark_start_step(const char* step) {
    for (const auto& s : g_steps)
        if (s.first == step) return;
    g_steps.emplace_back(step, emscripten_get_now());
}

}  // namespace web

extern "C" {

// {"frames": [ms of each drawn frame since the last reset, oldest first (at most 2,048)], "built": [ms of the same
// frames until their draw lists were built, before WebGL], "steps": {"main": ms, ...}}
EMSCRIPTEN_KEEPALIVE const char* encore_frame_stats_json() {
    nlohmann::json frames = nlohmann::json::array(), built = nlohmann::json::array();
    std::size_t n = std::min(g_frames, g_frame_ms.size());
    for (std::size_t i = g_frames - n; i < g_frames; ++i) {
        frames.push_back(g_frame_ms[i % g_frame_ms.size()]);
        built.push_back(g_build_ms[i % g_build_ms.size()]);
    }
    nlohmann::json steps = nlohmann::json::object();
    for (const auto& s : g_steps) steps[s.first] = s.second;
    g_out = nlohmann::json{{"frames", frames}, {"built", built}, {"steps", steps}}.dump();
    return g_out.c_str();
}

EMSCRIPTEN_KEEPALIVE void encore_frame_stats_reset() { g_frames = 0; }

}  // extern "C"
