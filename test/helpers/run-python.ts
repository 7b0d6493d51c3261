// Runs a Python program under `tsyncio run` as a child process (asynchronously, so that a Node
// peer in the test's own process can answer it), with a time limit.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const bin = join(resolve(import.meta.dirname, "../.."), "bin/tsyncio.js");

export interface RunOptions {
  virtual?: boolean;
  /** Called with all the stdout so far, whenever more arrives. */
  onStdout?: (text: string) => void;
}

export function runPython(dir: string, source: string, args: string[] = [], options: RunOptions = {}) {
  const file = join(dir, `p${Math.random().toString(36).slice(2)}.py`);
  writeFileSync(file, source);
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, [bin, "run", "--timeout", "30", ...(options.virtual ? ["--virtual-time"] : []), file, ...args]);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (b) => {
      stdout += b;
      options.onStdout?.(stdout);
    });
    child.stderr.on("data", (b) => (stderr += b));
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}
