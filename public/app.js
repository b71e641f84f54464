// MI Explorer: the only script of our own. No inline scripts anywhere (the pages' CSP allows none).
document.documentElement.classList.add("js"); // shows controls that only work with scripts, such as Copy

// The explorers morph each answer into the page. An answer describes the form as it was when its
// request was sent, so it must not overwrite what the person typed since: a field edited after the
// request went out keeps its value (and its mark), and the next request, which htmx sends once this
// one is answered, carries it. A form's fields include those outside it that name it (form="…"),
// such as the attention explorer's temperature beside its weights.
(function () {
  if (typeof Idiomorph === "undefined") return;
  var EDITED = "data-edited";
  var mark = function (e) {
    var el = e.target;
    if (!el.form) return;
    el.setAttribute(EDITED, "");
    // A choice among radios is the whole group's: the answer must not tick another one of them back.
    if (el.type === "radio" && el.name) {
      el.form.querySelectorAll("input[type=radio]").forEach(function (r) { if (r.name === el.name) r.setAttribute(EDITED, ""); });
    }
  };
  // Both: a choice can come with a change event alone (a select set by a script or a driver).
  document.addEventListener("input", mark);
  document.addEventListener("change", mark);
  document.addEventListener("htmx:configRequest", function (e) {
    // This request carries every field's current value: none is newer than it any more.
    var fields = e.detail.elt.elements || e.detail.elt.querySelectorAll("[" + EDITED + "]");
    for (var i = 0; i < fields.length; i++) fields[i].removeAttribute(EDITED);
  });
  // The focused field is morphed like any other (no ignoreActiveValue): its request carried what it
  // held, so the answer is newer unless typing went on, and then the mark below keeps what was typed.
  // A toolbar action pressed without leaving a cell (a button that takes no focus on click) must show
  // the normalised or rebuilt table in that cell too.
  Idiomorph.defaults.callbacks.beforeAttributeUpdated = function (name, element) {
    if (name === "open" && element.tagName === "DETAILS") return false; // folded sections stay as the reader left them
    if (element.hasAttribute && element.hasAttribute(EDITED) && (name === "value" || name === "checked" || name === EDITED)) return false;
    // An option of a select chosen since the request went out stays chosen.
    if (name === "selected" && element.parentElement && element.parentElement.hasAttribute(EDITED)) return false;
    return true;
  };
})();

