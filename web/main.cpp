// Starts Encore's web client: a GLFW window on the page's canvas with a WebGL2 context, Dear ImGui,
// input hooks (wheel, touch), and the frame loop that fetches, keeps holds alive, lays out and draws the box office.
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include <cmath>

#include "account_client.hpp"
#include "api_client.hpp"
#include "app_state.hpp"
#include "canvas_size.hpp"
#include "hold_client.hpp"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "layout.hpp"
#include "panels.hpp"
#include "redraw.hpp"
#include "seat_map_view.hpp"
#include "theme.hpp"
#include "touch_input.hpp"
#include "widget_registry.hpp"

namespace {

GLFWwindow* g_window = nullptr;
int g_frames = 0;
bool g_fonts_uploaded_once = false;
double g_style_dpr = 0;  // dpr the fonts and style were built for

// The mouse cursor ImGui asks for, as CSS (Emscripten's GLFW has no cursor shapes).
EM_JS(void, js_set_cursor, (int shape), {
    var names = ['default', 'text', 'grabbing', 'ns-resize', 'ew-resize', 'nesw-resize', 'nwse-resize', 'pointer', 'not-allowed'];
    var c = shape < 0 ? 'none' : (names[shape] || 'default');
    if (Module['canvas'].style.cursor !== c) Module['canvas'].style.cursor = c;
});

// Wheel with its deltaMode (GLFW's port drops it): ImGui gets notches, positive = away from the user.
EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    double unit = e->deltaMode == DOM_DELTA_PIXEL ? 100.0 : e->deltaMode == DOM_DELTA_LINE ? 3.0 : 1.0;
    ImGuiIO& io = ImGui::GetIO();
    io.MouseWheel += static_cast<float>(-e->deltaY / unit);
    io.MouseWheelH += static_cast<float>(-e->deltaX / unit);
    return EM_TRUE;  // the page itself never scrolls
}

void on_cursor_pos(GLFWwindow*, double, double) { web::note_mouse_moved(); }

void frame() {
    web::AppState& app = web::the_app();
    app.now = encore::Instant{static_cast<std::int64_t>(std::floor(emscripten_date_now() / 1000.0))};
    const web::CanvasSize& size = web::follow_canvas_size();
    app.dpr = size.dpr;
    if (size.dpr != g_style_dpr) {
        g_style_dpr = size.dpr;
        web::theme::apply(static_cast<float>(size.dpr));
        if (g_fonts_uploaded_once) {
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
    }
    if (size.resized || size.dpr_changed) web::request_redraw();
    web::restore_session(app);
    web::pump_requests(app);
    web::pump_holds(app, emscripten_get_now());
    if (!web::should_draw(emscripten_get_now())) return;

    ImGui_ImplOpenGL3_NewFrame();
    g_fonts_uploaded_once = true;
    ImGui_ImplGlfw_NewFrame();
    web::apply_touch_to_imgui();
    ImGui::NewFrame();
    const ImGuiIO& io = ImGui::GetIO();
    if (io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || io.MouseDown[0] || io.MouseWheel != 0 || !io.InputQueueCharacters.empty())
        web::note_activity(app, emscripten_get_now());
    web::begin_widget_frame();

    web::Layout layout = web::compute_layout(size);
    web::draw_top_bar(app, layout.top_bar);
    web::draw_events_panel(app, layout.events, layout.kind);
    web::draw_map_header(app, layout.header, layout.kind);
    web::draw_seat_map(app, layout.map);
    web::draw_side_panel(app, layout.side, layout.kind);
    web::draw_catalog_status(app, layout.map);
    // The checkout floats over the map; on tablets and phones from the header down (it may cover the basket).
    web::Rect stage = layout.kind == web::LayoutKind::wide
                          ? layout.map
                          : web::Rect{layout.header.x, layout.header.y, layout.header.w, static_cast<float>(size.height) - layout.header.y};
    web::draw_checkout_window(app, stage);
    web::draw_account_window(app, layout.map);

    ImGui::Render();
    js_set_cursor(ImGui::GetMouseCursor());
    glViewport(0, 0, size.width, size.height);
    ImVec4 bg = ImGui::ColorConvertU32ToFloat4(web::theme::background);
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    ++g_frames;
}

}  // namespace

namespace web {
// Frames drawn so far (read by test_exports.cpp).
int frames_drawn() { return g_frames; }
}  // namespace web

int main() {
    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    const web::CanvasSize& size = web::follow_canvas_size();
    g_window = glfwCreateWindow(size.width, size.height, "Encore", nullptr, nullptr);
    if (!g_window) return 1;
    glfwMakeContextCurrent(g_window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.ConfigWindowsMoveFromTitleBarOnly = true;
    ImGui_ImplGlfw_InitForOpenGL(g_window, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    glfwSetScrollCallback(g_window, nullptr);  // the html5 wheel callback below knows the delta's unit
    glfwSetCursorPosCallback(g_window, on_cursor_pos);
    emscripten_set_wheel_callback("#canvas", nullptr, EM_TRUE, on_wheel);
    web::install_touch_handlers();
    web::install_redraw_wakers();

    emscripten_set_main_loop(frame, 0, 1);
    return 0;
}
