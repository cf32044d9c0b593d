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
