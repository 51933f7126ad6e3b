// Builds <section id="encore-print"> from the summary (text only, never HTML from data) and calls print().
#include "browser/print_order.hpp"

#include <emscripten/emscripten.h>

#include <nlohmann/json.hpp>

namespace {

EM_JS(void, js_print_order, (const char* json), {
    var o = JSON.parse(UTF8ToString(json));
    var old = document.getElementById('encore-print');
    if (old) old.remove();
    var root = document.createElement('section');
    root.id = 'encore-print';
    var add = function (parent, tag, text, cls) {
        var el = document.createElement(tag);
        if (text !== undefined && text !== null) el.textContent = text;
        if (cls) el.className = cls;
        parent.appendChild(el);
        return el;
    };
    add(root, 'p', 'Encore · Box office', 'brand');
    add(root, 'h1', 'Order ' + o.reference);
    add(root, 'p', o.status, 'status');
    if (o.placed) add(root, 'p', o.placed);
    o.performances.forEach(function (p) {
        add(root, 'h2', p.title);
        add(root, 'p', p.when + (p.venue ? ' · ' + p.venue : ""));
        var table = add(root, 'table');
        p.tickets.forEach(function (t) {
            var tr = add(table, 'tr');
            add(tr, 'td', t.seat); add(tr, 'td', t.ticket_type); add(tr, 'td', t.price, 'money'); add(tr, 'td', t.note, 'note');
        });
    });
    var rows = o.products.concat(o.fees);
    if (rows.length) {
        var table = add(root, 'table', null, 'rows');
        rows.forEach(function (r) {
            var tr = add(table, 'tr');
            add(tr, 'td', r.label + (r.detail ? ' — ' + r.detail : "")); add(tr, 'td', r.amount, 'money');
        });
    }
    add(root, 'p', 'Total ' + o.total, 'total');
    if (o.payment) add(root, 'p', o.payment);
    if (o.invoice) {
        add(root, 'h2', 'Invoice ' + o.invoice.number);
        add(root, 'p', o.invoice.status + (o.invoice.due ? ' · due ' + o.invoice.due : ""));
        if (o.invoice.how_to_pay) add(root, 'p', o.invoice.how_to_pay);
    }
    document.body.appendChild(root);
    Module['encorePrinted'] = (Module['encorePrinted'] || 0) + 1;
    setTimeout(function () { window.print(); }, 0);
});

}  // namespace

namespace web {

void print_order(const OrderSummary& s) {
    nlohmann::json performances = nlohmann::json::array(), products = nlohmann::json::array(), fees = nlohmann::json::array();
    for (const OrderPerformance& p : s.performances) {
        nlohmann::json tickets = nlohmann::json::array();
        for (const OrderTicket& t : p.tickets)
            tickets.push_back({{"seat", t.seat}, {"ticket_type", t.ticket_type}, {"price", t.price}, {"note", t.note}});
        performances.push_back({{"title", p.title}, {"when", p.when}, {"venue", p.venue}, {"tickets", tickets}});
    }
    for (const OrderRow& r : s.products) products.push_back({{"label", r.label}, {"amount", r.amount}, {"detail", r.detail}});
    for (const OrderRow& r : s.fees) fees.push_back({{"label", r.label}, {"amount", r.amount}, {"detail", r.detail}});
    nlohmann::json doc = {{"reference", s.reference}, {"status", s.status}, {"placed", s.placed}, {"performances", performances},
                          {"products", products}, {"fees", fees}, {"total", s.total}, {"payment", s.payment}, {"invoice", nullptr}};
    if (s.invoice)
        doc["invoice"] = {{"number", s.invoice->number}, {"status", s.invoice->status}, {"due", s.invoice->due},
                          {"how_to_pay", s.invoice->how_to_pay}};
    js_print_order(doc.dump().c_str());
}

}  // namespace web
