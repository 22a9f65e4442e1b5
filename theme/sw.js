/* Wegwijs service worker: pages keep working offline.
   - Pages: network first (readers get the current text when they can), the cached
     copy when the network fails, and when a page was never saved, the offline page
     of the reader's language (it lists what is saved). A page is fetched once per
     view: the copy is kept from that same answer.
   - Scripts, language manifests and search files: from the cache of this build
     (their content only changes with a new build, and a new build is a new cache).
   - Caches are named after the build. When a new build arrives, what did not
     change is carried over from the old cache, what changed is fetched again for
     a saved language pack (and dropped otherwise), and the old cache is deleted.
   - Feedback (/api/) is never touched: the page's outbox handles it.
   The build writes BUILD (sitegen/offline_packs.py); assets/offline.js registers it. */
"use strict";
var BUILD = {"version": "dev", "languages": []};
var CACHE = "wegwijs-" + BUILD.version;
var SCOPE = new URL(self.registration.scope).pathname;
var FROM_BUILD_CACHE = /^(assets|pagefind)\/|(^|\/)offline\.json$/;

/* "ar/" for a path in the Arabic site, "" for Dutch (at the root). */
function prefixOf(path) {
  var first = path.slice(SCOPE.length).split("/")[0];
  return BUILD.languages.indexOf(first) >= 0 ? first + "/" : "";
}
function manifestUrl(prefix) { return SCOPE + prefix + "offline.json"; }
/* Asked of the server, not of the browser's HTTP cache: scripts and manifests keep
   their names from build to build, and a day-old copy would belong to the last one. */
function fresh(url) { return new Request(url, { cache: "no-cache" }); }
function pageKey(url) { return url.origin + url.pathname; }

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) {
  event.waitUntil(update().then(function () { return self.clients.claim(); }));
});

/* A file of a manifest is carried over when its hash is the same in the new build. */
function carryOver(oldCache, cache, request) {
  var url = new URL(request.url);
  return Promise.all([
    oldCache.match(request).then(function (r) { return r.json(); }),
    fetch(url.pathname, { cache: "no-store" })
  ]).then(function (both) {
    var before = both[0], response = both[1];
    if (!response.ok) return;
    return response.clone().json().then(function (now) {
      var saved = before.saved === true;
      now.saved = saved;
      var work = Object.keys(now.files).map(function (path) {
        var key = url.origin + SCOPE + path;
        var same = before.files && before.files[path] === now.files[path];
        return oldCache.match(key).then(function (old) {
          if (old && same) return cache.put(key, old);
          if (saved) return cache.add(fresh(key));
        });
      });
      work.push(cache.put(request, jsonResponse(now)));
      return Promise.all(work);
    });
  });
}

function jsonResponse(data) {
  return new Response(JSON.stringify(data), { headers: { "Content-Type": "application/json" } });
}

function update() {
  return caches.keys().then(function (names) {
    var old = names.filter(function (name) { return name.indexOf("wegwijs-") === 0 && name !== CACHE; });
    return caches.open(CACHE).then(function (cache) {
      return Promise.all(old.map(function (name) {
        return caches.open(name).then(function (oldCache) {
          return oldCache.keys().then(function (requests) {
            return Promise.all(requests.filter(function (request) {
              return /\/offline\.json$/.test(request.url);
            }).map(function (request) { return carryOver(oldCache, cache, request); }));
          });
        }).then(function () { return caches.delete(name); });
      }));
    });
  }).catch(function () { /* offline during the update: the old caches serve until the next one */ });
}

/* A saved offline page in a language the reader reads: that of the page asked for,
   else that of the page they came from (a navigation has no clientId, but its
   referrer), else any. Readers keep only their own language: without this, the link
   to the Dutch original or to another language ends in the browser's error page. */
function offlinePage(request, url) {
  var prefixes = [prefixOf(url.pathname)];
  var from = request.referrer ? new URL(request.referrer) : null;
  if (from && from.origin === location.origin) prefixes.push(prefixOf(from.pathname));
  prefixes = prefixes.concat(BUILD.languages.map(function (code) { return code + "/"; }), "");
  return prefixes.reduce(function (found, prefix) {
    return found.then(function (hit) { return hit || caches.match(SCOPE + prefix + "offline/"); });
  }, Promise.resolve());
}

