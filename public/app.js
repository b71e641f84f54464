// MI Explorer: the only script of our own. No inline scripts anywhere (the pages' CSP allows none).
document.documentElement.classList.add("js"); // shows controls that only work with scripts, such as Copy

// Morphing swaps keep what the person is typing: the field with focus keeps its value, and
// folded sections keep their open or closed state across updates.
(function () {
  if (typeof Idiomorph === "undefined") return;
  Idiomorph.defaults.ignoreActiveValue = true;
  Idiomorph.defaults.callbacks.beforeAttributeUpdated = function (name, element) {
    return !(name === "open" && element.tagName === "DETAILS");
  };
})();

// Copy buttons: <button data-copy="ID"> copies the text of element ID. One listener on the document,
// so buttons swapped in by htmx work too. Where the clipboard is out of reach (plain http on another
// host), the text is selected for Ctrl+C instead.
document.addEventListener("click", function (event) {
  var button = event.target.closest ? event.target.closest("button[data-copy]") : null;
  if (!button) return;
  var source = document.getElementById(button.getAttribute("data-copy"));
  if (!source) return;
  var status = button.parentNode.querySelector(".copy-status");
  var say = function (text) { if (status) status.textContent = text; };
  var select = function () {
    var range = document.createRange();
    range.selectNodeContents(source);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    say("Selected: press Ctrl+C (or ⌘C) to copy.");
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(source.textContent).then(function () { say("Copied."); }, select);
  } else {
    select();
  }
});

// Printing shows every folded section: open them just before printing, fold them back afterwards.
(function () {
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details:not([open])"), function (d) {
      d.open = true;
      return true;
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();
