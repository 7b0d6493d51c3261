#!/usr/bin/env node
// The tsyncio command (compiled by `npm run build`, which `npm ci` runs through `prepare`).
import { loadCli } from "./load-cli.js";

const { main } = await loadCli();
const code = await main(process.argv.slice(2));
process.exitCode = code;
