// The auditor's grid, saved cell by cell in place: choosing Met or Not met (or changing a note) posts that cell's own
// form; saves go one after another; a failed save says so in its cell and keeps what was chosen. Without this script
// each cell's Save button posts the same form and the page comes back at the cell.
(function () {
  'use strict';
  var queue = Promise.resolve();
  var progress = document.getElementById('grid-progress');
  var bar = document.getElementById('grid-bar');

  function say(form, text, failed) {
    var status = form.querySelector('.cell-status');
    if (status) { status.textContent = text; }
    form.classList.toggle('failed', failed);
  }

  function save(form) {
    say(form, form.dataset.saving, false);
    queue = queue.then(function () {
      return fetch(form.action, { method: 'POST', body: new FormData(form), headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (response) {
          return response.json().then(function (body) { return { ok: response.ok, body: body }; });
        })
        .then(function (result) {
          if (!result.ok) { say(form, result.body.error || form.dataset.failed, true); return; }
          say(form, result.body.saved, false);
          var cell = form.closest('td');
          var chosen = form.querySelector('input[name=score]:checked');
          if (cell && chosen) { cell.className = 'score-cell scored-' + chosen.value; }
          if (progress) { progress.textContent = result.body.progress; }
          if (bar) { bar.value = result.body.scored; bar.textContent = result.body.progress; }
        })
        .catch(function () { say(form, form.dataset.failed, true); });
    });
  }

  // With this script a choice saves itself: the Save buttons stay for the notes only (shown while a note is open)
  var grid = document.getElementById('grid');
  if (grid) { grid.classList.add('saves-at-once'); }

  document.querySelectorAll('form.score-form').forEach(function (form) {
    form.addEventListener('change', function () {
      if (form.querySelector('input[name=score]:checked')) { save(form); }
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      save(form);
    });
  });
})();