// Results follow the keyboard and the sliders. A form marked data-live asks for its result (the
// htmx trigger "live") at once when a key leaves a complete value, a choice, a box or a slider changes,
// and when a field is left with something not yet sent. A number half typed ("0.", "9/", "-", an
// empty cell) is not sent, so no message flashes while the person is still typing: it goes when they
// leave the field, press Enter, or stop on it for a second and a half. htmx keeps at most one request
// per form in flight and queues only the latest (hx-sync "queue last"), so fast typing sends no more
// requests than the server answers.
(function () {
  if (typeof htmx === "undefined") return;
  var LONG_PAUSE = 1500;
  var timers = new WeakMap(); // form -> the pause being waited for
  var sent = new WeakMap(); // form -> its values as last sent (or as last shown, once settled)
  // form -> {action, slider}: the action a slider or a button asks for, sent with the form's next
  // request. htmx would send the last button clicked with every later request of the form (in
  // browsers where a click does not focus the button, it never forgets it), so the action is sent
  // from here instead, once.
  var actions = new WeakMap();
  var values = function (form) {
    return new URLSearchParams(new FormData(form)).toString();
  };
  var liveForm = function (el) {
    var form = el && el.form;
    return form && form.hasAttribute("data-live") ? form : null;
  };
  var unfinished = function (el) {
    var v = el.value.trim();
    if (v === "") return true;
    var mode = el.getAttribute("inputmode");
    var numeric = mode === "decimal" || mode === "numeric" || el.classList.contains("vector");
    return numeric && /[.\/+\-\u2212eE,]$/.test(v);
  };
  var wait = function (form) {
    clearTimeout(timers.get(form));
    timers.delete(form);
  };
  var ask = function (form) {
    wait(form);
    if (!actions.has(form) && values(form) === sent.get(form)) return; // the page already shows this state
    htmx.trigger(form, "live");
  };
  document.addEventListener("input", function (e) {
    var el = e.target;
    var form = liveForm(el);
    if (!form) return;
    if (el.type === "range") {
      // A slider on a scale of its own (the temperature's, logarithmic) lists the value of each of its
      // positions, as the server shows them: position i stands for the i-th.
      var scale = el.getAttribute("data-values");
      var value = scale ? scale.split(" ")[Number(el.value) - Number(el.min || 0)] || el.value : el.value;
      var output = document.getElementById(el.id + "-out");
      if (output) output.textContent = value.replace("-", "\u2212");
      var twin = el.getAttribute("data-for") && document.getElementById(el.getAttribute("data-for"));
      if (twin) { // a slider beside a text field writes its value there; the field is what is sent
        twin.value = value;
        twin.setAttribute("data-edited", "");
      }
      if (el.hasAttribute("aria-valuetext")) el.setAttribute("aria-valuetext", value.replace("-", "\u2212"));
      if (el.getAttribute("data-action")) actions.set(form, { action: el.getAttribute("data-action"), slider: true });
      ask(form);
    } else if (el.type !== "radio" && el.type !== "checkbox" && el.tagName !== "SELECT") {
      // Typing after a slider moved: the table as typed is what to show, not the slider's rebuilt one.
      var pending = actions.get(form);
      if (pending && pending.slider) actions.delete(form);
      if (unfinished(el)) {
        wait(form);
        timers.set(form, setTimeout(function () { ask(form); }, LONG_PAUSE));
      } else {
        ask(form); // at once: when an answer is in flight, htmx queues only the latest state
      }
    }
  });
  document.addEventListener("change", function (e) {
    var form = liveForm(e.target);
    if (form && e.target.type !== "range") ask(form);
  });
  document.addEventListener("htmx:configRequest", function (e) {
    var form = e.detail.elt;
    if (!form.hasAttribute || !form.hasAttribute("data-live")) return;
    wait(form); // this request carries what was waiting
    sent.set(form, values(form));
    e.detail.parameters.delete("action");
    if (actions.has(form)) {
      e.detail.parameters.set("action", actions.get(form).action);
      actions.delete(form);
    }
  });
  // The button a submit came from (Enter submits with the first, Compute), caught before htmx
  // takes the submit: kept until a request of the form carries it, even one sent for typing.
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!form.hasAttribute || !form.hasAttribute("data-live")) return;
    var button = e.submitter;
    if (button && button.name === "action") actions.set(form, { action: button.value, slider: false });
  }, true);
  document.addEventListener("htmx:afterRequest", function (e) {
    if (!e.detail.successful && e.detail.elt.hasAttribute && e.detail.elt.hasAttribute("data-live")) sent.delete(e.detail.elt);
  });

  // Working and stale. An answer slower than BUSY_AFTER marks the regions it will change busy
  // (aria-busy) and the summary, beside the table and in the phone's bar, says "Working…". An answer
  // that does not come (the connection lost, the server failing) leaves the page as it is, what was
  // typed included, and the summary says its numbers are out of date, with a button to try again.
  var BUSY_AFTER = 150;
  var busy = new WeakMap(); // form -> the timer before it shows as working
  var rootOf = function (form) {
    var target = form.getAttribute("hx-target");
    return (target && document.querySelector(target)) || form.parentElement;
  };
  var status = function (form, state, text) {
    var root = rootOf(form);
    root.querySelectorAll(".summary, .summary-bar, .result").forEach(function (region) {
      if (state === "busy") region.setAttribute("aria-busy", "true");
      else region.removeAttribute("aria-busy");
    });
    root.querySelectorAll("[data-status]").forEach(function (el) {
      el.className = "ex-status" + (state ? " " + state : "");
      el.textContent = text;
      if (state === "stale") {
        var retry = document.createElement("button");
        retry.type = "button";
        retry.className = "retry";
        retry.textContent = "Try again";
        el.append(" ", retry);
      }
    });
  };
  document.addEventListener("htmx:beforeRequest", function (e) {
    var form = e.detail.elt;
    if (!form.hasAttribute || !form.hasAttribute("data-live")) return;
    clearTimeout(busy.get(form));
    busy.set(form, setTimeout(function () { status(form, "busy", "Working…"); }, BUSY_AFTER));
  });
  document.addEventListener("htmx:afterRequest", function (e) {
    var form = e.detail.elt;
    if (!form.hasAttribute || !form.hasAttribute("data-live")) return;
    clearTimeout(busy.get(form));
    busy.delete(form);
    if (e.detail.successful) {
      status(form, "", "");
      return;
    }
    var lost = navigator.onLine === false || !e.detail.xhr || e.detail.xhr.status === 0;
    var text = "These numbers are out of date: " + (lost ? "the connection was lost" : "the server could not answer")
        + " before your last change was worked out. What you typed is kept.";
    status(form, "stale", text);
    var live = document.getElementById("announce");
    if (live) live.textContent = text;
  });
  document.addEventListener("click", function (e) {
    var retry = e.target.closest ? e.target.closest("[data-status] button.retry") : null;
    var root = retry && retry.closest(".explorer");
    var form = root && root.querySelector("form[data-live]");
    if (!form) return;
    // The focus waits on the summary's status line, which stays when the answer replaces the button.
    var line = root.querySelector("p[data-status]");
    if (line) line.focus();
    sent.delete(form);
    ask(form);
  });
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-live]").forEach(function (form) { sent.set(form, values(form)); });
  });
  // Once an answer is in place, the form holds what the page shows (an action such as Normalise
  // rewrites cells), unless something was typed meanwhile: leaving a cell then sends nothing new.
  document.addEventListener("htmx:afterSettle", function (e) {
    var forms = e.detail.elt.querySelectorAll ? e.detail.elt.querySelectorAll("form[data-live]") : [];
    forms.forEach(function (form) {
      for (var i = 0; i < form.elements.length; i++) if (form.elements[i].hasAttribute("data-edited")) return;
      if (!timers.has(form)) sent.set(form, values(form));
    });
  });
})();

