// Three charts from app.staff.campaign: bars of the chosen package's records by status, the funnel of those
// asked to renew (renewed, still pending, declined, lapsed, not renewed) as one split bar, and a line per status
// over the campaign's days with each key date as a labelled vertical line.
#include "ui/campaign_dashboard.hpp"

#include <algorithm>
#include <string>

#include "logic/staff_client.hpp"
#include "logic/staff_words.hpp"
#include "ui/staff_widgets.hpp"
#include "ui/theme.hpp"
#include "ui/ui_helpers.hpp"

namespace web {

namespace {

ImU32 status_colour(const std::string& status) {
    if (status == "New") return IM_COL32(120, 150, 210, 255);
    if (status == "Pending") return theme::accent;
    if (status == "Renewed") return theme::on_sale;
    if (status == "Lapsed") return IM_COL32(235, 140, 70, 255);
    if (status == "Declined") return theme::error;
    if (status == "NonRenewed") return IM_COL32(168, 122, 232, 255);
    return theme::not_on_sale;
}

int count_of(const std::vector<std::pair<std::string, int>>& statuses, const std::string& status) {
    for (const auto& [s, n] : statuses)
        if (s == status) return n;
    return 0;
}

const CampaignPackage* chosen_package(const CampaignState& c) {
    for (const CampaignPackage& p : c.packages)
        if (p.id == c.package) return &p;
    return nullptr;
}

void chart_title(ImDrawList* dl, const Rect& r, const char* text) {
    dl->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.x + r.w, r.y + r.h), theme::panel, theme::px(8));
    ImFont* f = theme::fonts().bold;
    dl->AddText(f, f->FontSize, ImVec2(r.x + theme::px(14), r.y + theme::px(10)), theme::text, text);
}

void status_bars(ImDrawList* dl, const Rect& r, const CampaignPackage& p) {
    chart_title(dl, r, "Subscribers by status");
    ImFont* f = theme::fonts().body;
    const float top = r.y + theme::px(40), label_w = theme::px(110), value_w = theme::px(56);
    const float row_h = std::min(theme::px(30), (r.h - theme::px(52)) / static_cast<float>(staff_status_order().size()));
    int most = 1;
    for (const auto& [s, n] : p.statuses) most = std::max(most, n);
    float y = top;
    for (const std::string& status : staff_status_order()) {
        const int n = count_of(p.statuses, status);
        const std::string label = staff_status_words(status);
        dl->AddText(f, f->FontSize, ImVec2(r.x + theme::px(14), y + (row_h - f->FontSize) / 2), theme::text_muted, label.c_str());
        const float x0 = r.x + theme::px(14) + label_w, full = r.w - theme::px(28) - label_w - value_w;
        dl->AddRectFilled(ImVec2(x0, y + row_h * 0.2f), ImVec2(x0 + full, y + row_h * 0.8f), theme::panel_raised, theme::px(3));
        if (n > 0)
            dl->AddRectFilled(ImVec2(x0, y + row_h * 0.2f), ImVec2(x0 + std::max(theme::px(2), full * n / most), y + row_h * 0.8f),
                              status_colour(status), theme::px(3));
        const std::string value = std::to_string(n);
        dl->AddText(f, f->FontSize, ImVec2(x0 + full + theme::px(8), y + (row_h - f->FontSize) / 2), theme::text, value.c_str());
        y += row_h;
    }
}

