#!/usr/bin/env node
// The tsyncio command (compiled by `npm run build`, which `npm ci` runs through `prepare`).
// CommonJS (bin/package.json), like bin/load-cli.js: a process that loads no ES module never starts
// Node's ES module loader (~4 ms of start-up).
"use strict";
const { loadCli } = require("./load-cli.js");

loadCli()
  .then(({ main }) => main(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code;
  });
