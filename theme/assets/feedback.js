/* Wegwijs feedback, progressive enhancement of the plain HTML form.
   Without this script the form posts as HTML and ends on the thank-you page.
   With it: the channel is preset from a ?c= link (kept for the visit), the
   answer is sent as JSON with an id made here, and when the network fails it
   waits in an outbox (localStorage) that is resent when the browser is back
   online or on the next visit. The same id on every resend: one record. */
(function () {
  "use strict";
  var OUTBOX = "wg-outbox";
  var CHANNEL = "wg-channel";
  var form = document.querySelector("form[data-wg-feedback]");
  if (!form || !window.fetch || !window.JSON) return;
  var endpoint = form.getAttribute("action");
  var status = form.parentNode.querySelector(".wg-status");

  function read() {
    try { return JSON.parse(localStorage.getItem(OUTBOX)) || []; } catch (e) { return []; }
  }
  function write(box) {
    try { localStorage.setItem(OUTBOX, JSON.stringify(box)); } catch (e) { /* private mode */ }
  }
  function drop(id) {
    write(read().filter(function (item) { return item.id !== id; }));
  }
  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64;
    b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20)].join("-");
  }

  /* "ok": stored (201, or 200 for a resend); "retry": keep it for later;
     {error}: the server refused it, resending would not help. */
  function send(item) {
    return fetch(endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(item),
      credentials: "omit",
      keepalive: true
    }).then(function (response) {
      if (response.status === 200 || response.status === 201) return "ok";
      if (response.status === 400 || response.status === 413 || response.status === 422) {
        return response.json().then(function (body) { return { error: body.message }; },
          function () { return { error: "" }; });
      }
      return "retry";
    }, function () { return "retry"; });
  }

  var flushing = null;
  function flush() {
    if (flushing) return flushing;
    flushing = read().reduce(function (previous, item) {
      return previous.then(function () {
        return send(item).then(function (result) { if (result !== "retry") drop(item.id); });
      });
    }, Promise.resolve()).then(function () { flushing = null; });
    return flushing;
  }

  function say(text, done) {
    status.textContent = text;
    if (done) {
      form.hidden = true;
      status.focus();
    }
  }

  function preset() {
    var asked = new URLSearchParams(location.search).get("c");
    var input = asked && form.querySelector('input[name="channel"][value="' + asked.replace(/[^a-z]/g, "") + '"]');
    try {
      if (input) sessionStorage.setItem(CHANNEL, input.value);
      else input = form.querySelector('input[name="channel"][value="' + (sessionStorage.getItem(CHANNEL) || "") + '"]');
    } catch (e) { /* storage blocked: the link still works for this page */ }
    if (input) input.checked = true;
  }

  form.addEventListener("change", function (event) {
    /* A low rating: open "what made it hard?" so the reader can say why. */
    if (event.target.name === "rating" && Number(event.target.value) <= 3) {
      form.querySelector("details").open = true;
    }
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var data = new FormData(form);
    if (!data.get("rating") || !data.get("channel")) {
      say(form.dataset.missing);
      return;
    }
    var item = { id: uuid(), barriers: [] };
    data.forEach(function (value, key) {
      if (key === "barriers") item.barriers.push(value);
      else if (value !== "") item[key] = key === "rating" ? Number(value) : value;
    });
    write(read().concat([item]));
    say(form.dataset.sending);
    send(item).then(function (result) {
      if (result === "retry") {
        say(form.dataset.queued, true);
        return;
      }
      drop(item.id);
      if (result === "ok") say(form.dataset.thanks, true);
      else say(result.error || form.dataset.failed);
    });
  });

  /* Offline reading: the service worker caches pages as they are visited; this
     page and this script were loaded before it ran, so cache them now. */
  function keepOffline(script) {
    if (!("serviceWorker" in navigator) || !script || !window.caches) return;
    var root = script.src.replace(/assets\/feedback\.js.*$/, "");
    navigator.serviceWorker.register(root + "sw.js").then(function () {
      return caches.open("wegwijs-v1");
    }).then(function (cache) {
      return cache.addAll([location.pathname, script.src]);
    }).catch(function () { /* offline use is a bonus, never an error */ });
  }

  preset();
  keepOffline(document.currentScript);
  window.addEventListener("online", flush);
  flush();
})();
