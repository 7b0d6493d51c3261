// Runs JavaScript that tsyncio already emitted (a JSON file written by compile.mjs), the way
// `tsyncio run` does after translating, from the same file bin/tsyncio.js would load (the bundle
// when it is up to date): node bench/lib/run-js.mjs PROGRAM.json [--virtual-time] [ARGS...]
//
// Node's built-ins and bin/load-cli.js are loaded by require, as bin/tsyncio.js loads them: an ES
// import of a built-in makes a module facade of all its exports, and one of the CommonJS loader has
// Node parse that file for its exports first (~4 ms together), costs `tsyncio run` does not have.
const require = process.getBuiltinModule("node:module").createRequire(import.meta.url);
const { readFileSync } = require("node:fs");
const { loadCli } = require("../../bin/load-cli.js");

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
const status = runGuarded(() => runProgram(program));
// As bin/tsyncio.js ends `tsyncio run`: at once when nothing is left for Node's event loop.
if (process.getActiveResourcesInfo().every((r) => r === "CloseReq")) process.exit(status); // (the ES module loader may still be closing this file)
process.exitCode = status;
