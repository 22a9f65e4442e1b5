/* Wegwijs search, on the topic index page: Pagefind over the pages that really are
   in the reader's language (sitegen/search_index.py indexes one language per <html lang>).
   Nothing is downloaded before the reader starts to search. Words are folded as the
   index was: marks (short vowels, hamza, accents) dropped, Arabic letter variants
   (alef, yeh, kaf, teh marbuta) made one, digits made Latin, Ethiopic word marks
   made spaces. sitegen/search_index.py's fold() does the same; a test compares them. */
(function () {
  "use strict";
  var form = document.querySelector("[data-wg-search]");
  if (!form || !window.fetch || !("noModule" in document.createElement("script"))) return;
  var input = form.querySelector("input");
  var status = form.querySelector(".wg-search-status");
  var list = form.querySelector(".wg-results");
  var bundle = new URL(form.getAttribute("data-bundle"), location.href).href;
  var root = bundle.replace(/pagefind\/pagefind\.js$/, "");
  var LETTERS = { "\u0649": "\u064a", "\u06cc": "\u064a", "\u06a9": "\u0643", "\u0629": "\u0647",
    "\u0671": "\u0627", "\u0640": "", "\u200c": "", "\u200d": "" };
  var engine = null;
  var asked = 0;

  function fold(text) {
    return text.normalize("NFKD").replace(/\p{M}/gu, "").replace(/[\u0660-\u0669\u06f0-\u06f9]/g, function (c) {
      return String((c.charCodeAt(0) & 15));
    }).replace(/[\u1361-\u1368]/g, " ").replace(/[\u0649\u06cc\u06a9\u0629\u0671\u0640\u200c\u200d]/g, function (c) {
      return LETTERS[c];
    }).toLowerCase();
  }
  function load() {
    if (!engine) {
      engine = import(bundle).then(function (pagefind) {
        return pagefind.options({ noWorker: true }).then(function () { return pagefind; });
      });
    }
    return engine;
  }
  function say(text) { status.textContent = text; }

  function show(found, total) {
    list.textContent = "";
    found.forEach(function (data) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = new URL(data.url.replace(/^\//, ""), root).href;
      link.textContent = data.meta.title;
      item.appendChild(link);
      if (data.meta.description) {
        var text = document.createElement("p");
        text.textContent = data.meta.description;
        item.appendChild(text);
      }
      list.appendChild(item);
    });
    say(total ? form.dataset.results.replace("{count}", new Intl.NumberFormat(document.documentElement.lang, { numberingSystem: "latn" }).format(total)) : form.dataset.none);
  }

  function run() {
    var query = fold(input.value).trim();
    var mine = ++asked;
    if (!query) { list.textContent = ""; say(""); return; }
    say(form.dataset.loading);
    load().then(function (pagefind) { return pagefind.search(query); }).then(function (search) {
      return Promise.all(search.results.slice(0, 10).map(function (result) { return result.data(); }))
        .then(function (found) { if (mine === asked) show(found, search.results.length); });
    }).catch(function () {
      engine = null;
      if (mine === asked) say(form.dataset.failed);
    });
  }

  var timer = null;
  input.addEventListener("focus", load, { once: true });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 300);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  window.wegwijsFold = fold; /* for the test that compares it with the build's */
})();
