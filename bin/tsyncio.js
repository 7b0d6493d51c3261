#!/usr/bin/env node
// The tsyncio command (compiled by `npm run build`, which `npm ci` runs through `prepare`).
// CommonJS (bin/package.json), like bin/load-cli.js: a process that loads no ES module never starts
// Node's ES module loader (~4 ms of start-up).
"use strict";
const { loadCli } = require("./load-cli.js");

loadCli()
  .then(({ main }) => main(process.argv.slice(2)))
  .then((code) => {
    // With nothing left for Node's event loop (a program's output is written synchronously), the
    // process ends at once: a natural exit would still run V8's pending GC tasks and tear the
    // heap down (~1-3 ms, more for a large heap). Output still on its way waits, as before.
    if (process.getActiveResourcesInfo().length === 0) process.exit(code);
    process.exitCode = code;
  });
