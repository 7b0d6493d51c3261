#!/usr/bin/env node
// After `tsc`: bundles the CLI (compiler + runtime, dist/cli/main.js and everything it imports) into
// one file, dist/cli/tsyncio.bundle.js. Start-up time: Node loads one module instead of ~130 files
// (resolution, file reads and module compilation were ~0.1 s CPU of a `tsyncio run`).
// bin/tsyncio.js uses the bundle only while it is newer than dist/cli/main.js, so a plain
// `tsc -p tsconfig.json` afterwards (which rewrites every file in dist/) is never shadowed by a
// stale bundle. Without esbuild this step is skipped and the CLI runs from dist/ as compiled.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
let esbuild;
try {
  esbuild = await import("esbuild");
} catch {
  process.stderr.write("bundle-cli: esbuild is not installed; the CLI runs unbundled from dist/\n");
  process.exit(0);
}
await esbuild.build({
  entryPoints: [resolve(root, "dist/cli/main.js")],
  outfile: resolve(root, "dist/cli/tsyncio.bundle.js"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // Prettier is loaded only to format TypeScript output (never on `tsyncio run`): left as an import.
  external: ["prettier", "prettier/*"],
  // Class and function names are observable (type names, reprs, tracebacks): no renaming.
  keepNames: true,
  logLevel: "warning",
});
