// `--watch`: runs the command once, then again whenever a .py file under the inputs' folders
// changes, each time in a fresh child process (a program's runtime state never leaks into the
// next run, and a change stops a program that is still running). Ends with Ctrl-C.

import type { ChildProcess } from "node:child_process";
import { watch as watchFolder, type FSWatcher } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { isDirectory } from "./files.js";
import { palette } from "../index.js";
import { relativePath, wantsColor } from "./report.js";

const SETTLE_MS = 100; // editors write a file in several steps: one run per burst of changes

export function watch(argv: string[], inputs: string[]): Promise<number> {
  const c = palette(wantsColor());
  const say = (text: string) => process.stderr.write(c.dim(`[${new Date().toLocaleTimeString("en-GB")}] ${text}`) + "\n");
  const folders = [...new Set(inputs.map((input) => (isDirectory(input) ? resolve(input) : dirname(resolve(input)))))];
  let child: ChildProcess | null = null;
  let timer: NodeJS.Timeout | null = null;
  let again = false;

  const start = () => {
    again = false;
    // The same entry point (bin/tsyncio.js) with the same Node options, without --watch.
    // node:child_process loads here, not at every start of the CLI.
    child = process.getBuiltinModule("node:child_process").spawn(process.execPath, [...process.execArgv, process.argv[1]!, ...argv], {
      stdio: "inherit",
      env: { ...process.env, ...(wantsColor() ? { FORCE_COLOR: "1" } : {}) },
    });
    child.on("exit", (code, signal) => {
      child = null;
      if (again) return start();
      say(`exit ${code ?? signal}; watching ${folders.map((f) => relativePath(f) || ".").join(", ")} for changes (Ctrl-C to stop)`);
    });
  };

  const changed = (file: string) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      say(`${relativePath(file)} changed: running again`);
      if (child) {
        again = true;
        child.kill("SIGTERM");
      } else start();
    }, SETTLE_MS);
  };

  const watchers: FSWatcher[] = folders.map((folder) =>
    watchFolder(folder, { recursive: true }, (_event, name) => {
      const file = name?.toString();
      if (file && file.endsWith(".py") && !file.includes("__pycache__")) changed(join(folder, file));
    }),
  );
  start();
  return new Promise((done) => {
    const stop = (signal: NodeJS.Signals) => {
      for (const w of watchers) w.close();
      if (timer) clearTimeout(timer);
      child?.kill(signal);
      done(signal === "SIGINT" ? 130 : 143);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
