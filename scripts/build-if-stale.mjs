#!/usr/bin/env node
// `npm test`'s first step: builds (npm run build) only when dist/ was not built from the current
// sources (scripts/lib/build-inputs.mjs), or when a plain `tsc` since then left the CLI without its
// bundle. Right after `npm ci`, whose `prepare` built, it does nothing.
//   node scripts/build-if-stale.mjs [--dry-run] [--root DIR]
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { STAMP, buildInputsHash } from "./lib/build-inputs.mjs";

const args = process.argv.slice(2);
const rootAt = args.indexOf("--root");
const root = rootAt >= 0 ? resolve(args[rootAt + 1]) : resolve(dirname(fileURLToPath(import.meta.url)), "..");
const read = (path) => (existsSync(path) ? readFileSync(path, "utf8").trim() : null);

const recorded = read(join(root, STAMP));
const bundled = /BUNDLE_ID = "/.test(read(join(root, "dist/cli/bundle-stamp.js")) ?? "");
const why = recorded === null ? "dist/ has no build record" : recorded !== buildInputsHash(root) ? "the sources changed since the last build" : !bundled ? "the CLI bundle is missing or stale" : null;

if (!why) {
  console.log("build: dist/ is up to date with src/ (npm run build forces a build)");
} else if (args.includes("--dry-run")) {
  console.log(`build: needed (${why})`);
} else {
  console.log(`build: ${why}: npm run build`);
  const r = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  process.exit(r.status ?? 1);
}