// A table wider than its box scrolls in it; while more of it is to the right, the box is marked
// "more-right" (a fading edge and a line saying so). Checked when a page loads, after each answer
// (which morphs the mark away), when the window changes size and as the box scrolls.
(function () {
  var mark = function (wrap) {
    wrap.classList.toggle("more-right", wrap.scrollLeft + wrap.clientWidth < wrap.scrollWidth - 1);
  };
  var all = function () { document.querySelectorAll(".table-wrap").forEach(mark); };
  document.addEventListener("DOMContentLoaded", all);
  document.addEventListener("htmx:afterSettle", all);
  window.addEventListener("resize", all);
  document.addEventListener("scroll", function (e) {
    if (e.target.classList && e.target.classList.contains("table-wrap")) mark(e.target);
  }, true);
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
      if (typeof htmx !== "undefined") {
        document.querySelectorAll("form.perm-steps").forEach(function (steps) { htmx.trigger(steps, "htmx:abort"); });
      }
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
  // A permutation test's answer replaces its section (the plug-in test's, or the nearest-neighbour
  // estimate's). When the test ends or is stopped, the button that had the keyboard's focus (Stop
  // here, say) is gone; the focus goes to that test's result instead of falling back to the top of the
  // page. While it runs, htmx keeps the focus on the button with the same id in each new step.
  var focusWasInTest = null; // the id of the test's section that had the focus
  document.addEventListener("htmx:beforeSwap", function () {
    var active = document.activeElement;
    var section = active && active.closest ? active.closest("section.permutation") : null;
    focusWasInTest = section && active !== section ? section.id : null;
  });
  document.addEventListener("htmx:afterSettle", function () {
    var result = focusWasInTest && document.querySelector("#" + focusWasInTest + " .perm-result");
    var lost = !document.activeElement || document.activeElement === document.body;
    if (lost && result) result.focus();
    focusWasInTest = null;
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
    htmx.ajax("POST", form.getAttribute("hx-post"), { source: form, target: form.getAttribute("hx-target"), swap: "outerHTML", values: values });
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
    besideUpload("The file “" + file.name + "” is " + size + ", larger than the " + Math.round(max / 1048576)
        + " MB this app reads. Nothing was sent: choose a smaller file.", "Not sent: ");
  });
  // A message beside the upload (the file input keeps the file chosen), announced.
  var besideUpload = function (message, spoken) {
    var input = document.getElementById("data-file");
    var error = document.getElementById("err-data");
    if (!error) {
      error = document.createElement("p");
      error.className = "field-error";
      error.id = "err-data";
      document.getElementById("upload-progress").after(error);
    }
    error.textContent = message;
    if (input) {
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", "err-data");
    }
    var live = document.getElementById("announce");
    if (live) live.textContent = spoken + message;
  };
  // The server is busy with other people's data (503 with Retry-After). The estimate's answer says so
  // beside the upload; the form is left as it is, the file chosen included, and sent again after the
  // wait, with the progress bar. A permutation test's step is asked for again after the wait.
  document.addEventListener("htmx:beforeSwap", function (e) {
    var xhr = e.detail.xhr;
    var form = e.detail.requestConfig && e.detail.requestConfig.elt; // the event's own elt is the target
    if (xhr.status !== 503 || !form || !form.matches) return;
    var seconds = Math.min(120, Math.max(1, Number(xhr.getResponseHeader("Retry-After")) || 5));
    if (form.id === "data-form") {
      e.detail.shouldSwap = false;
      var said = new DOMParser().parseFromString(xhr.responseText, "text/html").getElementById("err-data");
      besideUpload((said ? said.textContent.trim() : "The server is busy right now.") + " Sending it again in " + seconds + " s…", "");
      document.getElementById("upload-progress").hidden = true;
      setTimeout(function () { if (document.body.contains(form) && !estimate) htmx.trigger(form, "submit"); }, seconds * 1000);
    } else if (form.matches("form.perm-steps")) {
      e.detail.shouldSwap = false;
      setTimeout(function () { if (document.body.contains(form)) htmx.trigger(form, "submit"); }, seconds * 1000);
    } else if (form.matches("form.learned-form")) {
      // The learned-attention experiment: said under its progress bar, and sent again after the wait.
      e.detail.shouldSwap = false;
      var status = document.getElementById("learned-status");
      if (status) status.textContent = "The server is busy with other people's work; training again in " + seconds + " s…";
      setTimeout(function () {
        if (!document.body.contains(form)) return;
        if (status) status.textContent = "";
        htmx.trigger(form, "submit");
      }, seconds * 1000);
    }
  });
  document.addEventListener("htmx:xhr:progress", function (e) {
    var bar = document.getElementById("upload-progress");
    if (!bar || e.target.id !== "data-form" || !e.detail.lengthComputable || !e.detail.total) return;
    bar.value = Math.max(bar.value, Math.round(100 * e.detail.loaded / e.detail.total));
  });
})();
