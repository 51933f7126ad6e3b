// Encore's web client start-up, before encore.js: the catalog asked for early, the page's theme and embedding classes from the address, the
// key filter for the page's text fields, the canvas's context menu, and Module (global, for the tests).
// A file, not an inline script: the Content-Security-Policy allows no inline script.
(function () {
  var query = new URLSearchParams(window.location.search);
  if (query.get('theme') === 'light') document.documentElement.classList.add('encore-light');
  if (query.get('embed') === '1') document.documentElement.classList.add('encore-embedded');
})();
// The catalog is asked for now, while encore.wasm downloads and compiles; the client's first GET /api/catalog
// takes this answer (web/browser/fetch_http_client).
window.encoreEarly = { '/api/catalog': fetch('/api/catalog', { headers: { 'Accept': 'application/json' }, cache: 'no-store' }) };
// Keys typed into the page's text fields (and the map's keyboard elements) are theirs: Emscripten's GLFW listens for keys on window and would
// take Backspace and Tab away from them (preventDefault). Key listeners added to window from here on (GLFW's,
// in encore.js) do not see keys aimed at a field; the field itself still gets them.
(function () {
  var add = window.addEventListener;
  window.addEventListener = function (type, listener, options) {
    if ((type === 'keydown' || type === 'keypress' || type === 'keyup') && typeof listener === 'function') {
      var inner = listener;
      listener = function (e) {
        var t = e.target;
        if (t && t.classList && t.classList.contains('encore-field')) return;
        // The map's keyboard elements (web/browser/map_access) handle their own keys, and Tab moves the page's
        // focus: ImGui draws no text input of its own, so GLFW would only swallow it.
        if (t && t.closest && t.closest('.encore-access')) return;
        if (e.key === 'Tab') return;
        return inner.call(this, e);
      };
    }
    return add.call(this, type, listener, options);
  };
})();
var Module = {
  canvas: document.getElementById('canvas'),
  print: function (t) { console.log(t); },
  printErr: function (t) { console.error(t); },
  onRuntimeInitialized: function () { var b = document.getElementById('boot'); if (b) b.remove(); },
  onAbort: function (what) {
    var b = document.getElementById('boot') || document.body.appendChild(document.createElement('div'));
    b.id = 'boot'; b.className = 'error'; b.textContent = 'The box office failed to start: ' + what;
  }
};
window.Module = Module;
document.addEventListener('DOMContentLoaded', function () {
  document.getElementById('canvas').addEventListener('contextmenu', function (e) { e.preventDefault(); });
});
