// The client's state and the browser services, created on first use and kept for the page's life.
#include "browser/page.hpp"

#include "browser/fetch_http_client.hpp"
#include "browser/local_storage.hpp"
#include "browser/random_uuid.hpp"

namespace web {

AppState& the_app() {
    static AppState app;
    return app;
}

Services& page_services() {
    static FetchHttpClient http;
    static LocalStorage storage;
    static Services services{http, storage, random_uuid};
    return services;
}

}  // namespace web
