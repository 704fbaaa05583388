// Inlined into every page's <head> (its hash is in the CSP) and run before first paint. It applies
// what the CSS needs from the URL and storage as attributes on <html>:
// - data-theme: a URL option (?theme=light|dark|auto, used by embeds) wins over the stored choice;
//   without either the system preference applies through CSS;
// - data-compact: ?compact=1 (embeds) hides secondary sections;
// - data-lib: ?lang=<library> (embeds) puts that library's code examples first.
(function () {
  var r = document.documentElement, q = location.search;
  try {
    var m = /[?&]theme=(light|dark|auto)(?:&|$)/.exec(q);
    var t = m ? m[1] : localStorage.getItem("okx-doctor-theme");
    if (t === "light" || t === "dark") r.setAttribute("data-theme", t);
  } catch (e) { /* storage can be blocked in sandboxed iframes */ }
  if (/[?&]compact=(1|true|yes)(?:&|$)/.test(q)) r.setAttribute("data-compact", "");
  var l = /[?&]lang=(ccxt-python|ccxt-js|python-okx|okx-api-node)(?:&|$)/.exec(q);
  if (l) r.setAttribute("data-lib", l[1]);
})();
