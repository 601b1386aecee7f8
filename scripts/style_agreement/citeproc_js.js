// Render item sets with citeproc-js, the reference CSL processor: for each set, the bibliography
// and a document of citations, in text and HTML.
// usage: NODE_PATH=/work/reftools/node_modules node citeproc_js.js JOB.json > OUT.json
// JOB: {"style": PATH, "locales": DIR, "lang": CODE, "separately": false,
//       "sets": {NAME: {"items": [CSL-JSON ...], "document": [[id, ...], ...]}}}
// OUT: {NAME: {"bibliography": {"text": [...], "html": [...]}, "citations": {"text": [...], "html": [...]},
//              "excluded": {id: error}, "kept": [index of each citation rendered]}}
// (or {NAME: {"fatal": error, ...}} when even the usable items fail).
// The bibliography registers every item, in the set's order. The document is processed citation
// by citation, each in its own footnote (noteIndex 1, 2, ...), as a word processor plug-in does;
// the citations printed are their final state once the whole document is in (a later citation may
// change an earlier one, for disambiguation). With "separately", each citation is instead a
// document of its own with every item registered, cited items first (what citekit.cite() does).
// One engine serves the whole job (building one takes seconds for a large style); its state is
// reset between runs, and item ids are made unique per set so no set sees another's items.
// Used by run.py and make_guard_goldens.py; never at run time.
"use strict";
const fs = require("fs");
const path = require("path");
const CSL = require("citeproc");

const job = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const style = fs.readFileSync(job.style, "utf8");
let current = {};
const sys = {
  retrieveLocale: (code) => {
    const file = path.join(job.locales, `locales-${code}.xml`);
    return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : false;
  },
  retrieveItem: (id) => current[String(id)],
};
const engine = new CSL.Engine(sys, style, job.lang, true);
let run = 0;

// Items of one run under ids no earlier run used: the engine caches items by id.
function use(items) {
  run += 1;
  current = {};
  const ids = {};
  for (const item of items) {
    const id = `${run}|${item.id}`;
    current[id] = { ...item, id };
    ids[String(item.id)] = id;
  }
  engine.restoreProcessorState([]);
  return ids;
}

function bibliography(items, format) {
  if (!engine.bibliography) return [];
  const ids = use(items);
  engine.setOutputFormat(format);
  engine.updateItems(Object.values(ids));
  const [, entries] = engine.makeBibliography();
  // citeproc-js lays HTML entries out over several lines; that layout whitespace is dropped (text
  // entries only lose the line end: a line break inside a value is the value's).
  return entries.map((entry) => (format === "html" ? entry.trim().replace(/\n\s*/g, "") : entry.replace(/\n$/, "")));
}

function citations(items, document, format) {
  const ids = use(items);
  engine.setOutputFormat(format);
  if (job.separately) {
    return document.map((cited) => {
      const own = use(items);
      engine.setOutputFormat(format);
      const rest = items.map((item) => String(item.id)).filter((id) => !cited.includes(id));
      engine.updateItems([...cited, ...rest].map((id) => own[id]));
      return engine.makeCitationCluster(cited.map((id) => ({ id: own[id] })));
    });
  }
  const done = [];
  const printed = [];
  document.forEach((cited, index) => {
    const citation = {
      citationID: `CITATION-${run}-${index}`,
      citationItems: cited.map((id) => ({ id: ids[String(id)] })),
      properties: { noteIndex: index + 1 },
    };
    const pre = done.map((id, i) => [id, i + 1]);
    const [, updates] = engine.processCitationCluster(citation, pre, []);
    for (const [at, text] of updates) printed[at] = text;
    done.push(citation.citationID);
  });
  return printed;
}

// An item citeproc-js cannot render at all (a list where a string belongs, a malformed date range)
// stops the whole bibliography; such items are found one by one, left out of both processors'
// input (run.py reads "excluded"), and the citations that named only them are dropped ("kept").
function render(items, document) {
  const result = { bibliography: {}, citations: {} };
  for (const format of ["text", "html"]) {
    result.bibliography[format] = bibliography(items, format);
    result.citations[format] = citations(items, document, format);
  }
  return result;
}

function unusable(items) {
  const bad = {};
  for (const item of items) {
    try {
      render([item], [[String(item.id)]]);
    } catch (error) {
      bad[String(item.id)] = String(error).split("\n")[0];
    }
  }
  return bad;
}

const out = {};
for (const [name, set] of Object.entries(job.sets)) {
  let result;
  let excluded = {};
  let items = set.items;
  let kept = set.document.map((_, index) => index);
  try {
    result = render(items, set.document);
  } catch (error) {
    excluded = unusable(items);
    items = items.filter((item) => !(String(item.id) in excluded));
    const ids = new Set(items.map((item) => String(item.id)));
    kept = kept.filter((index) => set.document[index].every((id) => ids.has(String(id))));
    try {
      result = render(items, kept.map((index) => set.document[index]));
    } catch (again) {
      result = { fatal: String(again).split("\n")[0] };
    }
  }
  out[name] = { ...result, excluded, kept };
}
process.stdout.write(JSON.stringify(out));
