// MI Explorer: the only script of our own. No inline scripts anywhere (the pages' CSP allows none).
// Morphing swaps keep what the person is typing: the field with focus keeps its value, and
// folded sections keep their open or closed state across updates.
(function () {
  if (typeof Idiomorph === "undefined") return;
  Idiomorph.defaults.ignoreActiveValue = true;
  Idiomorph.defaults.callbacks.beforeAttributeUpdated = function (name, element) {
    return !(name === "open" && element.tagName === "DETAILS");
  };
})();
