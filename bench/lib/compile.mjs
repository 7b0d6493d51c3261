// Translates a Python file to the runner's JavaScript once, so the runtime can be timed alone:
// node bench/lib/compile.mjs IN.py OUT.json
import { readFileSync, writeFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { compileToJs } from "../../dist/index.js";

export function compileFile(input, output) {
  const source = readFileSync(input, "utf8");
  const r = compileToJs(source, { filename: basename(input) });
  if (r.syntaxError || r.diagnostics.some((d) => d.severity === "error")) {
    throw new Error(`${input} does not translate: ${JSON.stringify(r.syntaxError ?? r.diagnostics)}`);
  }
  writeFileSync(output, JSON.stringify({ js: r.js, lineMap: r.lineMap, nameMap: r.nameMap, path: resolve(input), source }));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  compileFile(process.argv[2], process.argv[3]);
}
