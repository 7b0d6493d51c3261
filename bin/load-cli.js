// Loads the CLI's code: the one-file bundle (scripts/bundle-cli.mjs) while it is up to date with
// dist/, else the compiled files. The bundle runs as a classic script with a V8 code cache kept
// beside it (tsyncio.bundle.cjs.cache), so that a run does not parse and compile 1 MB of JavaScript
// again; the cache is (re)written at exit when it was missing or V8 refused it (another Node).
// V8 checks only the source's length, so the cache also records the bundle's size and mtime.
import { readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const HEADER = 64; // bytes: "<size> <mtimeMs>" padded with spaces, then V8's data

const stat = (path) => statSync(path, { throwIfNoEntry: false });

export async function loadCli() {
  const bundle = fileURLToPath(new URL("../dist/cli/tsyncio.bundle.cjs", import.meta.url));
  const info = stat(bundle);
  const compiled = stat(fileURLToPath(new URL("../dist/cli/main.js", import.meta.url)));
  if (!info || (compiled && info.mtimeMs < compiled.mtimeMs)) return import("../dist/cli/main.js");
  return loadBundle(bundle);
}

/** Runs a CommonJS file with the code cache kept at FILE.cache; returns its exports. */
export function loadBundle(bundle) {
  const info = statSync(bundle);
  const cacheFile = `${bundle}.cache`;
  const stamp = `${info.size} ${info.mtimeMs}`.padEnd(HEADER);
  let cachedData;
  try {
    const cache = readFileSync(cacheFile);
    if (cache.subarray(0, HEADER).toString("latin1") === stamp) cachedData = cache.subarray(HEADER);
  } catch {
    // no cache yet
  }
  const source = readFileSync(bundle, "utf8");
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  if (!cachedData || script.cachedDataRejected) {
    // At exit the cache also holds the functions this run compiled lazily.
    process.once("exit", () => {
      try {
        const temp = `${cacheFile}.${process.pid}`;
        writeFileSync(temp, Buffer.concat([Buffer.from(stamp, "latin1"), script.createCachedData()]));
        renameSync(temp, cacheFile);
      } catch {
        // a read-only install: run without a cache
      }
    });
  }
  return module.exports;
}
