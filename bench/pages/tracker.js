// Stand-in for Google's gtag.js (the benchmark runs offline): sets the cookies the real tag sets and
// tells the benchmark's probe when it ran.
(function () {
  var bench = window.__bench;
  if (bench) bench.trackerRan();
  var id = Math.floor(Math.random() * 1e9) + '.' + Math.floor(Date.now() / 1000);
  document.cookie = '_ga=GA1.1.' + id + '; path=/; max-age=34128000; SameSite=Lax';
  document.cookie = '_gid=GA1.1.' + id + '; path=/; max-age=86400; SameSite=Lax';
})();
