import { compileToJs } from "./dist/index.js";
import { readFileSync } from "node:fs";
const f = process.argv[2];
const r = compileToJs(readFileSync(f, "utf8"), { filename: f });
console.log(r.diagnostics.map((d) => d.code).join(","), r.syntaxError?.msg, r.js.length);
