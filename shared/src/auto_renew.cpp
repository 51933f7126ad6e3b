// Auto-renewal targets, instants and outcomes of memberships and passes.
#include "encore/auto_renew.hpp"

namespace encore {

namespace {

RuleCheck refuse(std::string code, std::string message) { return {false, std::move(code), std::move(message)}; }

// The channel the product is on sale on at `at` (web first), or nullopt.
std::optional<Channel> on_sale_channel(const std::array<std::optional<Instant>, 2>& on_sale, Instant at) {
    for (Channel ch : all_channels)
        if (const auto& opens = on_sale[static_cast<int>(ch)]; opens && *opens <= at) return ch;
    return std::nullopt;
}

void one_line(AutoRenewal& r, LineKind kind, Channel channel) {
    r.basket.channel = channel;
    BasketLine line;
    line.kind = kind;
    line.product = r.into;
    r.basket.lines.push_back(std::move(line));
}

}  // namespace

RenewalOutcome renewal_outcome(RenewalPayment payment) {
    return payment == RenewalPayment::card_approved ? RenewalOutcome::renewed : RenewalOutcome::invoiced;
}

AutoRenewal membership_renewal(const Catalog& c, const OwnedMembership& held) {
    AutoRenewal r;
    r.from = held.membership;
    r.at = held.ends;
    const Membership* from = c.find_membership(held.membership);
    const Membership* into = from ? c.find_membership(from->renews_into) : nullptr;
    if (!into) {
        r.check = refuse("no_renewal", "the membership \"" + held.membership.value + "\" does not renew");
        return r;
    }
    r.into = into->id;
    const auto channel = on_sale_channel(into->on_sale, r.at);
    auto [starts, ends] = into->valid_period(r.at);
    r.membership = {into->id, std::max(starts, r.at), ends};
    if (!channel) r.check = refuse("renewal_not_on_sale", into->name + " is not on sale when " + from->name + " ends");
    else if (!(r.at < ends)) r.check = refuse("renewal_over", into->name + " is already over when " + from->name + " ends");
    else one_line(r, LineKind::membership, *channel);
    return r;
}

AutoRenewal pass_renewal(const Catalog& c, const OwnedPass& held) {
    AutoRenewal r;
    r.from = held.pass;
    r.at = held.expires_at;
    const FlexPass* from = c.find_pass(held.pass);
    const FlexPass* into = from && !from->renews_into.empty() ? c.find_pass(from->renews_into) : nullptr;
    if (!into) {
        r.check = refuse("no_renewal", "the pass \"" + held.pass.value + "\" does not renew");
        return r;
    }
    r.into = into->id;
    r.pass = {into->id, "", into->expires_at(r.at), {}};
    const auto channel = on_sale_channel(into->on_sale, r.at);
    if (!channel) r.check = refuse("renewal_not_on_sale", into->name + " is not on sale when " + from->name + " expires");
    else if (!(r.at < r.pass.expires_at)) r.check = refuse("renewal_over", into->name + " is already over when " + from->name + " expires");
    else one_line(r, LineKind::pass, *channel);
    return r;
}

RuleCheck check_pass_expiry_change(const Actor& actor, Instant new_expiry, Instant now) {
    if (actor.kind != ActorKind::staff) return refuse("not_allowed", "only the box office can change a pass's expiry");
    if (new_expiry < now) return refuse("out_of_range", "a pass cannot be made to expire in the past");
    return {};
}

}  // namespace encore
