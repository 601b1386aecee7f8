// Convert a BibTeX file to CSL-JSON with citation-js, entry by entry, so that one entry it cannot
// parse does not lose the rest. The file's @string macros are given to every entry.
// usage: node bib_to_csl.js FILE.bib > FILE.json   (needs npm @citation-js/core + plugin-bibtex)
// Used to build the agreement item set (agreement.py); never at run time.
"use strict";
const fs = require("fs");
const { Cite } = require("@citation-js/core");
require("@citation-js/plugin-bibtex");

const text = fs.readFileSync(process.argv[2], "utf8");
const blocks = text.split(/^(?=@)/m).filter((block) => block.startsWith("@"));
const isMacro = (block) => /^@(string|preamble|comment)\s*[{(]/i.test(block);
const strings = blocks.filter((block) => /^@string\s*[{(]/i.test(block)).join("\n");
const items = [];
let failed = 0;
for (const block of blocks.filter((b) => !isMacro(b))) {
  try {
    items.push(...new Cite(`${strings}\n${block}`).data);
  } catch (error) {
    failed += 1;
  }
}
process.stderr.write(`${process.argv[2]}: ${items.length} converted, ${failed} failed\n`);
process.stdout.write(JSON.stringify(items));
