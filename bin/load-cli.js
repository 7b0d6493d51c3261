// Loads the CLI's code: the bundle (scripts/bundle-cli.mjs: a runtime half, tsyncio.bundle.cjs,
// and a compiler half, tsyncio-compiler.bundle.cjs, loaded when the first half asks for it) while
// both halves' ids match the compiled files' stamp (dist/cli/bundle-stamp.js, see
// src/cli/bundle-stamp.ts), else the compiled files (dist/cli/entry.js).
// Each half runs as a classic script with a V8 code cache kept beside it (FILE.cache), so that a
// run does not parse and compile 1 MB of JavaScript again; a cache is (re)written at exit when it
// was missing or V8 refused it (another Node).
// V8 checks only the source's length, so the cache's header names the contents it was made from:
// the bundle's id, or a hash of any other file's source.
// CommonJS (bin/package.json): see bin/tsyncio.js. The compiled files' fallback is an ES module.
"use strict";
const { closeSync, openSync, readFileSync, readSync, renameSync, writeFileSync } = require("node:fs");
const { dirname, join } = require("node:path");
const { pathToFileURL } = require("node:url");
const vm = require("node:vm");

const HEADER = 64; // bytes: the contents' key padded with spaces, then V8's data
const ID_LINE = /^\/\/ tsyncio bundle ([0-9a-f]+)\n/;

const readText = (path, encoding = "utf8") => {
  try {
    return readFileSync(path, encoding);
  } catch {
    return undefined;
  }
};

const PARTS = { cli: "tsyncio.bundle.cjs", compiler: "tsyncio-compiler.bundle.cjs" };

/** The id on a file's first line, reading only that much. */
const idOf = (path) => {
  try {
    const fd = openSync(path, "r");
    try {
      const head = Buffer.alloc(64);
      return ID_LINE.exec(head.subarray(0, readSync(fd, head, 0, 64, 0)).toString("latin1"))?.[1];
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
};

async function loadCli() {
  const dist = join(__dirname, "../dist/cli");
  const stamp = readText(join(dist, "bundle-stamp.js"));
  const wanted = stamp && /BUNDLE_ID = "([0-9a-f]+)"/.exec(stamp)?.[1];
  // latin1: the halves are ASCII (the build checks), and V8 then gets the bytes as they are instead
  // of a UTF-8 decoding of 2 MB (~1 ms). The runtime half is read whole at once (it runs first).
  const read = (part) => readText(join(dist, PARTS[part]), "latin1");
  const cliSource = wanted && read("cli");
  const bundled = wanted && ID_LINE.exec(cliSource ?? "")?.[1] === wanted && idOf(join(dist, PARTS.compiler)) === wanted;
  if (!bundled) return import(pathToFileURL(join(dist, "entry.js")).href);
  // What each half's `__tsyncio.load(PART)` gives: the other half's exports, loaded once.
  const loaded = new Map();
  const tsyncio = {
    id: wanted,
    load(part) {
      if (!loaded.has(part)) {
        const file = join(dist, PARTS[part]);
        const source = part === "cli" ? cliSource : read(part);
        if (ID_LINE.exec(source ?? "")?.[1] !== wanted) throw new Error(`${file} is from another build: run npm run build`);
        loaded.set(part, runScript(file, source, wanted, tsyncio));
      }
      return loaded.get(part);
    },
  };
  return tsyncio.load("cli");
}

/** Runs a CommonJS file with the code cache kept at FILE.cache; returns its exports. */
function loadBundle(bundle) {
  const source = readFileSync(bundle, "utf8");
  // node:crypto only for a file without an id line (loading it costs ~10 ms of start-up).
  const key = ID_LINE.exec(source)?.[1] ?? process.getBuiltinModule("node:crypto").createHash("sha1").update(source).digest("hex");
  return runScript(bundle, source, key, undefined, require("node:module").createRequire(bundle));
}

/**
 * Runs FILE's SOURCE as a CommonJS module; `req` is its `require`. The bundle's halves get this file's
 * own: they require only Node's built-in modules and prettier, which resolve the same from bin/ as
 * from dist/cli/ (one package), and node:module then never loads.
 */
function runScript(bundle, source, key, tsyncio, req = require) {
  const cacheFile = `${bundle}.cache`;
  const header = `${key} ${source.length}`.padEnd(HEADER);
  let cachedData;
  try {
    const cache = readFileSync(cacheFile);
    if (cache.subarray(0, HEADER).toString("latin1") === header) cachedData = cache.subarray(HEADER);
  } catch {
    // no cache yet
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __tsyncio) {${source}\n})`, { filename: bundle, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, req, module, bundle, dirname(bundle), tsyncio);
  // V8 rejects a cache made under other flags (a test's --stack-size, a user's NODE_OPTIONS): such a
  // run keeps the build's cache for the ordinary runs instead of replacing it with its own.
  const defaultFlags = process.execArgv.length === 0 && !process.env.NODE_OPTIONS;
  if (defaultFlags && (!cachedData || script.cachedDataRejected)) {
    // At exit the cache also holds the functions this run compiled lazily.
    process.once("exit", () => {
      try {
        // What the runtime half compiles only on a program's first import of a lazily loaded module
        // (scripts/bundle-cli.mjs), compiled now so that the cache holds it for later runs.
        globalThis[Symbol.for("tsyncio.beforeCodeCache")]?.();
      } catch {
        // the cache is written all the same
      }
      try {
        const temp = `${cacheFile}.${process.pid}`;
        // ("wx": never through a file or link already there)
        writeFileSync(temp, Buffer.concat([Buffer.from(header, "latin1"), script.createCachedData()]), { flag: "wx" });
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
