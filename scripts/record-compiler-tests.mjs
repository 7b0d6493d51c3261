#!/usr/bin/env node
// Fills in the expected sections of test/compiler/*.txt (the lezer-format compiler unit cases, see
// test/helpers/compiler-cases.mjs) with what the compiler prints now. Review `git diff` before committing.
// Run after `npm run build`:  node scripts/record-compiler-tests.mjs [test/compiler/NAME.txt ...]
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as compiler from "../dist/index.js";
import { compileCase, formatCases, parseCases } from "../test/helpers/compiler-cases.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dir = join(root, "test/compiler");
const files = process.argv.slice(2).length ? process.argv.slice(2) : readdirSync(dir).filter((f) => f.endsWith(".txt")).map((f) => join(dir, f));
for (const file of files) {
  const cases = parseCases(readFileSync(file, "utf8"));
  for (const c of cases) c.expected = await compileCase(c.source, compiler);
  writeFileSync(file, formatCases(cases));
  console.log(`${file}: ${cases.length} cases`);
}
