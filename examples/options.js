// Demo only, not part of consent-gate: try the banner's options from the address bar, e.g.
//   /?layout=bar&position=top&theme=dark   /?layout=box&position=top-left&blocking=1   /?lang=ar
// It rewrites the page's #consent-gate-config before the library (a deferred script) reads it.
(function () {
  var q = new URLSearchParams(location.search);
  var el = document.getElementById('consent-gate-config');
  if (!el) return;
  var config = JSON.parse(el.textContent);
  var ui = {};
  ['layout', 'position', 'theme'].forEach(function (k) {
    if (q.get(k)) ui[k] = q.get(k);
  });
  if (q.has('blocking')) ui.blocking = q.get('blocking') !== '0';
  config.ui = ui;
  var lang = q.get('lang');
  if (lang) {
    // The package's translation file, fetched when shown; for German, with the demo's own labels
    // beside it (the config's translations.de).
    var own = config.translations && config.translations[lang];
    config.language = lang;
    config.translations = {};
    config.translations[lang] = own || '/dist/i18n/' + lang + '.json';
  }
  el.textContent = JSON.stringify(config);
})();
