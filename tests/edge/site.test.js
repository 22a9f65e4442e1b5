'use strict';
// The site's CloudFront Function on its own, with node's test runner:
//   node --test tests/edge/        (tests/feedback/test_edge_function.py runs it in pytest)
// The code is rendered as packaging renders it, then run in a fresh context as
// CloudFront runs it: a script that defines handler(event), nothing exported.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const EDGE = path.join(__dirname, '..', '..', 'feedback_fn', 'edge');
const { render, MAX_BYTES } = require(path.join(EDGE, 'code.js'));
const SOURCE = fs.readFileSync(path.join(EDGE, 'site.js'), 'utf8');

const LANGUAGES = ['nl', 'en', 'ar', 'ps'].map((code) => ({ code }));
const OWN_PAGES = ['', 'mo/', 'kosten/', 'feedback/thanks/', 'مو/'];
const PAGES = ['', 'en/', 'ar/', 'ps/'].flatMap((prefix) =>
  OWN_PAGES.map((page) => encodeURI(`/${prefix}${page}`))
);
const CHROME = 'gzip, deflate, br, zstd';

function load(languages = LANGUAGES, pages = PAGES) {
  const context = {};
  vm.runInNewContext(render(SOURCE, languages, pages), context);
  return context.handler;
}

const handler = load();

function viewerRequest(uri, acceptEncoding = CHROME, querystring = {}) {
  const headers = acceptEncoding === null ? {} : { 'accept-encoding': { value: acceptEncoding } };
  return handler({
    version: '1.0',
    context: { eventType: 'viewer-request' },
    request: { method: 'GET', uri, querystring, headers, cookies: {} },
  });
}

function viewerResponse(statusCode, headers) {
  return handler({
    version: '1.0',
    context: { eventType: 'viewer-response' },
    request: { method: 'GET', uri: '/ar/404.html.br', querystring: {}, headers: {} },
    response: { statusCode, statusDescription: 'OK', headers, cookies: {} },
  });
}

test('a directory URL is its index.html, in brotli for a browser that takes it', () => {
  assert.equal(viewerRequest('/ar/mo/').uri, '/ar/mo/index.html.br');
  assert.equal(viewerRequest('/').uri, '/index.html.br');
  assert.equal(viewerRequest('/ar/').uri, '/ar/index.html.br');
  assert.equal(viewerRequest('/ps/feedback/thanks/').uri, '/ps/feedback/thanks/index.html.br');
  assert.equal(viewerRequest('/kosten/').uri, '/kosten/index.html.br');
});

test('a page with a non-ASCII name is found however the browser escapes it', () => {
  assert.equal(viewerRequest('/ar/%D9%85%D9%88/').uri, '/ar/%D9%85%D9%88/index.html.br');
  assert.equal(viewerRequest('/ar/%d9%85%d9%88/').uri, '/ar/%d9%85%d9%88/index.html.br');
});

test('a missing page under a language folder is the 404 page of that language', () => {
  assert.equal(viewerRequest('/ar/no-such-page/').uri, '/ar/404.html.br');
  assert.equal(viewerRequest('/ps/mo/deeper/').uri, '/ps/404.html.br');
  assert.equal(viewerRequest('/en/%ZZ/').uri, '/en/404.html.br');
  assert.equal(viewerRequest('/en/no-such-page', 'gzip').uri, '/en/404.html.gz');
});

test('a missing page outside the language folders is the Dutch 404 page', () => {
  assert.equal(viewerRequest('/no-such-page/').uri, '/404.html.br');
  assert.equal(viewerRequest('/fr/mo/').uri, '/404.html.br'); // fr is not built here
  assert.equal(viewerRequest('/AR/mo/').uri, '/404.html.br');
});

test('staff and editors tools are served by path, not by the reader page list', () => {
  assert.equal(viewerRequest('/_staff/channels/').uri, '/_staff/channels/index.html.br');
  assert.equal(viewerRequest('/_editors/translations/').uri, '/_editors/translations/index.html.br');
});

test('a page URL without its slash is redirected to it, query string kept', () => {
  const moved = viewerRequest('/ar/mo', CHROME, { c: { value: 'letter' } });
  assert.equal(moved.statusCode, 301);
  assert.equal(moved.headers.location.value, '/ar/mo/?c=letter');
  assert.equal(viewerRequest('/ar').headers.location.value, '/ar/');
  const many = viewerRequest('/mo', CHROME, {
    c: { value: 'sms', multiValue: [{ value: 'sms' }, { value: 'letter' }] },
    x: { value: '' },
  });
  assert.equal(many.headers.location.value, '/mo/?c=sms&c=letter&x');
});

