// Starts Encore's web client: a GLFW window on the page's canvas with a WebGL2 context, Dear ImGui, the
// browser's input (wheel, touch), and the frame loop that runs the logic, lays out and draws the box office.
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>

#include "browser/canvas_size.hpp"
#include "browser/cursor.hpp"
#include "browser/embed_bridge.hpp"
#include "browser/frame_loop.hpp"
#include "browser/frame_stats.hpp"
#include "browser/html_fields.hpp"
#include "browser/map_access.hpp"
#include "browser/page.hpp"
#include "browser/page_lifecycle.hpp"
#include "browser/page_links.hpp"
#include "browser/redraw.hpp"
#include "browser/test_exports.hpp"
#include "browser/touch_input.hpp"
#include "browser/wheel_input.hpp"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "logic/embed.hpp"
#include "logic/hold_client.hpp"
#include "logic/layout.hpp"
#include "logic/map_source.hpp"
#include "logic/tick.hpp"
#include "logic/series_map.hpp"
#include "logic/staff_client.hpp"
#include "ui/account_panel.hpp"
#include "ui/account_view.hpp"
#include "ui/best_available_panel.hpp"
#include "ui/checkout_panel.hpp"
#include "ui/events_panel.hpp"
#include "ui/notice_banner.hpp"
#include "ui/order_view_panel.hpp"
#include "ui/page_chrome.hpp"
#include "ui/pointer_input.hpp"
#include "ui/season_panel.hpp"
#include "ui/seat_map_view.hpp"
#include "ui/seat_preview_card.hpp"
#include "ui/side_panel.hpp"
#include "ui/staff_view.hpp"
#include "ui/theme.hpp"

