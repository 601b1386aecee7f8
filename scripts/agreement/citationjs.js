// Read a BibTeX or RIS file written by citekit with citation-js and print its CSL-JSON.
// usage: NODE_PATH=/work/reftools/node_modules node citationjs.js FILE.bib|FILE-biblatex.bib|FILE.ris > OUT.json
// Used by measure.py to check that an independent reader understands citekit's output;
// never at run time.
"use strict";
const fs = require("fs");
const { Cite } = require("@citation-js/core");
require("@citation-js/plugin-bibtex");
require("@citation-js/plugin-ris");

const file = process.argv[2];
const text = fs.readFileSync(file, "utf8");
// citation-js reads BibLaTeX's own fields (journaltitle, date …) only when told the file is BibLaTeX.
const type = file.endsWith(".ris") ? "@ris/file" : file.includes("biblatex") ? "@biblatex/text" : "@bibtex/text";
const cite = new Cite(text, { forceType: type });
// citation-js keeps its parse history in _graph (the whole input, per item): leave it out.
const items = cite.data.map((item) => Object.fromEntries(Object.entries(item).filter(([k]) => !k.startsWith("_"))));
process.stdout.write("[\n" + items.map((item) => JSON.stringify(item)).join(",\n") + "\n]\n");
