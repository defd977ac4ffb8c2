// Console capture inside the page, for an engine whose driver cannot report the console (WebDriver
// classic has no log API in WebKitWebDriver, and MiniBrowser under automation writes nothing to its
// output). The test server puts CONSOLE_CAPTURE_SCRIPT first into the <head> of every HTML page it
// serves (an init script); the engine reads and empties the record after each command.
//
// What it sees: console.error and console.warn, uncaught exceptions and unhandled rejections, and
// what the engine's own console would report that a page can observe: Content Security Policy
// violations (the securitypolicyviolation event, Trusted Types included) and resources that failed to
// load (error events of <script>, <link>, <img>). What it cannot see: messages the browser logs without
// an event (a failed fetch(), a cookie the browser rejected); such a test says so in WebKit.

/** The property of the page's window that holds the record; the engine reads it by this name. */
export const CAPTURE_KEY = '__consentGateConsole';

// Plain JavaScript in a string, not a function's toString(): the test transform may add helpers to a
// compiled function that do not exist in the page.
const INSTALL = String.raw`(function (key) {
  if (window[key]) return;
  // A same-origin frame reports into its top page, where the engine reads; a cross-origin frame keeps
  // its own record, which the engine reads when it runs a script in that frame.
  var record = [];
  try {
    if (window.top !== window && window.top[key]) record = window.top[key];
  } catch (e) {}
  Object.defineProperty(window, key, { value: record });
  function show(value) {
    if (typeof value === 'string') return value;
    if (value instanceof Error) return value.name + ': ' + value.message;
    try {
      var json = JSON.stringify(value);
      return json === undefined ? String(value) : json;
    } catch (e) {
      return String(value);
    }
  }
  [['error', 'error'], ['warn', 'warning']].forEach(function (pair) {
    var original = console[pair[0]];
    console[pair[0]] = function () {
      var args = Array.prototype.slice.call(arguments);
      record.push({ kind: pair[1], text: args.map(show).join(' ') });
      return original.apply(this, args);
    };
  });
  addEventListener('error', function (event) {
    if (event instanceof ErrorEvent) {
      record.push({ kind: 'pageerror', text: event.error instanceof Error ? event.error.message : String(event.message) });
      return;
    }
    // A resource that failed to load: element error events do not bubble, hence the capturing listener.
    var target = event.target || {};
    var url = target.src || target.href;
    if (typeof url === 'string' && url) record.push({ kind: 'error', text: 'Failed to load resource: ' + url });
  }, true);
  addEventListener('unhandledrejection', function (event) {
    var reason = event.reason;
    record.push({ kind: 'pageerror', text: reason instanceof Error ? reason.message : show(reason) });
  });
  addEventListener('securitypolicyviolation', function (event) {
    var directive = event.originalPolicy.split(';').map(function (d) { return d.trim(); })
      .filter(function (d) { return d.split(' ')[0] === event.effectiveDirective; })[0] || event.effectiveDirective;
    record.push({
      kind: 'error',
      text: 'Refused ' + (event.blockedURI || 'inline') + (event.sample ? ' (' + event.sample + ')' : '') +
        ': it violates the Content Security Policy directive "' + directive + '"',
    });
  });
})`;

/** The init script's source: one self-contained statement, safe to run twice. */
export const CONSOLE_CAPTURE_SCRIPT = `${INSTALL}(${JSON.stringify(CAPTURE_KEY)});`;

/** Page script for evaluate(): take what was recorded since the last call; null without the capture. */
export const DRAIN_SCRIPT = `(key) => (window[key] ? window[key].splice(0) : null)`;
