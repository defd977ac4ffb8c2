// Local stand-in for Google's gtag.js, so that the demo works offline and the browser tests can see
// exactly when (and how often) "Google Analytics" ran. It does what matters for consent: it sets the
// _ga and _gid cookies the real tag sets, and it reads the dataLayer the page's inline snippet filled.
(function () {
  window.__gaRuns = (window.__gaRuns || 0) + 1;
  var run = window.__gaRuns;

  var random = Math.floor(Math.random() * 1e9) + '.' + Math.floor(Date.now() / 1000);
  document.cookie = '_ga=GA1.1.' + random + '; path=/; max-age=' + 60 * 60 * 24 * 395 + '; SameSite=Lax';
  document.cookie = '_gid=GA1.1.' + random + '; path=/; max-age=' + 60 * 60 * 24 + '; SameSite=Lax';

  window.dataLayer = window.dataLayer || [];

  function show() {
    var status = document.getElementById('ga-status');
    if (status) status.textContent = 'Google Analytics stand-in: loaded (run ' + run + ')';
  }
  // Loaded async, it may run before the page is parsed.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
  else show();

  window.dispatchEvent(new Event('gtag-stand-in:loaded'));
})();
