// Encore's embed script, served by encore-server at /embed.js. A venue's page adds
//   <script src="https://box-office.example/embed.js" data-performance="…" data-series="…" data-theme="light"></script>
// and gets the seat picker (picker, basket, checkout) in an iframe that sizes itself to its content. Messages
// from the picker (accepted only from the server's origin and the iframe's window) become window events:
// encore:ready, encore:basketChanged (detail.basket: the core's priced lines and total), encore:orderCompleted
// (detail.reference). Encore.select({performance}) or ({series}) shows one; it is posted to the server's
// origin only. The picker talks to this page only if the server lists its origin (--embed-origin).
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var server = new URL(script.src, document.baseURI).origin;
  var attribute = function (name) { return script.getAttribute('data-' + name) || ''; };
  var query = new URLSearchParams({ embed: '1', host: window.location.origin });
  if (attribute('theme')) query.set('theme', attribute('theme'));
  var address = attribute('performance') ? '#/performance/' + encodeURIComponent(attribute('performance'))
    : attribute('series') ? '#/series/' + encodeURIComponent(attribute('series')) : '';

  var frame = document.createElement('iframe');
  frame.src = server + '/index.html?' + query.toString() + address;
  frame.title = attribute('title') || 'Choose your seats';
  frame.className = 'encore-embed';
  frame.style.cssText = 'display:block;width:100%;height:640px;border:0;overflow:hidden;';
  script.parentNode.insertBefore(frame, script.nextSibling);

  var ready = false;
  var waiting = [];  // selections asked for before the picker was ready
  function post(message) {
    if (!ready) { waiting.push(message); return; }
    frame.contentWindow.postMessage(message, server);
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== server || event.source !== frame.contentWindow) return;
    var message = event.data;
    if (!message || typeof message.type !== 'string' || message.type.indexOf('encore:') !== 0) return;
    if (message.type === 'encore:resize') {
      var height = Number(message.height);
      if (height >= 200 && height <= 5000) frame.style.height = Math.round(height) + 'px';
      return;
    }
    if (message.type === 'encore:ready') {
      ready = true;
      waiting.splice(0).forEach(post);
    }
    window.dispatchEvent(new CustomEvent(message.type, { detail: message }));
  });

  var encore = window.Encore = window.Encore || {};
  encore.frame = frame;
  encore.origin = server;
  // Shows a performance ({performance: id}) or a series ({series: id}) in the picker.
  encore.select = function (what) {
    var message = { type: 'encore:select' };
    if (what && what.performance) message.performance = String(what.performance);
    else if (what && what.series) message.series = String(what.series);
    else return;
    post(message);
  };
})();
