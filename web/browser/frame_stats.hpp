// What the seat map benchmark reads: how long each frame's wasm code ran, and when the page first reached each
// step of its start (main, catalog ready, first frame, first frame with seats), on performance.now()'s clock.
#pragma once

namespace web {

// Around the work of one frame (frame_stats_end after the draw data went to WebGL).
void frame_stats_begin();
// When the frame's draw lists are built (ImGui::Render), before they go to WebGL.
void frame_stats_built();
void frame_stats_end(bool drew);
// The first time `step` happens (later calls are ignored): "main", "catalog_ready", "seats_drawn"...
void mark_start_step(const char* step);

}  // namespace web
