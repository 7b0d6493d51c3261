// Runs JavaScript that tsyncio already emitted (a JSON file written by compile.mjs), the way
// `tsyncio run` does after translating, from the same file bin/tsyncio.js would load (the bundle
// when it is up to date): node bench/lib/run-js.mjs PROGRAM.json [--virtual-time] [ARGS...]
import { readFileSync } from "node:fs";
import { loadCli } from "../../bin/load-cli.js";

const { loadRunner } = await loadCli();

const [file, ...rest] = process.argv.slice(2);
const virtualTime = rest[0] === "--virtual-time";
const args = virtualTime ? rest.slice(1) : rest;
const program = JSON.parse(readFileSync(file, "utf8"));
const { installNodeHost, waitForWatcher, runGuarded, runtime } = await loadRunner();
installNodeHost({ virtualTime, argv: [program.path, ...args], lazyWatcher: true });
// Loaded after the host is installed, as the CLI does (sys.argv is read when sys loads).
const { runProgram } = await runtime();
waitForWatcher();
process.exitCode = runGuarded(() => runProgram(program));
