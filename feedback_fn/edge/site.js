// Wegwijs at the edge: one CloudFront Function (JavaScript runtime 2.0) on the viewer
// request and the viewer response of the site's cache behaviours (never on /api/*).
//
// Request
// - A directory URL (/ar/mo/) is the page's index.html: no Lambda, no S3 website endpoint.
// - A page the build does not have is the 404 page of the language it is under
//   (/ar/no-such-page/ -> /ar/404.html; outside a language folder /404.html).
// - A page URL without its slash (/ar/mo) is redirected to it, query string kept.
// - A text file is sent as the build's own .br (brotli) or .gz when the
//   reader's browser accepts it; CloudFront never compresses (Compress is off), so
//   readers get the build's bytes, not a weaker re-compression.
// Response
// - The 404 pages carry the object metadata status=404 (build.py publish sets it):
//   they answer 404, whichever URL led to them.
// - Every answer varies by Accept-Encoding (the same URL has three bodies).
//
// LANGUAGES and PAGES are filled in when the stack is packaged (edge/code.js), from
// languages.yml and the build's pages.json: the function knows the site's pages, as
// the feedback function does. Write ES5 here: no template literals (osls would read
// their dollar-brace as one of its variables).

var LANGUAGES = __LANGUAGES__;
var PAGES = __PAGES__;
// sitegen/compress.py writes .br and .gz beside files with these suffixes.
var COMPRESSED = {
  ".html": 1, ".css": 1, ".js": 1, ".svg": 1, ".xml": 1, ".json": 1, ".txt": 1,
  ".webmanifest": 1, ".pf_meta": 1, ".pf_index": 1, ".pf_fragment": 1, ".pagefind": 1
};
var ENCODINGS = [["br", ".br"], ["gzip", ".gz"]];
var STATUS_HEADER = "x-amz-meta-status";

function handler(event) {
  if (event.context && event.context.eventType === "viewer-response") {
    return onResponse(event.response);
  }
  return onRequest(event.request);
}

function onRequest(request) {
  var uri = request.uri;
  var last = uri.slice(uri.lastIndexOf("/") + 1);
  if (last === "") {
    uri = pageFile(uri);
  } else if (last.indexOf(".") === -1) {
    if (pageFile(uri + "/") === uri + "/index.html") {
      return redirect(uri + "/", request.querystring);
    }
    uri = pageFile(uri + "/");
  }
  request.uri = uri + encodingSuffix(uri, request.headers["accept-encoding"]);
  return request;
}

// The file for a directory URL: its index.html, or the 404 page of its language.
function pageFile(uri) {
  var path = uri.slice(1);
  var first = path.slice(0, path.indexOf("/"));
  var prefix = "/";
  if (LANGUAGES.indexOf(first) !== -1) {
    prefix = "/" + first + "/";
    path = path.slice(first.length + 1);
  }
  // Staff and editors' tools (/_staff/, /_editors/) are not reader pages: S3 decides.
  if (path.charAt(0) === "_" || PAGES[decoded(path)] === 1) {
    return uri + "index.html";
  }
  return prefix + "404.html";
}

function decoded(path) {
  try {
    return decodeURIComponent(path);
  } catch (e) {
    return null;  // malformed escapes name no page
  }
}

function redirect(location, querystring) {
  var query = [];
  for (var name in querystring) {
    var item = querystring[name];
    var values = item.multiValue ? item.multiValue : [item];
    for (var i = 0; i < values.length; i++) {
      // Names and values arrive as the browser sent them (still percent-encoded).
      query.push(values[i].value === "" ? name : name + "=" + values[i].value);
    }
  }
  return {
    statusCode: 301,
    statusDescription: "Moved Permanently",
    headers: {
      "location": { value: query.length ? location + "?" + query.join("&") : location },
      "cache-control": { value: "public, max-age=3600" }
    }
  };
}

// ".br" or ".gz" for a text file the reader's browser can take compressed; else "".
function encodingSuffix(uri, header) {
  var suffix = uri.slice(uri.lastIndexOf("."));
  if (COMPRESSED[suffix] !== 1 || !header) {
    return "";
  }
  var quality = qualities(header.value);
  for (var i = 0; i < ENCODINGS.length; i++) {
    var name = ENCODINGS[i][0];
    var q = name in quality ? quality[name] : ("*" in quality ? quality["*"] : 0);
    if (q > 0) {
      return ENCODINGS[i][1];
    }
  }
  return "";
}

// Accept-Encoding as {coding: q}: "gzip, br;q=0.8" -> {gzip: 1, br: 0.8}.
function qualities(value) {
  var result = {};
  var parts = value.split(",");
  for (var i = 0; i < parts.length; i++) {
    var params = parts[i].split(";");
    var coding = params[0].trim().toLowerCase();
    var q = 1;
    for (var j = 1; j < params.length; j++) {
      var param = params[j].trim().toLowerCase();
      if (param.indexOf("q=") === 0) {
        q = parseFloat(param.slice(2));
        q = isNaN(q) ? 0 : q;
      }
    }
    if (coding) {
      result[coding] = q;
    }
  }
  return result;
}

function onResponse(response) {
  var headers = response.headers;
  var marked = headers[STATUS_HEADER];
  if (marked) {
    if (marked.value === "404" && response.statusCode === 200) {
      response.statusCode = 404;
      response.statusDescription = "Not Found";
    }
    delete headers[STATUS_HEADER];
  }
  headers["vary"] = { value: "Accept-Encoding" };
  return response;
}
