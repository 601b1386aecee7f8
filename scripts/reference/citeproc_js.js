// Render a CSL-JSON file with citeproc-js, the reference CSL processor, one reference a line.
// usage: node citeproc_js.js ITEMS.json STYLE.csl LOCALES_DIR [LANG] [text|html] [CITES]
// CITES (optional) prints in-text citations instead, one a line: "a,b;c" is the citation of a
// and b together, then the citation of c; the cited items are registered first, in that order.
// Needs the npm package `citeproc` (npm install citeproc). Used to make golden files; never at run time.
"use strict";
const fs = require("fs");
const path = require("path");
const CSL = require("citeproc");

const [itemsPath, stylePath, localesDir, lang = "en-US", format = "text", cites = ""] = process.argv.slice(2);
const items = JSON.parse(fs.readFileSync(itemsPath, "utf8"));
const byId = Object.fromEntries(items.map((item) => [String(item.id), item]));
const style = fs.readFileSync(stylePath, "utf8");

const sys = {
  retrieveLocale: (code) => {
    const file = path.join(localesDir, `locales-${code}.xml`);
    return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : false;
  },
  retrieveItem: (id) => byId[String(id)],
};
const engine = new CSL.Engine(sys, style, lang, true);
engine.setOutputFormat(format);
if (cites) {
  for (const keys of cites.split(";")) {
    const cited = keys.split(",");
    const ids = [...cited, ...items.map((item) => String(item.id)).filter((id) => !cited.includes(id))];
    engine.updateItems(ids);
    const cluster = engine.makeCitationCluster(cited.map((id) => ({ id })));
    process.stdout.write(cluster + "\n");
  }
} else {
  engine.updateItems(items.map((item) => String(item.id)));
  const [meta, entries] = engine.makeBibliography();
  // citeproc-js indents HTML entries over several lines; that layout whitespace is dropped.
  for (const entry of entries) process.stdout.write(entry.trim().replace(/\n\s*/g, "") + "\n");
}
