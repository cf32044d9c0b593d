// quotegraph pages work without this file. It keeps search addresses short (empty filters are not sent), and
// on an article page it lets a reader point at a speaker in the legend ("Who is quoted") to pick out that
// speaker's quotes in the text.
(function () {
  "use strict";
  var form = document.querySelector("form.search-form");
  if (!form) return;
  form.addEventListener("submit", function () {
    var sort = form.querySelector("[name=sort]");
    var fields = form.querySelectorAll("input, select");
    for (var i = 0; i < fields.length; i++) {
      if (fields[i].name && fields[i].value.trim() === "") fields[i].disabled = true;
    }
    if (sort && sort.value === "newest") sort.disabled = true;
  });
})();

(function () {
  "use strict";
  var article = document.querySelector(".article");
  if (!article) return;
  var items = article.querySelectorAll(".legend-item");
  var quotes = article.querySelectorAll("mark.q");

  function focusSpeaker(key) {
    article.classList.add("focus-speaker");
    for (var i = 0; i < quotes.length; i++) {
      quotes[i].classList.toggle("is-focused", quotes[i].getAttribute("data-speaker") === key);
    }
  }

  function clear() {
    article.classList.remove("focus-speaker");
    for (var i = 0; i < quotes.length; i++) quotes[i].classList.remove("is-focused");
  }

  for (var i = 0; i < items.length; i++) {
    (function (item) {
      var key = item.getAttribute("data-speaker");
      item.addEventListener("mouseenter", function () { focusSpeaker(key); });
      item.addEventListener("mouseleave", clear);
      item.addEventListener("focusin", function () { focusSpeaker(key); });
      item.addEventListener("focusout", clear);
    })(items[i]);
  }
})();

// "Copy citation" on each quote card: the button is hidden without this file (it needs the clipboard); the
// citation itself is in the button's data-citation, written by the server.
(function () {
  "use strict";
  var buttons = document.querySelectorAll("button.copy-citation");
  function copied(button, label) {
    var was = "Copy citation";
    button.textContent = label;
    window.setTimeout(function () { button.textContent = was; }, 2000);
  }
  function fallback(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "absolute";
    area.style.left = "-9999px";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener("click", function (event) {
      var button = event.currentTarget;
      var text = button.getAttribute("data-citation");
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(function () { copied(button, "Copied"); },
          function () { copied(button, fallback(text) ? "Copied" : "Copy failed"); });
      } else {
        copied(button, fallback(text) ? "Copied" : "Copy failed");
      }
    });
  }
})();
