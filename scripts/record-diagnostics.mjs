#!/usr/bin/env node
// Writes fixtures/errors-*/expected.diagnostics: the diagnostics `tsyncio` reports for the
// fixture's input.py (and the modules it imports), rendered as the CLI prints them. Review the
// file before committing it; test/diagnostics.test.ts compares against it.
// Run after `npm run build`:  node scripts/record-diagnostics.mjs [errors-NAME ...]
import { readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as compiler from "../dist/index.js";
import { renderedDiagnostics } from "../test/helpers/diagnostics.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const fixtures = join(root, "fixtures");
const names = process.argv.slice(2).length ? process.argv.slice(2) : readdirSync(fixtures).filter((n) => n.startsWith("errors-")).sort();
for (const name of names) {
  const text = await renderedDiagnostics(join(fixtures, name), compiler);
  writeFileSync(join(fixtures, name, "expected.diagnostics"), text);
  console.log(`${name}: ${text.split("\n").filter((l) => / error TSY\d{4}:/.test(l)).length} diagnostics`);
}
