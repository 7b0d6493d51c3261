// Loads the CLI's code: the one-file bundle (scripts/bundle-cli.mjs) while its stamp matches the
// compiled files (dist/cli/bundle-stamp.js, see src/cli/bundle-stamp.ts), else the compiled files.
// The bundle runs as a classic script with a V8 code cache kept beside it
// (tsyncio.bundle.cjs.cache), so that a run does not parse and compile 1 MB of JavaScript again;
// the cache is (re)written at exit when it was missing or V8 refused it (another Node).
// V8 checks only the source's length, so the cache's header names the contents it was made from:
// the bundle's id, or a hash of any other file's source.
// CommonJS (bin/package.json): see bin/tsyncio.js. The compiled files' fallback is an ES module.
"use strict";
const { readFileSync, renameSync, writeFileSync } = require("node:fs");
const { createRequire } = require("node:module");
const { dirname, join } = require("node:path");
const { pathToFileURL } = require("node:url");
const vm = require("node:vm");

const HEADER = 64; // bytes: the contents' key padded with spaces, then V8's data
const ID_LINE = /^\/\/ tsyncio bundle ([0-9a-f]+)\n/;

const readText = (path) => {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
};

async function loadCli() {
  const bundle = join(__dirname, "../dist/cli/tsyncio.bundle.cjs");
  const stamp = readText(join(__dirname, "../dist/cli/bundle-stamp.js"));
  const wanted = stamp && /BUNDLE_ID = "([0-9a-f]+)"/.exec(stamp)?.[1];
  const source = wanted ? readText(bundle) : undefined;
  if (!source || ID_LINE.exec(source)?.[1] !== wanted) return import(pathToFileURL(join(__dirname, "../dist/cli/main.js")).href);
  return runScript(bundle, source, wanted);
}

/** Runs a CommonJS file with the code cache kept at FILE.cache; returns its exports. */
function loadBundle(bundle) {
  const source = readFileSync(bundle, "utf8");
  // node:crypto only for a file without an id line (loading it costs ~10 ms of start-up).
  const key = ID_LINE.exec(source)?.[1] ?? process.getBuiltinModule("node:crypto").createHash("sha1").update(source).digest("hex");
  return runScript(bundle, source, key);
}

function runScript(bundle, source, key) {
  const cacheFile = `${bundle}.cache`;
  const header = `${key} ${source.length}`.padEnd(HEADER);
  let cachedData;
  try {
    const cache = readFileSync(cacheFile);
    if (cache.subarray(0, HEADER).toString("latin1") === header) cachedData = cache.subarray(HEADER);
  } catch {
    // no cache yet
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  if (!cachedData || script.cachedDataRejected) {
    // At exit the cache also holds the functions this run compiled lazily.
    process.once("exit", () => {
      try {
        const temp = `${cacheFile}.${process.pid}`;
        writeFileSync(temp, Buffer.concat([Buffer.from(header, "latin1"), script.createCachedData()]));
        renameSync(temp, cacheFile);
      } catch {
        // a read-only install: run without a cache
      }
    });
  }
  return module.exports;
}

exports.loadCli = loadCli;
exports.loadBundle = loadBundle;
