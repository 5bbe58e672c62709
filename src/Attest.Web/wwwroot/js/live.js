// The dashboard redraws its readiness in place when what it was drawn from changes (an evidence analysis finished in the
// background, someone saved): it polls a small fingerprint (#live's data-state-url) and, when the fingerprint differs from
// the one the page was drawn with, fetches the page again and swaps the parts marked data-live. Open cells stay open, the
// matrix keeps its sideways scroll and the focus. Without this script the page says an analysis is running and a reload
// shows the result.
(function () {
  'use strict';
  var live = document.getElementById('live');
  if (!live || !window.fetch || !window.DOMParser) { return; }
  var url = live.dataset.stateUrl;
  var state = live.dataset.state;
  var announce = document.getElementById('live-status');
  var idle = 5000, busy = 1500, delay = idle, failures = 0, timer = null, working = false;

  // Which cells are open, and where the focus is, named so that they can be found again in the redrawn matrix
  function place(element) {
    var cell = element.closest('td, th');
    var row = cell && cell.closest('tr[id]');
    return row ? row.id + ':' + cell.cellIndex : null;
  }

  function find(name) {
    var parts = name.split(':');
    var row = document.getElementById(parts[0]);
    return row ? row.cells[Number(parts[1])] : null;
  }

  function swap(next) {
    var open = [].map.call(live.querySelectorAll('.matrix details[open]'), place).filter(Boolean);
    var focused = live.contains(document.activeElement) ? place(document.activeElement) : null;
    var scroller = live.querySelector('.matrix-scroll');
    var left = scroller ? scroller.scrollLeft : 0;
    live.querySelectorAll('[data-live]').forEach(function (part) {
      var fresh = next.querySelector('[data-live="' + part.dataset.live + '"]');
      if (fresh) { part.replaceWith(document.importNode(fresh, true)); }
    });
    open.forEach(function (name) {
      var cell = find(name);
      var details = cell && cell.querySelector('details');
      if (details) { details.open = true; }
    });
    scroller = live.querySelector('.matrix-scroll');
    if (scroller) { scroller.scrollLeft = left; }
    if (focused) {
      var cell = find(focused);
      var target = cell && cell.querySelector('summary, a');
      if (target) { target.focus(); }
    }
    if (announce) { announce.textContent = ''; announce.textContent = live.dataset.updated; }
  }

  function redraw(wanted) {
    return fetch(window.location.pathname, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.text();
      })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, 'text/html').getElementById('live');
        if (!next) { return; }
        swap(next);
        // The fingerprint the page was drawn with; the one polled before the fetch when the page has none
        state = next.dataset.state || wanted;
      });
  }

  function schedule() {
    clearTimeout(timer);
    if (document.visibilityState === 'hidden') { return; }
    timer = setTimeout(poll, delay * Math.pow(2, Math.min(failures, 5)));
  }

  function poll() {
    if (working) { return; }
    working = true;
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' }, cache: 'no-store' })
      .then(function (response) {
        // Signed out, or the application is no longer there for this user: stop asking
        if (response.status === 401 || response.status === 403 || response.status === 404) { throw new Error('stop'); }
        if (!response.ok || (response.headers.get('Content-Type') || '').indexOf('json') < 0) { throw new Error(String(response.status)); }
        return response.json();
      })
      .then(function (body) {
        delay = body.running ? busy : idle;
        return body.state !== state ? redraw(body.state) : null;
      })
      .then(function () { failures = 0; working = false; schedule(); })
      .catch(function (error) {
        working = false;
        if (error && error.message === 'stop') { return; }
        failures++;
        schedule();
      });
  }

  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible') { poll(); } else { clearTimeout(timer); }
  });
  delay = live.querySelector('.scanning') ? busy : idle;
  schedule();
})();
