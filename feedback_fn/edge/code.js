'use strict';
// The site's CloudFront Function code, made when the stack is packaged:
//   FunctionCode: ${file(./edge/code.js)}   (serverless.yml; osls calls the export)
// It fills site.js with the languages that have a folder in the build and the pages
// every language has, read from the staged languages.yml and the build's pages.json
// (feedback_fn.bundle puts both beside serverless.yml, and this folder too).

const fs = require('fs');
const path = require('path');

// CloudFront Functions refuse code over 10 KB.
const MAX_BYTES = 10240;

// languages: [{code, ...}] from languages.yml; pages: ["/", "/ar/", "/ar/mo/", ...].
function render(source, languages, pages) {
  const listed = new Set(pages);
  // The source language lives at the root; every other language in /<code>/.
  const prefixed = languages.map((l) => String(l.code)).filter((c) => listed.has(`/${c}/`));
  const byLanguage = new Map([['', new Set()], ...prefixed.map((c) => [c, new Set()])]);
  for (const page of pages) {
    const first = page.slice(1).split('/')[0];
    const language = prefixed.includes(first) ? first : '';
    const rest = language ? page.slice(language.length + 2) : page.slice(1);
    byLanguage.get(language).add(decodeURIComponent(rest));
  }
  const every = byLanguage.get('');
  for (const [language, own] of byLanguage) {
    const missing = [...every].filter((p) => !own.has(p));
    const extra = [...own].filter((p) => !every.has(p));
    if (missing.length || extra.length) {
      throw new Error(
        `pages.json: /${language}/ ${missing.length ? `lacks ${missing[0]}` : `has ${extra[0]}`}` +
          ' while every language should have every page (missing translations fall back to' +
          ' Dutch): rebuild the site with build.py build and stage the stack again.'
      );
    }
  }
  const table = {};
  for (const page of [...every].sort()) table[page] = 1;
  // Whole-line comments are for people: CloudFront counts every byte of the code.
  const lines = source.split('\n').filter((line) => line.trim() && !/^\s*\/\//.test(line));
  const code = lines
    .join('\n')
    .replace('__LANGUAGES__', JSON.stringify(prefixed))
    .replace('__PAGES__', JSON.stringify(table));
  if (code.includes('${')) {
    throw new Error('site.js must not contain a dollar-brace: osls would resolve it.');
  }
  const size = Buffer.byteLength(code, 'utf8');
  if (size > MAX_BYTES) {
    throw new Error(
      `the site's CloudFront Function is ${size} bytes, over CloudFront's ${MAX_BYTES}: ` +
        `${Object.keys(table).length} pages are too many to list in it; move the list to a ` +
        'CloudFront KeyValueStore.'
    );
  }
  return code;
}

async function code({ resolveVariable }) {
  const languages = await resolveVariable('file(./wegwijs_shared/languages.yml)');
  const pages = await resolveVariable('file(./feedback_fn/pages.json)');
  if (!Array.isArray(languages) || !Array.isArray(pages)) {
    throw new Error('stage the stack with python -m feedback_fn.bundle: it brings both lists.');
  }
  return render(fs.readFileSync(path.join(__dirname, 'site.js'), 'utf8'), languages, pages);
}

module.exports = code;
module.exports.render = render;
module.exports.MAX_BYTES = MAX_BYTES;