function page(event, url) {
  return fetch(event.request).then(function (response) {
    if (response.ok && response.type === "basic") {
      var copy = response.clone();
      event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.put(pageKey(url), copy); }));
    }
    return response;
  }, function () {
    return caches.match(pageKey(url), { ignoreSearch: true }).then(function (cached) {
      return cached || offlinePage(event.request, url);
    }).then(function (found) { return found || Response.error(); });
  });
}

/* Kept without its query string: Pagefind asks for its entry file with a new ?ts= each time. */
function fromBuild(event, url) {
  return caches.match(pageKey(url)).then(function (cached) {
    return cached || fetch(new Request(event.request, { cache: "no-cache" })).then(function (response) {
      if (response.ok) {
        var copy = response.clone();
        event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.put(pageKey(url), copy); }));
      }
      return response;
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== location.origin) return;
  var path = url.pathname.slice(SCOPE.length);
  if (url.pathname.indexOf(SCOPE) !== 0 || path.indexOf("api/") === 0) return;
  if (request.mode === "navigate") event.respondWith(page(event, url));
  else if (FROM_BUILD_CACHE.test(path)) event.respondWith(fromBuild(event, url));
});

/* Messages from assets/offline.js, answered on the port they bring.
   "ready": keep the page just loaded and its scripts (from the browser's HTTP cache,
   not the network), the offline page and the manifest of its language.
   "keep": save the whole language. */
self.addEventListener("message", function (event) {
  var data = event.data || {};
  var port = event.ports[0];
  var prefix = prefixOf(new URL(data.page || SCOPE, location.href).pathname);
  var done;
  if (data.type === "ready") done = ready(data.keepPage ? data.page : null, prefix, data.loaded || []);
  else if (data.type === "keep") done = keep(prefix, port);
  else return;
  event.waitUntil(done.then(function (result) {
    if (port) port.postMessage({ done: true, result: result || null });
  }, function () {
    if (port) port.postMessage({ done: false });
  }));
});

/* What the page loaded before this worker ran is still in the HTTP cache: keep it from there. */
function keepLoaded(cache, url) {
  var key = pageKey(url);
  return cache.match(key).then(function (hit) {
    if (hit) return;
    return fetch(key, { cache: "force-cache" }).then(function (response) {
      if (response.ok) return cache.put(key, response);
    });
  });
}

function ready(pagePath, prefix, loaded) {
  return caches.open(CACHE).then(function (cache) {
    var wanted = [SCOPE + prefix + "offline/", manifestUrl(prefix)];
    var work = wanted.map(function (path) {
      return cache.match(path).then(function (hit) { return hit || cache.add(fresh(path)); });
    });
    if (pagePath) work.push(keepLoaded(cache, new URL(pagePath, location.href)));
    loaded.forEach(function (address) {
      var url = new URL(address, location.href);
      if (url.origin === location.origin && FROM_BUILD_CACHE.test(url.pathname.slice(SCOPE.length))) {
        work.push(keepLoaded(cache, url));
      }
    });
    return Promise.all(work);
  });
}

function keep(prefix, port) {
  return caches.open(CACHE).then(function (cache) {
    return fetch(fresh(manifestUrl(prefix))).then(function (response) { return response.json(); })
      .then(function (manifest) {
        var paths = Object.keys(manifest.files).map(function (path) { return SCOPE + path; });
        var count = 0;
        return Promise.all(paths.map(function (path) {
          return cache.match(path).then(function (hit) { return hit || cache.add(fresh(path)); }).then(function () {
            count += 1;
            if (port) port.postMessage({ progress: count, of: paths.length });
          });
        })).then(function () {
          manifest.saved = true;
          return cache.put(manifestUrl(prefix), jsonResponse(manifest));
        }).then(function () { return { pages: paths.length, bytes: manifest.bytes }; });
      });
  });
}
