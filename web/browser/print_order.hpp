// The printable copy of an order: a plain HTML summary (print-only; the canvas is not printed) filled from the
// order's words (logic/order_summary.hpp), then the browser's print dialog.
#pragma once
#include "logic/order_summary.hpp"

namespace web {

// Replaces the page's print summary with this order's and opens the print dialog.
void print_order(const OrderSummary& summary);

}  // namespace web
