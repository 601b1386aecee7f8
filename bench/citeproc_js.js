// The benchmark's citeproc-js run: a CSL-JSON file as a bibliography, one reference a line.
// usage: node bench/citeproc_js.js ITEMS.json STYLE.csl LOCALES_DIR [LANG]
// Needs the npm package `citeproc` on NODE_PATH; used by bench/run.py only, never at run time.
"use strict";
const fs = require("fs");
const path = require("path");
const CSL = require("citeproc");

const [itemsPath, stylePath, localesDir, lang = "en-US"] = process.argv.slice(2);
const items = JSON.parse(fs.readFileSync(itemsPath, "utf8"));
const byId = new Map(items.map((item) => [String(item.id), item]));
const engine = new CSL.Engine(
  {
    retrieveLocale: (code) => {
      const file = path.join(localesDir, `locales-${code}.xml`);
      return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : false;
    },
    retrieveItem: (id) => byId.get(String(id)),
  },
  fs.readFileSync(stylePath, "utf8"),
  lang,
  true,
);
engine.setOutputFormat("text");
engine.updateItems([...byId.keys()]);
const [, entries] = engine.makeBibliography();
process.stdout.write(entries.map((entry) => entry.trim()).join("\n") + "\n");
