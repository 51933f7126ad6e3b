// The sample venue page's own script: listens for the events Encore's embed script raises (ready, the priced
// basket, the completed order) and shows them; the "Also showing" buttons ask the picker to show another one.
(function () {
  'use strict';
  var log = document.getElementById('events');
  var summary = document.getElementById('summary');
  var received = window.encoreEvents = [];  // every event, for the browser test

  function money(minor) { return '£' + (minor / 100).toFixed(2); }
  function note(text) {
    var item = document.createElement('li');
    item.textContent = text;
    log.appendChild(item);
  }

  window.addEventListener('encore:ready', function (e) {
    received.push(e.detail);
    note('Box office ready');
  });
  window.addEventListener('encore:basketChanged', function (e) {
    received.push(e.detail);
    var basket = e.detail.basket || {};
    var lines = basket.lines || [];
    summary.textContent = lines.length === 0 ? 'Seats you choose appear here.'
      : lines.length + (lines.length === 1 ? ' item, ' : ' items, ') + money(basket.total || 0) + ' with fees';
    note('Basket: ' + lines.length + ' line(s)' + (lines.length ? ', ' + money(basket.total || 0) : ''));
  });
  window.addEventListener('encore:orderCompleted', function (e) {
    received.push(e.detail);
    summary.textContent = 'Booked! Your reference is ' + e.detail.short_reference + '.';
    note('Order ' + e.detail.short_reference + ' completed (' + e.detail.status + ')');
  });

  document.querySelectorAll('[data-select-performance]').forEach(function (button) {
    button.addEventListener('click', function () { Encore.select({ performance: button.getAttribute('data-select-performance') }); });
  });
  document.querySelectorAll('[data-select-series]').forEach(function (button) {
    button.addEventListener('click', function () { Encore.select({ series: button.getAttribute('data-select-series') }); });
  });
})();
