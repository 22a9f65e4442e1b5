/* Wegwijs "Listen": the page read aloud by the browser's own speech synthesis, in a
   voice of the text's language, one sentence at a time (the sentence being read is
   shown, and its paragraph marked); a part in another language (a Dutch word marked
   lang="nl") in a voice of its own where there is one. Pause, continue, stop. No voice
   for the language: the control stays hidden. Nothing goes over the network. */
(function () {
  "use strict";
  var box = document.querySelector("[data-wg-listen]");
  var synth = window.speechSynthesis;
  if (!box || !synth || !window.SpeechSynthesisUtterance) return;
  var lang = box.getAttribute("data-lang");
  var SKIP = ".wg-notice,.wg-review,.wg-listen,.wg-next,.wg-feedback,.wg-print,.wg-keep,.wg-offer,.wg-first,nav,form";
  var button = function (name) { return box.querySelector("[data-wg-" + name + "]"); };
  var now = box.querySelector(".wg-listen-now");
  var shown = box.querySelector("[data-wg-sentence]");
  var voice = null;
  var queue = [];
  var at = 0;
  var marked = null;
  var run = 0;

  function primary(tag) { return String(tag || "").toLowerCase().split(/[-_]/)[0]; }
  /* A voice of a language: named by one of the given tags (a Dari voice is fa-AF),
     else as spoken in Belgium (the readers live in Flanders), else any. */
  function voiceOf(code, tags) {
    var voices = synth.getVoices() || [];
    var named = function (v) { return String(v.lang).toLowerCase().replace("_", "-"); };
    var wanted = tags.concat(primary(code) + "-be");
    for (var w = 0; w < wanted.length; w++) {
      for (var i = 0; i < voices.length; i++) if (named(voices[i]) === wanted[w]) return voices[i];
    }
    for (i = 0; i < voices.length; i++) if (primary(voices[i].lang) === primary(code)) return voices[i];
    return null;
  }
  var tags = (box.getAttribute("data-tags") || "").toLowerCase().split(" ").slice(1);
  /* Else the voice of a near language (Dari: Persian), which reads it understandably. */
  var near = box.getAttribute("data-near");
  function findVoice() { return voiceOf(lang, tags) || (near ? voiceOf(near, []) : null); }
  /* A voice for a part in another language (a Dutch word a translation keeps in
     brackets is marked lang="nl"): that language's voice, else the page's. */
  function voiceFor(tag) {
    return primary(tag) === primary(lang) ? voice : voiceOf(tag, []) || voice;
  }
  function sentences(text) {
    if (window.Intl && Intl.Segmenter) {
      return Array.from(new Intl.Segmenter(lang, { granularity: "sentence" }).segment(text), function (s) { return { text: s.segment, at: s.index }; });
    }
    var from = 0;
    return text.split(/(?<=[.!?\u061f\u06d4\u1362])\s+/).map(function (s) {
      from = text.indexOf(s, from);
      return { text: s, at: from };
    });
  }
  /* An element's text with its spaces made single, and where each language's run of
     it starts. */
  function textOf(element) {
    var text = "";
    var runs = [];
    var walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var piece = node.nodeValue.replace(/\s+/g, " ");
      if (text.slice(-1) === " " && piece.charAt(0) === " ") piece = piece.slice(1);
      if (!piece) continue;
      var owner = node.parentElement.closest("[lang]");
      var tag = owner ? owner.getAttribute("lang") : lang;
      if (!runs.length || runs[runs.length - 1].tag !== tag) runs.push({ tag: tag, at: text.length });
      text += piece;
    }
    return { text: text, runs: runs };
  }
  /* What is said for one sentence: a piece per voice (punctuation alone is not said). */
  function pieces(found, sentence) {
    var said = [];
    var end = sentence.at + sentence.text.length;
    found.runs.forEach(function (run, i) {
      var next = i + 1 < found.runs.length ? found.runs[i + 1].at : found.text.length;
      var text = found.text.slice(Math.max(run.at, sentence.at), Math.min(next, end));
      if (!/[\p{L}\p{N}]/u.test(text)) return;
      var speaker = voiceFor(run.tag);
      var last = said[said.length - 1];
      if (last && last.voice === speaker) last.text += text;
      else said.push({ text: text, voice: speaker });
    });
    return said.map(function (piece) { return { text: piece.text.trim(), voice: piece.voice }; });
  }
  function collect() {
    var article = document.querySelector("article");
    var parts = [];
    article.querySelectorAll("h1,h2,h3,h4,p,li,dt,dd,td,th").forEach(function (element) {
      if (element.closest(SKIP) || element.querySelector("p,li")) return;
      var found = textOf(element);
      sentences(found.text).forEach(function (sentence) {
        var text = sentence.text.trim();
        if (!text) return;
        pieces(found, sentence).forEach(function (piece) {
          parts.push({ text: piece.text, voice: piece.voice, sentence: text, element: element });
        });
      });
    });
    return parts;
  }
  function state(playing, paused) {
    button("play").hidden = playing;
    button("pause").hidden = !playing || paused;
    button("resume").hidden = !playing || !paused;
    button("stop").hidden = !playing;
    now.hidden = !playing;
    box.classList.toggle("wg-playing", playing);
  }
  function mark(element) {
    if (marked) marked.classList.remove("wg-reading");
    marked = element;
    if (element) {
      element.classList.add("wg-reading");
      /* The panel is fixed at the bottom: keep the paragraph above it, not under it. */
      element.style.scrollMarginBottom = innerHeight - box.getBoundingClientRect().top + 16 + "px";
      if (element.scrollIntoView) element.scrollIntoView({ block: "nearest" });
    }
  }
  function speak(mine) {
    if (mine !== run) return;
    if (at >= queue.length) { stop(); return; }
    var part = queue[at];
    var utterance = new SpeechSynthesisUtterance(part.text);
    utterance.voice = part.voice;
    utterance.lang = part.voice.lang;
    utterance.onend = function () { at += 1; speak(mine); };
    shown.textContent = part.sentence;
    mark(part.element);
    synth.speak(utterance);
  }
  function stop() {
    /* Pause and Stop are hidden now: the focus they had goes to Play, not to the page. */
    var focused = box.contains(document.activeElement);
    run += 1;
    synth.cancel();
    mark(null);
    state(false, false);
    if (focused) button("play").focus();
  }

  button("play").addEventListener("click", function () {
    synth.cancel();
    queue = collect();
    at = 0;
    state(true, false);
    button("pause").focus();
    speak(++run);
  });
  button("pause").addEventListener("click", function () {
    synth.pause();
    state(true, true);
    button("resume").focus();
  });
  button("resume").addEventListener("click", function () {
    synth.resume();
    state(true, false);
    button("pause").focus();
  });
  button("stop").addEventListener("click", function () {
    stop();
    button("play").focus();
  });
  function offer() {
    voice = findVoice();
    box.hidden = !voice;
  }
  offer();
  if (synth.addEventListener) synth.addEventListener("voiceschanged", offer);
  window.addEventListener("pagehide", function () { synth.cancel(); });
})();
