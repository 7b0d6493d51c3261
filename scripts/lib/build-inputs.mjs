// What `npm run build` reads (the compiler's sources, the build scripts and configuration), hashed:
// scripts/bundle-cli.mjs records the hash in dist/.build-inputs after a build, and
// scripts/build-if-stale.mjs builds again only when it changed (`npm test` right after `npm ci`,
// which built, does not build twice).
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const FILES = [
  "tsconfig.json",
  "package.json",
  "package-lock.json",
  "scripts/bundle-cli.mjs",
  "scripts/lib/class-names.mjs",
  "scripts/lib/function-names.mjs",
  "scripts/lib/lazy-stdlib.mjs",
  "scripts/lib/lezer-tables.mjs",
  "scripts/warm-up.py",
];

function sourceFiles(dir, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "web") sourceFiles(path, out); // src/web is the page's (vite), not tsc's
    } else out.push(path);
  }
  return out;
}

export function buildInputsHash(root) {
  const hash = createHash("sha256");
  const files = [...FILES.map((f) => join(root, f)).filter((f) => existsSync(f)), ...sourceFiles(join(root, "src"), [])];
  for (const file of files) {
    hash.update(file.slice(root.length));
    hash.update("\0");
    hash.update(readFileSync(file));
    hash.update("\0");
  }
  return hash.digest("hex");
}

export const STAMP = "dist/.build-inputs";
