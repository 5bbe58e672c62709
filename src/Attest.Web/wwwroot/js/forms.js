// Small helps on forms that work without this script too (our own code, allowed by the CSP's script-src 'self'):
// - a button with data-add-row="ID" adds a blank row to the rows of #ID in place (without script it posts the form,
//   which comes back with one more row);
// - a button with data-copy="ID" copies the value of #ID (without script the value is shown selected, to copy by hand);
// - an input with data-slug-from="ID" proposes a key made from #ID's text while nobody has typed a key by hand (without
//   script the server makes the same key when the field is left empty).
(function () {
  'use strict';

  function renumber(row, index, legend) {
    row.querySelectorAll('[name]').forEach(function (field) {
      field.name = field.name.replace(/\[\d+\]/, '[' + index + ']');
    });
    row.querySelectorAll('[id]').forEach(function (element) {
      element.id = element.id.replace(/-\d+-/, '-' + index + '-');
    });
    row.querySelectorAll('label[for]').forEach(function (label) {
      label.htmlFor = label.htmlFor.replace(/-\d+-/, '-' + index + '-');
    });
    var title = row.querySelector('legend');
    if (title && legend) { title.textContent = legend.replace('{0}', String(index + 1)); }
  }

  document.querySelectorAll('button[data-add-row]').forEach(function (button) {
    var rows = document.getElementById(button.dataset.addRow);
    if (!rows) { return; }
    button.addEventListener('click', function (event) {
      var all = rows.querySelectorAll('fieldset.row');
      if (all.length === 0) { return; }
      event.preventDefault();
      var row = all[all.length - 1].cloneNode(true);
      row.querySelectorAll('.field-error').forEach(function (error) { error.remove(); });
      row.querySelectorAll('input, select, textarea').forEach(function (field) {
        field.removeAttribute('aria-invalid');
        field.removeAttribute('aria-describedby');
        if (field.type === 'checkbox' || field.type === 'radio') { field.checked = false; }
        else if (field.tagName === 'SELECT') { field.selectedIndex = 0; }
        else { field.value = ''; }
      });
      renumber(row, all.length, rows.dataset.rowLegend);
      all[all.length - 1].after(row);
      var first = row.querySelector('input, select, textarea');
      if (first) { first.focus(); }
    });
  });

  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    var source = document.getElementById(button.dataset.copy);
    var status = document.getElementById(button.dataset.copyStatus);
    if (!source) { return; }
    button.hidden = false;
    button.addEventListener('click', function () {
      var done = function () { if (status) { status.textContent = button.dataset.copied; } };
      source.select();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(source.value).then(done, function () { document.execCommand('copy'); done(); });
      } else {
        document.execCommand('copy');
        done();
      }
    });
  });

  // The same key the server makes (CaseStudyKeys.Slug): accents dropped, ligatures spelt out, words joined by '-'
  var spelt = { 'æ': 'ae', 'œ': 'oe', 'ß': 'ss', 'ø': 'o', 'đ': 'd', 'ħ': 'h', 'ı': 'i', 'ł': 'l', 'ŧ': 't' };
  function slug(text) {
    return text.toLowerCase().replace(/[æœßøđħıłŧ]/g, function (c) { return spelt[c]; })
      .normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  }

  document.querySelectorAll('input[data-slug-from]').forEach(function (key) {
    var from = document.getElementById(key.dataset.slugFrom);
    if (!from) { return; }
    var typed = key.value !== '' && key.value !== slug(from.value);
    key.addEventListener('input', function () { typed = key.value !== ''; });
    from.addEventListener('input', function () {
      if (!typed) { key.value = slug(from.value); }
    });
  });
})();