test('files are sent as they are named, text files in the encoding the browser takes', () => {
  assert.equal(viewerRequest('/assets/feedback.js').uri, '/assets/feedback.js.br');
  assert.equal(viewerRequest('/ar/mo/qr-folder.svg').uri, '/ar/mo/qr-folder.svg.br');
  assert.equal(viewerRequest('/sitemap.xml', 'gzip').uri, '/sitemap.xml.gz');
  assert.equal(viewerRequest('/assets/photo.webp').uri, '/assets/photo.webp');
  assert.equal(viewerRequest('/favicon.ico').uri, '/favicon.ico');
});

test('Accept-Encoding is read with its q-values', () => {
  const cases = [
    [CHROME, '/mo/index.html.br'],
    ['br', '/mo/index.html.br'],
    ['BR', '/mo/index.html.br'],
    ['gzip', '/mo/index.html.gz'],
    ['gzip, deflate', '/mo/index.html.gz'],
    ['br;q=0, gzip', '/mo/index.html.gz'],
    ['br;q=0.0, gzip;q=0.5', '/mo/index.html.gz'],
    ['*', '/mo/index.html.br'],
    ['*;q=0, gzip', '/mo/index.html.gz'],
    ['identity', '/mo/index.html'],
    ['deflate', '/mo/index.html'],
    ['gzip;q=0, br;q=0', '/mo/index.html'],
    ['', '/mo/index.html'],
    [null, '/mo/index.html'],
    ['br;q=nonsense, gzip', '/mo/index.html.gz'],
  ];
  for (const [accept, expected] of cases) {
    assert.equal(viewerRequest('/mo/', accept).uri, expected, String(accept));
  }
});

test('a 404 page answers 404 and the marker does not reach the reader', () => {
  const response = viewerResponse(200, {
    'x-amz-meta-status': { value: '404' },
    'content-encoding': { value: 'br' },
  });
  assert.equal(response.statusCode, 404);
  assert.equal(response.statusDescription, 'Not Found');
  assert.equal(response.headers['x-amz-meta-status'], undefined);
  assert.equal(response.headers['content-encoding'].value, 'br');
  assert.equal(response.headers.vary.value, 'Accept-Encoding');
});

test('other answers keep their status and vary by Accept-Encoding', () => {
  const page = viewerResponse(200, { 'content-type': { value: 'text/html; charset=utf-8' } });
  assert.equal(page.statusCode, 200);
  assert.equal(page.headers.vary.value, 'Accept-Encoding');
  const revalidated = viewerResponse(304, { 'x-amz-meta-status': { value: '404' } });
  assert.equal(revalidated.statusCode, 304);
  assert.equal(revalidated.headers['x-amz-meta-status'], undefined);
});

test('a page list where a language lacks a page is refused when packaging', () => {
  const broken = PAGES.filter((page) => page !== '/ar/kosten/');
  assert.throws(() => load(LANGUAGES, broken), /pages\.json: \/ar\/ lacks kosten\//);
});

test('twenty languages of forty pages fit in CloudFront\'s 10 KB', () => {
  const codes = Array.from({ length: 20 }, (_, i) => `l${String(i).padStart(2, '0')}`);
  const own = ['', ...Array.from({ length: 39 }, (_, i) => `onderwerp-nummer-${i}/`)];
  const pages = ['', ...codes.slice(1).map((c) => `${c}/`)].flatMap((prefix) =>
    own.map((page) => `/${prefix}${page}`)
  );
  const code = render(SOURCE, codes.map((code) => ({ code })), pages);
  assert.ok(Buffer.byteLength(code) < MAX_BYTES, `${Buffer.byteLength(code)} bytes`);
  const context = {};
  vm.runInNewContext(code, context);
  assert.equal(
    context.handler({ context: { eventType: 'viewer-request' }, request: { uri: '/l07/onderwerp-nummer-38/', headers: {}, querystring: {} } }).uri,
    '/l07/onderwerp-nummer-38/index.html'
  );
});

test('a page list too long for CloudFront is refused with what to do', () => {
  const own = Array.from({ length: 900 }, (_, i) => `een-lange-paginanaam-${i}/`);
  assert.throws(() => render(SOURCE, [{ code: 'nl' }], ['/', ...own.map((p) => `/${p}`)]), /over CloudFront's 10240/);
});
