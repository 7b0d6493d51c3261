// Like run-js.mjs (same loader: the bundle while its stamp matches, as bin/tsyncio.js), but also
// prints on stderr the CPU time of the program's run alone, start-up excluded: `CPU <ms>`. The
// bench subtracts it from the whole process's CPU to report start-up separately:
//   node bench/lib/run-js-cpu.mjs PROGRAM.json [ARGS...]
// Loaded by require, as run-js.mjs says why.
const require = process.getBuiltinModule("node:module").createRequire(import.meta.url);
const { readFileSync } = require("node:fs");
const { loadCli } = require("../../bin/load-cli.js");

const { loadRunner } = await loadCli();

const [file, ...args] = process.argv.slice(2);
const program = JSON.parse(readFileSync(file, "utf8"));
const { installNodeHost, waitForWatcher, runGuarded, runtime } = await loadRunner();
installNodeHost({ virtualTime: false, argv: [program.path, ...args], lazyWatcher: true });
const { runProgram } = await runtime();
waitForWatcher();
const before = process.cpuUsage();
process.exitCode = runGuarded(() => runProgram(program));
const used = process.cpuUsage(before);
process.stderr.write(`CPU ${((used.user + used.system) / 1000).toFixed(0)}\n`);