void funnel(ImDrawList* dl, const Rect& r, const CampaignPackage& p) {
    chart_title(dl, r, "Funnel: Pending to Renewed");
    ImFont* f = theme::fonts().body;
    ImFont* big = theme::fonts().title;
    const std::string words = staff_funnel_words(p.statuses);
    dl->AddText(big, big->FontSize, ImVec2(r.x + theme::px(14), r.y + theme::px(40)), theme::text, words.c_str());
    const char* parts[] = {"Renewed", "Pending", "Declined", "Lapsed", "NonRenewed"};
    int prompted = 0;
    for (const char* s : parts) prompted += count_of(p.statuses, s);
    const float x0 = r.x + theme::px(14), w = r.w - theme::px(28), y0 = r.y + theme::px(80), h = theme::px(34);
    dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x0 + w, y0 + h), theme::panel_raised, theme::px(4));
    float x = x0;
    for (const char* s : parts) {
        const int n = count_of(p.statuses, s);
        if (n == 0 || prompted == 0) continue;
        const float seg = w * n / prompted;
        dl->AddRectFilled(ImVec2(x, y0), ImVec2(x + seg, y0 + h), status_colour(s));
        x += seg;
    }
    // The key: each part with its count, two to a line.
    float ky = y0 + h + theme::px(12), kx = x0;
    for (const char* s : parts) {
        const std::string item = staff_status_words(s) + " " + std::to_string(count_of(p.statuses, s));
        const float iw = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, item.c_str()).x + theme::px(30);
        if (kx + iw > x0 + w) kx = x0, ky += f->FontSize + theme::px(8);
        dl->AddRectFilled(ImVec2(kx, ky + theme::px(3)), ImVec2(kx + theme::px(12), ky + theme::px(15)), status_colour(s), theme::px(2));
        dl->AddText(f, f->FontSize, ImVec2(kx + theme::px(18), ky), theme::text_muted, item.c_str());
        kx += iw;
    }
}

void days_chart(ImDrawList* dl, const Rect& r, const CampaignState& c) {
    chart_title(dl, r, "Day by day");
    ImFont* f = theme::fonts().small;
    if (c.days.size() < 2) {
        dl->AddText(f, f->FontSize, ImVec2(r.x + theme::px(14), r.y + theme::px(40)), theme::text_muted, "Not enough days to chart yet.");
        return;
    }
    const float left = r.x + theme::px(48), right = r.x + r.w - theme::px(16);
    const float top = r.y + theme::px(64), bottom = r.y + r.h - theme::px(30);
    int most = 1;
    for (const CampaignDay& d : c.days)
        for (const auto& [s, n] : d.statuses) most = std::max(most, n);
    const float n_days = static_cast<float>(c.days.size() - 1);
    auto x_of = [&](std::size_t i) { return left + (right - left) * static_cast<float>(i) / n_days; };
    auto y_of = [&](int n) { return bottom - (bottom - top) * static_cast<float>(n) / static_cast<float>(most); };
    // Grid and axis labels.
    for (int k = 0; k <= 4; ++k) {
        const int v = most * k / 4;
        const float y = y_of(v);
        dl->AddLine(ImVec2(left, y), ImVec2(right, y), theme::border);
        const std::string t = std::to_string(v);
        dl->AddText(f, f->FontSize, ImVec2(r.x + theme::px(10), y - f->FontSize / 2), theme::text_faint, t.c_str());
    }
    dl->AddText(f, f->FontSize, ImVec2(left, bottom + theme::px(8)), theme::text_faint, c.days.front().day.c_str());
    const float last_w = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, c.days.back().day.c_str()).x;
    dl->AddText(f, f->FontSize, ImVec2(right - last_w, bottom + theme::px(8)), theme::text_faint, c.days.back().day.c_str());
    // Key dates: a vertical line at each one inside the span, named at the top (staggered so names do not overlap).
    int shown = 0;
    for (const auto& key : c.key_dates) {
        const std::string& name = key.first;
        const std::string& day = key.second;
        auto it = std::find_if(c.days.begin(), c.days.end(), [&day](const CampaignDay& d) { return d.day == day; });
        if (it == c.days.end()) continue;
        const float x = x_of(static_cast<std::size_t>(it - c.days.begin()));
        for (float y = top - theme::px(4); y < bottom; y += theme::px(8)) dl->AddLine(ImVec2(x, y), ImVec2(x, std::min(bottom, y + theme::px(4))), theme::text_muted);
        const std::string label = name + " " + day.substr(5);
        const float lw = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, label.c_str()).x;
        const float lx = std::clamp(x - lw / 2, left, right - lw);
        dl->AddText(f, f->FontSize, ImVec2(lx, r.y + theme::px(34) + static_cast<float>(shown % 2) * (f->FontSize + theme::px(2))), theme::text, label.c_str());
        ++shown;
    }
    // One line per status that ever had a record.
    for (const std::string& status : staff_status_order()) {
        bool any = false;
        for (const CampaignDay& d : c.days) any = any || count_of(d.statuses, status) > 0;
        if (!any) continue;
        std::vector<ImVec2> points;
        for (std::size_t i = 0; i < c.days.size(); ++i) points.emplace_back(x_of(i), y_of(count_of(c.days[i].statuses, status)));
        dl->AddPolyline(points.data(), static_cast<int>(points.size()), status_colour(status), 0, theme::px(2.5f));
        const std::string label = staff_status_words(status);
        dl->AddText(f, f->FontSize, ImVec2(points.back().x - f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, label.c_str()).x,
                                           points.back().y - f->FontSize - theme::px(2)),
                    status_colour(status), label.c_str());
    }
}

}  // namespace

