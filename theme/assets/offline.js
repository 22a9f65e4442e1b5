/* Wegwijs offline reading (needs a service worker; without one nothing shows).
   - Registers sw.js, then asks it to keep this page from the answer the browser
     already has (no second request), with the offline page and the manifest of
     this language.
   - "Keep this language on my phone": on the home page, and on other pages from
     the second visit on (a visit ends after 30 minutes without a page view). The
     size of the pack is shown first; nothing is saved before the reader agrees.
   - On the offline page: only the pages saved on this phone stay in the list. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !("serviceWorker" in navigator) || !window.caches || !window.MessageChannel) {
    /* The offline page without offline reading: nothing can be saved on this phone. */
    var none = document.querySelector("[data-wg-offline-none]");
    if (none) none.hidden = false;
    return;
  }
  var root = script.src.replace(/assets\/offline\.js.*$/, "");
  var VISITS = "wg-visits";
  var NO = "wg-keep-no";
  var VISIT_MS = 30 * 60 * 1000;
  var lang = document.documentElement.lang;

  function load(key) {
    try { return JSON.parse(localStorage.getItem(key)); } catch (e) { return null; }
  }
  function save(key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode */ }
  }
  function ask(message, onProgress) {
    return navigator.serviceWorker.ready.then(function (registration) {
      return new Promise(function (resolve, reject) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) {
          if (event.data.progress && onProgress) onProgress(event.data);
          else if (event.data.done) resolve(event.data.result);
          else if ("done" in event.data) reject(new Error("not saved"));
        };
        registration.active.postMessage(message, [channel.port2]);
      });
    });
  }
  /* The pages write numbers in Latin digits, in every script: so do we (Persian's own
     digits here would sit next to the page count's Latin ones). */
  var LATIN_DIGITS = { numberingSystem: "latn" };
  function kilobytes(bytes) {
    return new Intl.NumberFormat(lang, LATIN_DIGITS).format(Math.max(1, Math.round(bytes / 1024))) + " KB";
  }
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, name) { return name in values ? values[name] : all; });
  }

  function visits() {
    var now = Date.now();
    var seen = load(VISITS) || { n: 0, seen: 0 };
    if (!(now - seen.seen < VISIT_MS)) seen.n += 1;
    seen.seen = now;
    save(VISITS, seen);
    return seen.n;
  }

  /* The heading of what follows an element that was hidden (the feedback form). */
  function focusAfter(element) {
    var next = element.nextElementSibling;
    var target = next && (next.querySelector("h2") || next);
    if (!target) return;
    target.setAttribute("tabindex", "-1");
    target.focus();
  }

  function keepControl(box, count) {
    var manifestUrl = box.getAttribute("data-manifest");
    var status = box.querySelector(".wg-keep-status");
    var confirm = box.querySelector("[data-wg-keep-confirm]");
    var askButton = box.querySelector("[data-wg-keep-ask]");
    if (!box.hasAttribute("data-home") && (count < 2 || load(NO))) return;
    fetch(manifestUrl, { cache: "no-cache" }).then(function (response) { return response.json(); }).then(function (manifest) {
      if (manifest.saved) return; /* already on this phone */
      box.hidden = false;
      askButton.addEventListener("click", function () {
        box.querySelector("[data-wg-keep-size]").textContent = fill(box.dataset.size,
          { count: manifest.count, size: kilobytes(manifest.bytes) });
        confirm.hidden = false;
        askButton.setAttribute("aria-expanded", "true");
        confirm.querySelector("button").focus();
      });
      askButton.setAttribute("aria-expanded", "false");
      box.querySelector("[data-wg-keep-no]").addEventListener("click", function () {
        save(NO, true);
        confirm.hidden = true;
        askButton.setAttribute("aria-expanded", "false");
        if (box.hasAttribute("data-home")) askButton.focus();
        else {
          box.hidden = true;
          focusAfter(box); /* not back to the start of the page */
        }
      });
      box.querySelector("[data-wg-keep-yes]").addEventListener("click", function () {
        confirm.hidden = true;
        askButton.hidden = true;
        status.textContent = fill(box.dataset.saving, { done: 0, count: manifest.count });
        status.setAttribute("tabindex", "-1");
        status.focus(); /* the buttons are gone: the focus follows the progress */
        ask({ type: "keep", page: location.pathname }, function (step) {
          status.textContent = fill(box.dataset.saving, { done: step.progress, count: step.of });
        }).then(function () {
          status.textContent = fill(box.dataset.saved, { count: manifest.count });
        }, function () {
          status.textContent = box.dataset.failed;
          askButton.hidden = false;
        });
      });
    }).catch(function () { /* offline and never saved: nothing to offer */ });
  }

  function offlineList(list) {
    document.querySelector("[data-wg-retry]").addEventListener("click", function () { location.reload(); });
    caches.keys().then(function (names) {
      return Promise.all(names.map(function (name) {
        return caches.open(name).then(function (cache) { return cache.keys(); });
      }));
    }).then(function (all) {
      var saved = {};
      all.forEach(function (requests) {
        requests.forEach(function (request) { saved[new URL(request.url).pathname.slice(new URL(root).pathname.length)] = true; });
      });
      var shown = 0;
      Array.prototype.forEach.call(list.querySelectorAll("li"), function (item) {
        item.hidden = !saved[item.getAttribute("data-path")];
        if (!item.hidden) shown += 1;
      });
      document.querySelector("[data-wg-offline-none]").hidden = shown > 0;
      list.setAttribute("data-wg-checked", "");
    });
  }

  var count = visits();
  var list = document.querySelector("[data-wg-offline-list]");
  /* The offline page stands in for a page that is not saved: that page is not kept. */
  navigator.serviceWorker.register(root + "sw.js").then(function () {
    var loaded = Array.prototype.map.call(document.querySelectorAll("script[src],link[rel~=icon]"),
      function (element) { return element.src || element.href; });
    return ask({ type: "ready", page: location.pathname, keepPage: !list, loaded: loaded });
  }).catch(function () { /* offline reading is a bonus, never an error */ });
  if (list) offlineList(list);
  var box = document.querySelector("[data-wg-keep]");
  if (box) keepControl(box, count);
})();
