// What the page keeps around the seat map and the basket: HTML text fields and the sign-in form, the basket
// remembered across reloads, links in the address bar, the order view, the notice's lifetime, the seat preview
// of touch screens, the "What's on" filter, the map's keyboard and screen-reader access, and the
// conversation with a venue's page when embedded. Each part has its own header and state machine.
#pragma once
#include "logic/basket_memory.hpp"
#include "logic/embed.hpp"
#include "logic/event_filter.hpp"
#include "logic/links.hpp"
#include "logic/map_access_state.hpp"
#include "logic/notices.hpp"
#include "logic/order_view.hpp"
#include "logic/seat_preview.hpp"
#include "logic/sign_in_form.hpp"
#include "logic/text_fields.hpp"

namespace web {

struct PageState {
    TextFieldsState fields;
    SignInForm sign_in;
    BasketMemory memory;
    LinkState links;
    OrderViewState order;
    NoticeState notice;
    SeatPreviewState preview;
    EventFilter filter;
    EmbedState embed;  // on a venue's site (embed.hpp)
    MapAccessState access;  // the map from the keyboard and for screen readers (map_keyboard, step_through)
};

}  // namespace web