void draw_campaign_dashboard(AppState& app, Services& services, const Rect& area) {
    CampaignState& c = app.staff.campaign;
    if (!c.loaded && !c.loading && c.error.empty()) staff_load_campaign(app, services);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(theme::px(18), theme::px(14)));
    begin_panel("##campaign", area, theme::background);
    const CampaignPackage* p = chosen_package(c);
    ImGui::PushFont(theme::fonts().title);
    ImGui::TextUnformatted(p ? ("Renewal campaign · " + p->name).c_str() : "Renewal campaign");
    ImGui::PopFont();
    remember_widget("campaign_title");
    std::string as_of = c.now.size() >= 16 ? "As of " + c.now.substr(0, 10) + " " + c.now.substr(11, 5) + " UTC" : c.now;
    wrapped_text(c.loading ? "Reading the campaign…" : as_of, theme::text_muted);
    const float bw = theme::px(150);
    ImGui::SetCursorScreenPos(ImVec2(area.x + area.w - bw - theme::px(18), area.y + theme::px(14)));
    if (staff_button("Refresh", "campaign_refresh", bw, false, !c.loading)) staff_load_campaign(app, services);
    ImGui::SetCursorScreenPos(ImVec2(area.x + theme::px(18), area.y + theme::px(76)));
    if (c.packages.size() > 1) {
        for (std::size_t i = 0; i < c.packages.size(); ++i) {
            if (i) ImGui::SameLine();
            const CampaignPackage& pkg = c.packages[i];
            std::string label = pkg.name + " (" + std::to_string(pkg.subscribers) + ")##pkg" + std::to_string(i);
            if (staff_choice(label.c_str(), ("campaign_package_" + pkg.id).c_str(), pkg.id == c.package, theme::px(260)) && pkg.id != c.package) {
                c.package = pkg.id;
                staff_load_campaign(app, services);
            }
        }
    }
    if (!c.error.empty()) wrapped_text(c.error, theme::error);
    const float y0 = ImGui::GetCursorScreenPos().y + theme::px(8);
    ImGui::End();
    ImGui::PopStyleVar();
    if (!p) return;
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const float pad = theme::px(18), sp = theme::px(14);
    const Rect inner{area.x + pad, y0, area.w - 2 * pad, area.y + area.h - pad - y0};
    const bool landscape = area.w > area.h;
    if (landscape) {
        const float top_h = std::min(inner.h * 0.45f, theme::px(290));
        const float half = (inner.w - sp) / 2;
        status_bars(dl, {inner.x, inner.y, half, top_h}, *p);
        funnel(dl, {inner.x + half + sp, inner.y, half, top_h}, *p);
        days_chart(dl, {inner.x, inner.y + top_h + sp, inner.w, inner.h - top_h - sp}, c);
    } else {
        const float h1 = std::min(inner.h * 0.3f, theme::px(270)), h2 = std::min(inner.h * 0.22f, theme::px(180));
        status_bars(dl, {inner.x, inner.y, inner.w, h1}, *p);
        funnel(dl, {inner.x, inner.y + h1 + sp, inner.w, h2}, *p);
        days_chart(dl, {inner.x, inner.y + h1 + h2 + 2 * sp, inner.w, inner.h - h1 - h2 - 2 * sp}, c);
    }
}

}  // namespace web
