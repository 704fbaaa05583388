// Applies the theme before first paint: a URL option (?theme=light|dark|auto, used by embeds)
// wins over the stored choice; otherwise the system preference applies through CSS.
(function () {
  try {
    var m = /[?&]theme=(light|dark|auto)(?:&|$)/.exec(location.search);
    var t = m ? m[1] : localStorage.getItem("okx-doctor-theme");
    if (t === "light" || t === "dark") document.documentElement.setAttribute("data-theme", t);
  } catch (e) { /* storage can be blocked in sandboxed iframes */ }
})();
