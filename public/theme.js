// Inlined into every page's <head> (its hash is in the CSP) and run before first paint. It applies
// what the CSS needs from the URL and storage as attributes on <html>:
// - data-theme: a URL option (?theme=light|dark|auto, used by embeds) wins over the stored choice;
//   without either the system preference applies through CSS;
// - data-compact: ?compact=1 (embeds) hides secondary sections;
// - data-full: ?full=1 (error embeds) shows the whole page instead of the card;
// - data-lib: the library whose code examples come first: ?lib=<library> (the paste box's links,
//   embeds; the older name ?lang=<library> still works) wins over the stored preference
//   ("okx-doctor-lib", set by the library picker's buttons [data-lib-pick], a preference, never
//   input). IDS is the core's list (Library::WITH_SNIPPETS; tests/library.rs checks the copy);
// - data-suggest-lang: the other language's id, when the visitor chose it before or, with no
//   choice stored, the browser prefers it; the CSS then shows the page's language note. It never
//   redirects.
// And it makes the language links ([data-lang-switch]) keep the page's state (query and fragment:
// the search query, the wizard's step; on the not-found page, the address asked for) and remember
// the choice ("okx-doctor-lang", a preference).
(function () {
  var r = document.documentElement, q = location.search, K = "okx-doctor-lang";
  var get = function (k) { try { return localStorage.getItem(k); } catch (e) { return null; } };
  var set = function (k, v) { try { localStorage.setItem(k, v); } catch (e) { /* blocked storage */ } };
  var m = /[?&]theme=(light|dark|auto)(?:&|$)/.exec(q);
  var t = m ? m[1] : get("okx-doctor-theme");
  if (t === "light" || t === "dark") r.setAttribute("data-theme", t);
  if (/[?&]compact=(1|true|yes)(?:&|$)/.test(q)) r.setAttribute("data-compact", "");
  if (/[?&]full=(1|true|yes)(?:&|$)/.test(q)) r.setAttribute("data-full", "");
  var IDS = "ccxt-python|ccxt-js|ccxt-php|python-okx|okx-api-node|freqtrade|http", LIB = "okx-doctor-lib";
  var isLib = function (v) { return new RegExp("^(?:" + IDS + ")$").test(v || ""); };
  var l = new RegExp("[?&](?:lib|lang)=(" + IDS + ")(?:&|$)").exec(q), lib = l ? l[1] : get(LIB);
  if (isLib(lib)) r.setAttribute("data-lib", lib);
  // The picker's buttons say which one is in force (the CSS shows it from data-lib before paint).
  var pressed = function () {
    var b = document.querySelectorAll("[data-lib-pick]"), cur = r.getAttribute("data-lib");
    for (var i = 0; i < b.length; i++) b[i].setAttribute("aria-pressed", String(b[i].getAttribute("data-lib-pick") === cur));
  };
  document.addEventListener("DOMContentLoaded", pressed);
  var page = /^zh/i.test(r.lang) ? "zh" : "en", other = page === "zh" ? "en" : "zh";
  var chosen = get(K), langs = navigator.languages || [navigator.language || ""];
  var prefers = function (id) {
    for (var i = 0; i < langs.length; i++) {
      var x = String(langs[i]).toLowerCase();
      if (/^zh(?![-_](tw|hk|mo|hant))/.test(x)) return id === "zh";
      if (/^en/.test(x)) return id === "en";
    }
    return false;
  };
  if (!r.classList.contains("embed") && (chosen ? chosen === other : prefers(other)))
    r.setAttribute("data-suggest-lang", other);
  document.addEventListener("click", function (e) {
    var p = e.target.closest && e.target.closest("[data-lib-pick]");
    if (p && isLib(p.getAttribute("data-lib-pick"))) {
      set(LIB, p.getAttribute("data-lib-pick"));
      r.setAttribute("data-lib", p.getAttribute("data-lib-pick"));
      pressed();
      return;
    }
    var a = e.target.closest && e.target.closest("[data-lang-switch],[data-lang-stay]");
    if (!a) return;
    if (a.hasAttribute("data-lang-stay")) {
      set(K, a.getAttribute("data-lang-stay"));
      r.removeAttribute("data-suggest-lang");
      return;
    }
    var to = a.getAttribute("data-lang-switch"), b = a.getAttribute("data-lang-base"), p = location.pathname;
    set(K, to);
    // The not-found page: the same address in the other language (without the page's own zh/,
    // and never a "//host" address).
    if (b && p.indexOf(b) === 0)
      a.href = b + (to === "zh" ? "zh/" : "") + p.slice(b.length).replace(/^zh(\/|$)/, "").replace(/^\/+/, "") + location.search + location.hash;
    else if (!a.search && !a.hash) a.href = a.href.split(/[?#]/)[0] + location.search + location.hash;
  });
})();
