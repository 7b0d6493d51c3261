// Like run-js.mjs, but also prints (on stderr) the CPU time of the program's run alone, start-up
// excluded: `CPU <ms>`. On the shared machine, start-up (~0.3 s) is the noisiest part of a
// whole-process measurement, so A/B comparisons of runtime changes use this:
//   node bench/lib/run-js-cpu.mjs PROGRAM.json [ARGS...]
import { readFileSync, statSync } from "node:fs";

const mtime = (rel) => statSync(new URL(rel, import.meta.url), { throwIfNoEntry: false })?.mtimeMs ?? -1;
const bundled = mtime("../../dist/cli/tsyncio.bundle.js") >= mtime("../../dist/cli/main.js");
const { loadRunner } = await import(bundled ? "../../dist/cli/tsyncio.bundle.js" : "../../dist/cli/main.js");

const [file, ...args] = process.argv.slice(2);
const program = JSON.parse(readFileSync(file, "utf8"));
const { installNodeHost, waitForWatcher, runtime } = await loadRunner();
installNodeHost({ virtualTime: false, argv: [program.path, ...args] });
const { runProgram } = await runtime();
waitForWatcher();
const before = process.cpuUsage();
process.exitCode = runProgram(program);
const used = process.cpuUsage(before);
process.stderr.write(`CPU ${((used.user + used.system) / 1000).toFixed(0)}\n`);