namespace {

GLFWwindow* g_window = nullptr;
bool g_fonts_uploaded_once = false;
double g_style_dpr = 0;  // dpr the fonts and style were built for

// The CSS cursor for the one ImGui asks for.
const char* css_cursor(ImGuiMouseCursor shape) {
    static const char* const names[] = {"default", "text", "grabbing", "ns-resize", "ew-resize",
                                        "nesw-resize", "nwse-resize", "pointer", "not-allowed"};
    if (shape < 0) return "none";
    return shape < static_cast<int>(sizeof names / sizeof names[0]) ? names[shape] : "default";
}

void on_cursor_pos(GLFWwindow*, double, double) { web::note_mouse_moved(); }

// The customer's pages: tabs, a performance's or a series' map, the season view, the account, the basket, and the
// windows over them (checkout, order, account). Embedded on a venue's site, without the top bar.
void draw_customer_pages(web::AppState& app, web::Services& services, const web::CanvasSize& size) {
    const bool embedded = app.page.embed.settings.embedded;  // the venue's page is the chrome
    web::Layout layout = web::compute_layout(size, !embedded);
    if (!embedded) web::draw_top_bar(app, services, layout.top_bar);
    // The header and map area: a performance's map, a series' composite map, a product's details, or the account.
    web::Rect stage_area{layout.header.x, layout.header.y, layout.header.w, layout.map.y + layout.map.h - layout.header.y};
    switch (app.season.view) {
        case web::MainView::events:
            web::draw_events_panel(app, layout.events, layout.kind);
            web::draw_map_header(app, layout.header, layout.kind);
            web::draw_seat_map(app, layout.map);
            web::draw_best_available(app, layout.map, layout.kind);
            break;
        case web::MainView::season:
            web::draw_season_panel(app, layout.events, layout.kind);
            if (web::series_map_shown(app)) {
                web::draw_series_header(app, layout.header, layout.kind);
                web::draw_seat_map(app, layout.map);
                web::draw_best_available(app, layout.map, layout.kind);
            } else {
                web::draw_product_details(app, stage_area);
            }
            break;
        case web::MainView::account: {
            web::Rect whole = layout.kind == web::LayoutKind::narrow
                                  ? web::Rect{layout.events.x, layout.events.y, layout.events.w, stage_area.y + stage_area.h - layout.events.y}
                                  : web::Rect{layout.events.x, layout.events.y, stage_area.x + stage_area.w - layout.events.x, layout.events.h};
            if (layout.kind == web::LayoutKind::medium) whole.h = stage_area.y + stage_area.h - layout.events.y;
            web::draw_account_view(app, services, whole);
            break;
        }
    }
    web::draw_side_panel(app, layout.side, layout.kind);
    web::draw_catalog_status(app, layout.map);
    // The checkout floats over the map; on tablets and phones from the header down (it may cover the basket).
    web::Rect stage = layout.kind == web::LayoutKind::wide
                          ? layout.map
                          : web::Rect{layout.header.x, layout.header.y, layout.header.w, static_cast<float>(size.height) - layout.header.y};
    web::draw_checkout_window(app, services, stage);
    web::draw_order_view(app, services, stage);
    web::draw_account_window(app, services, layout.map);
    const float below_notice = web::draw_notice_banner(app, layout.map);
    web::draw_seat_preview_card(app, layout, below_notice);
}

void frame() {
    web::frame_stats_begin();
    web::AppState& app = web::the_app();
    const web::CanvasSize& size = web::follow_canvas_size();
    app.dpr = size.dpr;
    if (size.dpr != g_style_dpr) {
        g_style_dpr = size.dpr;
        web::mark_start_step("fonts_start");
        web::theme::apply(static_cast<float>(size.dpr));
        web::mark_start_step("fonts_built");
        if (g_fonts_uploaded_once) {
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
    }
    if (size.resized || size.dpr_changed) web::request_redraw();
    web::take_page_address(app);
    web::tick(app, web::page_services(), {.wall_ms = web::wall_clock_ms(), .monotonic_ms = web::monotonic_ms()});
    web::pump_embed(app, web::page_services(), size.css_width);
    web::post_embed_messages(app);
    web::sync_map_access(app);  // the live region and the step-through list, drawn or not
    if (app.phase == web::Phase::ready) web::mark_start_step("catalog_ready");
    if (web::map_loaded(app)) web::mark_start_step("availability_ready");
    if (!web::should_draw(web::monotonic_ms())) {
        web::frame_stats_end(false);
        return;
    }

    ImGui_ImplOpenGL3_NewFrame();
    web::mark_start_step("font_texture_uploaded");
    g_fonts_uploaded_once = true;
    ImGui_ImplGlfw_NewFrame();
    web::feed_browser_input();
    ImGui::NewFrame();
    const ImGuiIO& io = ImGui::GetIO();
    if (io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || io.MouseDown[0] || io.MouseWheel != 0 || !io.InputQueueCharacters.empty())
        web::note_activity(app, web::monotonic_ms());
    web::begin_widget_frame();
    web::begin_fields_frame(app.page.fields);

    web::Services& services = web::page_services();
    if (web::staff_mode(app)) {  // staff and admins: the counter and the campaign, nothing of the customer's pages
        web::draw_staff_view(app, services, size);
        web::draw_notice_banner(app, web::Rect{0, 0, static_cast<float>(size.width), static_cast<float>(size.height)});
    } else {
        draw_customer_pages(app, services, size);
    }

    ImGui::Render();
    web::frame_stats_built();
    web::set_canvas_cursor(css_cursor(ImGui::GetMouseCursor()));
    glViewport(0, 0, size.width, size.height);
    ImVec4 bg = ImGui::ColorConvertU32ToFloat4(web::theme::background);
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    web::end_fields_frame(app.page.fields);
    web::sync_html_fields(app.page.fields);  // the real inputs follow the boxes just drawn
    web::write_page_address(app);
    web::note_frame_drawn();
    web::mark_start_step("first_frame");
    if (web::map_loaded(app) && app.season.view == web::MainView::events) web::mark_start_step("seats_drawn");
    web::frame_stats_end(true);
}

}  // namespace

int main() {
    web::mark_start_step("main");
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
    glfwSetScrollCallback(g_window, nullptr);  // the browser's wheel handler knows the delta's unit
    glfwSetCursorPosCallback(g_window, on_cursor_pos);
    web::install_wheel_handler();
    web::install_touch_handlers();
    web::install_redraw_wakers();
    web::install_html_fields();
    web::install_map_access();
    web::install_page_links(web::the_app());
    web::install_page_lifecycle();
    web::install_embed_bridge(web::the_app());
    if (web::the_app().page.embed.settings.theme == web::Theme::light) web::theme::use_light_palette();

    web::run_frame_loop(frame);
    return 0;
}
