// Framing Digest: the few lines of script the site uses. Everything also works without it.
// Legend toggles: CSS :has() already hides unticked categories; this mirrors the state as
// a class on <body> for browsers without :has().
(function () {
  "use strict";
  function sync(box) {
    document.body.classList.toggle("hide-" + box.getAttribute("data-category"), !box.checked);
  }
  document.addEventListener("change", function (event) {
    var box = event.target;
    if (box && box.classList && box.classList.contains("toggle")) { sync(box); }
  });
  document.querySelectorAll("input.toggle").forEach(sync);
})();
