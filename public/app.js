// MI Explorer: the only script of our own. No inline scripts anywhere (the pages' CSP allows none).
document.documentElement.classList.add("js"); // shows controls that only work with scripts, such as Copy

// The explorers post their form whenever a field changes and morph the answer into the page.
// An answer describes the form as it was when its request was sent, so it must not overwrite
// what the person typed since: a field edited after the request went out keeps its value (and
// its mark), and the next request, which htmx sends once this one is answered, carries it.
(function () {
  if (typeof Idiomorph === "undefined") return;
  var EDITED = "data-edited";
  document.addEventListener("input", function (e) {
    if (e.target.form) e.target.setAttribute(EDITED, "");
  });
  document.addEventListener("htmx:configRequest", function (e) {
    // This request carries every field's current value: none is newer than it any more.
    var edited = e.detail.elt.querySelectorAll("[" + EDITED + "]");
    for (var i = 0; i < edited.length; i++) edited[i].removeAttribute(EDITED);
  });
  // The focused field is morphed like any other (no ignoreActiveValue): its request carried what it
  // held, so the answer is newer unless typing went on, and then the mark below keeps what was typed.
  // A toolbar action pressed without leaving a cell (a button that takes no focus on click) must show
  // the normalised or rebuilt table in that cell too.
  Idiomorph.defaults.callbacks.beforeAttributeUpdated = function (name, element) {
    if (name === "open" && element.tagName === "DETAILS") return false; // folded sections stay as the reader left them
    if (element.hasAttribute && element.hasAttribute(EDITED) && (name === "value" || name === EDITED)) return false;
    return true;
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

// The data page: a bar shows how much of an upload has been sent. htmx reports the progress of the
// request (the upload, then the answer) on the form that sent it; the bar only ever moves forward.
(function () {
  // New data or settings: a permutation test still running for the old ones stops. Its pending step
  // is aborted, and no step starts while the new estimate is on its way: a step form swapped in a
  // moment before (htmx asks for its step only when it settles) would otherwise go on with the old
  // test and, answered after the estimate, put it back in place of the new one.
  var estimate = null; // the data form's request in flight
  document.addEventListener("htmx:beforeSend", function (e) {
    var bar = document.getElementById("upload-progress");
    if (bar && e.target.id === "data-form") {
      bar.value = 0;
      bar.hidden = false;
      estimate = e.detail.xhr;
      var steps = document.querySelector("form.perm-steps");
      if (steps && typeof htmx !== "undefined") htmx.trigger(steps, "htmx:abort");
    }
  });
  document.addEventListener("htmx:beforeRequest", function (e) {
    if (estimate && e.target.matches && e.target.matches("form.perm-steps")) e.preventDefault();
  });
  var estimateAnswered = function (e) {
    if (e.detail.xhr === estimate) estimate = null;
  };
  // Before the swap, so that the new test's first step, asked for as its form settles, can start.
  document.addEventListener("htmx:beforeSwap", estimateAnswered);
  document.addEventListener("htmx:afterRequest", estimateAnswered);
  // A permutation test's answer replaces its section. When the test ends or is stopped, the button
  // that had the keyboard's focus (Stop here, say) is gone; the focus goes to the result instead of
  // falling back to the top of the page. While it runs, htmx keeps the focus on the button with the
  // same id in each new step.
  var focusWasInTest = false;
  document.addEventListener("htmx:beforeSwap", function (e) {
    var section = document.getElementById("permutation");
    focusWasInTest = !!(section && section.contains(document.activeElement) && document.activeElement !== section);
  });
  document.addEventListener("htmx:afterSettle", function () {
    var result = document.getElementById("perm-result");
    var lost = !document.activeElement || document.activeElement === document.body;
    if (focusWasInTest && lost && result) result.focus();
    focusWasInTest = false;
  });
  // Each step's answer brings a new step form, and htmx takes charge of it a moment after it
  // arrives. A press of Stop here or Continue in that moment would submit the form the plain way and
  // leave the page for /data/permutations. A submit htmx has not taken (not prevented by the time it
  // reaches the document) is sent the way htmx sends it, with the button that was pressed.
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (e.defaultPrevented || typeof htmx === "undefined" || !form.matches || !form.matches("form.perm-steps")) return;
    e.preventDefault();
    var values = {};
    if (e.submitter && e.submitter.name) values[e.submitter.name] = e.submitter.value;
    htmx.ajax("POST", form.getAttribute("hx-post"), { source: form, target: "#permutation", swap: "outerHTML", values: values });
  });
  // A file over the upload limit is refused here, before anything is sent. The server refuses such a
  // body without parsing it, so its answer could not keep the settings and text sent along with it.
  document.addEventListener("htmx:beforeRequest", function (e) {
    var input = document.getElementById("data-file");
    if (e.target.id !== "data-form" || !input || !input.files || !input.files.length) return;
    var file = input.files[0];
    var max = Number(input.getAttribute("data-max-bytes"));
    if (!max || file.size <= max) return;
    e.preventDefault();
    var size = (file.size / 1048576).toFixed(1);
    size = Number(size) > max / 1048576 ? size + " MB" : file.size.toLocaleString("en") + " bytes";
    var message = "The file “" + file.name + "” is " + size + ", larger than the " + Math.round(max / 1048576)
        + " MB this app reads. Nothing was sent: choose a smaller file.";
    var error = document.getElementById("err-data");
    if (!error) {
      error = document.createElement("p");
      error.className = "field-error";
      error.id = "err-data";
      document.getElementById("upload-progress").after(error);
    }
    error.textContent = message;
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", "err-data");
    var live = document.getElementById("announce");
    if (live) live.textContent = "Not sent: " + message;
  });
  document.addEventListener("htmx:xhr:progress", function (e) {
    var bar = document.getElementById("upload-progress");
    if (!bar || e.target.id !== "data-form" || !e.detail.lengthComputable || !e.detail.total) return;
    bar.value = Math.max(bar.value, Math.round(100 * e.detail.loaded / e.detail.total));
  });
})();
