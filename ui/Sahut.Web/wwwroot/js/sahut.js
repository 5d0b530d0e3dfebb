// Small progressive enhancements; every form also works without JavaScript.
(function () {
  "use strict";

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target instanceof HTMLSelectElement && target.hasAttribute("data-autosubmit") && target.form) {
      target.form.requestSubmit();
    }
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form instanceof HTMLFormElement ? form.getAttribute("data-confirm") : null;
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });

  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element ? event.target.closest("[data-copy]") : null;
    if (!button) {
      return;
    }
    var input = document.querySelector(button.getAttribute("data-copy"));
    if (!input) {
      return;
    }
    input.select();
    var done = function () { button.classList.add("copied"); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(done, function () { document.execCommand("copy"); done(); });
    } else {
      document.execCommand("copy");
      done();
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    // Newest messages are at the bottom, like every chat app.
    var messages = document.getElementById("msgs");
    if (messages) {
      messages.scrollTop = messages.scrollHeight;
    }
    // Ctrl/Cmd+Enter sends from the composer.
    document.querySelectorAll(".comp-form textarea").forEach(function (area) {
      area.addEventListener("keydown", function (event) {
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && area.form) {
          area.form.requestSubmit();
        }
      });
    });
  });
})();
