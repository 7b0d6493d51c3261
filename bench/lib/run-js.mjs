// Runs JavaScript that tsyncio already emitted (a JSON file written by compile.mjs), the way
// `tsyncio run` does after translating: node bench/lib/run-js.mjs PROGRAM.json [--virtual-time] [ARGS...]
import { readFileSync } from "node:fs";
import { installNodeHost } from "../../dist/cli/node-host.js";

const [file, ...rest] = process.argv.slice(2);
const virtualTime = rest[0] === "--virtual-time";
const args = virtualTime ? rest.slice(1) : rest;
const program = JSON.parse(readFileSync(file, "utf8"));
installNodeHost({ virtualTime, argv: [program.path, ...args] });
// Imported after the host is installed, as the CLI does (sys.argv is read when sys loads).
const { runProgram } = await import("../../dist/runtime/run.js");
process.exitCode = runProgram(program);
