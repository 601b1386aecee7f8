// Convert a BibTeX or BibLaTeX file to CSL-JSON with citation-js, as a user of citation-js would:
// the whole file at once (so crossref and @string work), and entry by entry only when the whole
// file fails (so one entry citation-js cannot parse does not lose the rest).
// usage: NODE_PATH=/work/reftools/node_modules node citationjs_items.js FILE.bib bibtex|biblatex
// Used by items.py to build the measured item sets; never at run time.
"use strict";
const fs = require("fs");
const { Cite } = require("@citation-js/core");
require("@citation-js/plugin-bibtex");

const [file, dialect = "bibtex"] = process.argv.slice(2);
const text = fs.readFileSync(file, "utf8");
const forceType = dialect === "biblatex" ? "@biblatex/text" : "@bibtex/text";
const clean = (items) =>
  items.map((item) => Object.fromEntries(Object.entries(item).filter(([key]) => !key.startsWith("_"))));

let items;
try {
  items = clean(new Cite(text, { forceType }).data);
} catch (error) {
  const blocks = text.split(/^(?=@)/m).filter((block) => block.startsWith("@"));
  const strings = blocks.filter((block) => /^@string\s*[{(]/i.test(block)).join("\n");
  const entries = blocks.filter((block) => !/^@(string|preamble|comment)\s*[{(]/i.test(block));
  items = [];
  let failed = 0;
  for (const block of entries) {
    try {
      items.push(...clean(new Cite(`${strings}\n${block}`, { forceType }).data));
    } catch (inner) {
      failed += 1;
    }
  }
  process.stderr.write(`${file}: whole file failed (${error.message.split("\n")[0]}); ${items.length} entries converted one by one, ${failed} failed\n`);
}
process.stdout.write(JSON.stringify(items));
