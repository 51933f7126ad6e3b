// Dear ImGui compile-time configuration for Encore's web client (included via IMGUI_USER_CONFIG).
#pragma once
#define ImDrawIdx unsigned int           // a zoomed seat map exceeds 64K vertices per draw list
#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
#define IMGUI_DISABLE_DEMO_WINDOWS
