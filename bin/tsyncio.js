#!/usr/bin/env node
// The tsyncio command (compiled by `npm run build`, which `npm ci` runs through `prepare`).
// It runs from the one-file bundle that the build makes (scripts/bundle-cli.mjs) when that is up to
// date with dist/, else from the compiled files.
import { statSync } from "node:fs";

const mtime = (rel) => statSync(new URL(rel, import.meta.url), { throwIfNoEntry: false })?.mtimeMs ?? -1;
const bundled = mtime("../dist/cli/tsyncio.bundle.js") >= mtime("../dist/cli/main.js");
const { main } = await import(bundled ? "../dist/cli/tsyncio.bundle.js" : "../dist/cli/main.js");

const code = await main(process.argv.slice(2));
process.exitCode = code;
