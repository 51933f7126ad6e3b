// Membership and pass renewals written as orders through the order writer.
#include "renewals/holding_renewal.hpp"

#include "encore/auto_renew.hpp"
#include "encore/pricing.hpp"
#include "store/account_store.hpp"
#include "store/customer_record.hpp"
#include "store/order_rows.hpp"
#include "store/order_view.hpp"
#include "store/payments.hpp"
#include "store/seat_limits.hpp"

namespace encore::server {

void renew_holding(db::Connection& db, const Catalog& catalog, const DueHolding& holding, int invoice_days) {
    const AutoRenewal renewal = holding.membership
                                    ? membership_renewal(catalog, {holding.product, holding.starts, holding.ends})
                                    : pass_renewal(catalog, {holding.product, holding.code, holding.ends, {}});
    if (!renewal.check.ok) return mark_holding_renewal(db, holding, "none: " + renewal.check.code);
    const auto account = find_account(db, holding.account_id);
    const Customer customer = load_customer(db, holding.account_id, account ? account->tags : std::vector<std::string>{});
    const PricedBasket priced = price_basket(catalog, renewal.basket, customer, renewal.at, load_offer_usage(db));
    if (!priced.valid) return mark_holding_renewal(db, holding, "none: not_priced");

    std::string card = holding.card_token;
    if (card.empty()) card = latest_card(db, holding.account_id).value_or("");
    const RenewalPayment paid = card.empty() ? RenewalPayment::no_card
                                : TestCardProvider(db).charge(holding.account_id, card, priced.total, "").approved
                                    ? RenewalPayment::card_approved
                                    : RenewalPayment::card_declined;
    const bool renewed = renewal_outcome(paid) == RenewalOutcome::renewed;
    const std::vector<std::string> no_holds;
    const OrderDraft draft{holding.account_id, renewal.basket, priced, no_holds,
                           renewed ? PaymentMethod::card : PaymentMethod::invoice, renewed ? card : std::string(),
                           renewal.at, invoice_days, account_owner(holding.account_id), 0};
    const OrderWrite written = write_order(db, catalog, draft);
    const auto* order = std::get_if<OrderWritten>(&written);
    if (!order) return mark_holding_renewal(db, holding, "none: payment_refused");
    const std::string reference = order_json(db, order->order_id).value("reference", std::string());
    mark_holding_renewal(db, holding, (renewed ? "renewed " : "invoiced ") + reference);
}

}  // namespace encore::server
