/* Wegwijs feedback, progressive enhancement of the plain HTML form.
   Without this script the form posts as HTML and ends on the thank-you page
   (the server then reads a channel link from the address of the page).
   With it:
   - A channel link (?c=letter on a letter's QR code) counts for the whole visit,
     in every tab: it is kept in localStorage with the time of the last page view,
     and a visit ends after 30 minutes without one. The channel question is preset
     to it, and the answer says whether its channel came from the link or from
     the reader. No link and no choice: no channel is sent (the server records
     "unknown", never a guess).
   - One reader action is one answer: its id is made once and kept until the
     server has it or the reader changes the form, and the button does nothing
     while the answer is on its way (double taps, slow networks).
   - When the network fails the answer waits in an outbox (localStorage) that is
     resent when the browser is back online or on the next visit, with the same
     id every time: one record. */
(function () {
  "use strict";
  var OUTBOX = "wg-outbox";
  var LINK = "wg-channel";
  var VISIT_MS = 30 * 60 * 1000;
  var form = document.querySelector("form[data-wg-feedback]");
  if (!form || !window.fetch || !window.JSON) return;
  /* The browser's own check of the required rating would stop the form first, with a
     bubble in the phone's language, not the page's: this script says it instead. */
  form.noValidate = true;
  var endpoint = form.getAttribute("action");
  var status = form.parentNode.querySelector(".wg-status");
  var missing = form.querySelector(".wg-error");
  var ratings = Array.prototype.slice.call(form.querySelectorAll('input[name="rating"]'));
  var button = form.querySelector('[type="submit"]');
  var linked = null; /* the channel a link preset */
  var chosen = false; /* the reader answered the channel question themselves */
  var answerId = null; /* this answer's id: kept until stored or changed */
  var sending = false;

  function load(key) {
    try { return JSON.parse(localStorage.getItem(key)); } catch (e) { return null; }
  }
  function save(key, value) {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, JSON.stringify(value));
    } catch (e) { /* private mode: the link still works for this page */ }
  }
  function read() {
    var box = load(OUTBOX);
    return Array.isArray(box) ? box : [];
  }
  function drop(id) {
    save(OUTBOX, read().filter(function (item) { return item.id !== id; }));
  }
  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64;
    b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20)].join("-");
  }

  /* "ok": stored (201, or 200 for a resend); "retry": no answer (offline), keep it;
     {later}: the server could not take it now (429, 5xx): keep it, try again in `later`
     seconds; the reader is online, so no "online" event would ever resend it;
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
      return { later: Math.min(Number(response.headers.get("Retry-After")) || 60, 600) };
    }, function () { return "retry"; });
  }

  var again = 0;
  function retryIn(seconds) {
    if (!again) again = setTimeout(function () { again = 0; flush(); }, seconds * 1000);
  }

  var flushing = null;
  function flush() {
    if (flushing) return flushing;
    flushing = read().reduce(function (previous, item) {
      return previous.then(function () {
        return send(item).then(function (result) {
          if (result.later) retryIn(result.later);
          else if (result !== "retry") drop(item.id);
          /* The answer this page said it kept has arrived: say so (a status, not the focus). */
          if (result === "ok" && item.id === answerId && form.hidden) say(form.dataset.thanks);
        });
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

  /* Compared with the form's own choices, never put in a selector. */
  function channelInput(value) {
    var inputs = form.querySelectorAll('input[name="channel"]');
    for (var i = 0; i < inputs.length; i++) if (inputs[i].value === value) return inputs[i];
    return null;
  }

  /* This page's ?c= (any case, spaces trimmed), else the link of this visit. */
  function preset() {
    var asked = new URLSearchParams(location.search).get("c");
    var input = asked && channelInput(asked.trim().toLowerCase());
    var now = Date.now();
    var visit = load(LINK);
    if (input) visit = { channel: input.value, seen: now };
    else if (!visit || !(now - visit.seen < VISIT_MS)) visit = null;
    input = visit && channelInput(visit.channel);
    if (input) visit.seen = now; /* this page view keeps the visit going */
    save(LINK, input ? visit : null);
    if (!input) return;
    input.checked = true;
    linked = input.value;
  }

  function busy(on) {
    sending = on;
    ["aria-disabled", "aria-busy"].forEach(function (name) {
      if (on) button.setAttribute(name, "true");
      else button.removeAttribute(name);
    });
  }

  function changed(event) {
    answerId = null; /* a different answer gets its own id */
    if (event.target.name === "channel") chosen = true;
  }
  form.addEventListener("input", changed);
  form.addEventListener("change", function (event) {
    changed(event);
    /* A low rating: open "what made it hard?" so the reader can say why. */
    var low = Number(event.target.value) < Number(form.dataset.satisfiedFrom);
    if (event.target.name === "rating" && low) form.querySelector("details").open = true;
    if (event.target.name === "rating") {
      missing.hidden = true;
      /* A hidden element still describes what names it: the link goes too. */
      ratings.forEach(function (input) {
        input.removeAttribute("aria-invalid");
        input.removeAttribute("aria-describedby");
      });
    }
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (sending) return; /* a second tap while the first is on its way */
    var data = new FormData(form);
    if (!data.get("rating")) {
      /* Said next to the rating, tied to its choices, and the focus goes there. */
      missing.hidden = false;
      ratings.forEach(function (input) {
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", missing.id);
      });
      ratings[0].focus();
      return;
    }
    answerId = answerId || uuid();
    var item = { id: answerId, barriers: [] };
    data.forEach(function (value, key) {
      if (key === "barriers") item.barriers.push(value);
      else if (value !== "") item[key] = key === "rating" ? Number(value) : value;
    });
    if (item.channel) item.channel_source = !chosen && item.channel === linked ? "link" : "reader";
    save(OUTBOX, read().filter(function (kept) { return kept.id !== item.id; }).concat([item]));
    busy(true);
    say(form.dataset.sending);
    send(item).then(function (result) {
      busy(false);
      if (result === "retry" || result.later) {
        if (result.later) retryIn(result.later);
        say(result.later ? form.dataset.later : form.dataset.queued, true);
        return;
      }
      drop(item.id);
      if (result === "ok") say(form.dataset.thanks, true);
      else say(result.error || form.dataset.failed);
    });
  });

  preset();
  window.addEventListener("online", flush);
  flush();
})();
