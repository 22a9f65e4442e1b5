/* Wegwijs: on a Dutch page, offer the page in the reader's own language, in that
   language, when the browser prefers a language the page is translated into.
   The first preference that is Dutch or that the page has wins; nothing is stored,
   nothing is redirected. */
(function () {
  "use strict";
  var offer = document.querySelector("[data-wg-offer]");
  if (!offer) return;
  var links = offer.querySelectorAll("a[hreflang]");
  var wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
  function primary(tag) { return String(tag || "").toLowerCase().split(/[-_]/)[0]; }
  /* A link's tags: its code and the others browsers use for it (fa-AF: Dari, prs). */
  function tags(link) { return (link.getAttribute("data-tags") || "").toLowerCase().split(" "); }
  function find(tag) {
    var exact = null, close = null;
    for (var i = 0; i < links.length; i++) {
      var code = links[i].getAttribute("hreflang").toLowerCase();
      if (tags(links[i]).indexOf(String(tag).toLowerCase()) >= 0) exact = links[i];
      else if (!close && primary(code) === primary(tag)) close = links[i];
    }
    return exact || close;
  }
  var source = document.documentElement.lang;
  for (var i = 0; i < wanted.length; i++) {
    if (primary(wanted[i]) === primary(source)) return;
    var link = find(wanted[i]);
    if (link) {
      Array.prototype.forEach.call(links, function (other) { if (other !== link) other.remove(); });
      link.hidden = false;
      offer.setAttribute("lang", link.getAttribute("lang"));
      offer.setAttribute("aria-label", link.textContent);
      offer.hidden = false;
      return;
    }
  }
})();
