// `import "tsyncio/standalone"`: the first import of a translated script (`tsyncio FILE.py -o out.ts`),
// so that `tsc && node out.js ARGS` behaves like `tsyncio run FILE.py ARGS`: the Node host (before any
// runtime module loads: sys.argv is read when sys does), sys.argv from the command line, output
// flushed, an uncaught exception printed as CPython prints it (SystemExit: its exit code), and the
// messages CPython prints when the program ends ("Task was destroyed but it is pending!", ...).
// ES modules evaluate their imports in order, so this file runs before the program's own code.
//
// Traceback frames name the .py lines through the source maps (standalone-frames.ts): translate
// with `--source-map` and compile with tsc's `"sourceMap": true`; without them frames are left out.

import "./standalone-host.js"; // first: the host, before the runtime modules below load
import { dirname } from "node:path";
import { set_program_dir } from "../runtime/program.js";
import { endProgram, installFrames } from "../runtime/run.js";
import { standaloneFrames } from "./standalone-frames.js";

set_program_dir(dirname(process.argv[1] ?? ""));
installFrames(standaloneFrames, new Map());
// As under `tsyncio run`: enough JS frames for a traceback from the module's frame down.
Error.stackTraceLimit = 64;

let ended = false;
const finish = (error?: { value: unknown }) => {
  if (ended) return;
  ended = true;
  process.exitCode = endProgram(error);
};

// The program's top-level code (asyncio.run(...)) raising: what escaped it ends the program.
process.on("uncaughtException", (e) => {
  finish({ value: e });
  process.exit();
});
process.on("exit", () => finish());
