// Demo page helpers, not part of consent-gate: show which cookies the page holds, so that you can
// watch _ga appear on Accept and disappear when you withdraw, and offer a way to start over.
(function () {
  var list = document.getElementById('cookie-list');
  function showCookies() {
    if (!list) return;
    var names = document.cookie
      .split(';')
      .map(function (pair) {
        return pair.split('=')[0].trim();
      })
      .filter(Boolean);
    list.textContent = names.length ? names.join(', ') : 'none';
  }
  showCookies();
  ['consent-gate:consent', 'consent-gate:change', 'gtag-stand-in:loaded'].forEach(function (name) {
    // After the library's own handlers, which may delete cookies.
    window.addEventListener(name, function () {
      setTimeout(showCookies, 0);
    });
  });

  var reset = document.getElementById('demo-reset');
  if (reset) {
    reset.addEventListener('click', function () {
      if (window.ConsentGate) window.ConsentGate.reset();
      setTimeout(showCookies, 0);
    });
  }
})();
