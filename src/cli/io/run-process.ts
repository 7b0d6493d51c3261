// subprocess.run and friends for the Node CLI (IoHost.runProcess): a blocking spawnSync on the
// program's thread, outside the I/O kernel.
import { constants as osConstants } from "node:os";
import type { ProcessResult, ProcessRunOptions } from "../../runtime/io-messages.js";

const signalNumbers = osConstants.signals as Record<string, number>;

export function runProcess(o: ProcessRunOptions): ProcessResult {
  const [i, out, err] = o.stdio;
  // node:child_process (with net, dgram and streams) loads on first use: start-up time.
  const { spawnSync } = process.getBuiltinModule("node:child_process");
  const r = spawnSync(o.file, o.args, {
    shell: o.shell,
    cwd: o.cwd ?? undefined,
    env: o.env ?? undefined,
    input: o.input ?? undefined,
    stdio: [o.input ? "pipe" : i, out, err === "stdout" ? "pipe" : err],
    timeout: o.timeout === null ? undefined : Math.max(1, Math.round(o.timeout * 1000)),
    maxBuffer: 1 << 30,
    killSignal: "SIGKILL",
  });
  const error = r.error as NodeJS.ErrnoException | undefined;
  const timedOut = error?.code === "ETIMEDOUT";
  let stdout: Uint8Array | null = r.stdout ? new Uint8Array(r.stdout) : null;
  let stderr: Uint8Array | null = r.stderr ? new Uint8Array(r.stderr) : null;
  if (err === "stdout" && stdout && stderr) {
    // spawnSync cannot share one pipe: stderr after stdout is the nearest order it can give.
    const both = new Uint8Array(stdout.length + stderr.length);
    both.set(stdout);
    both.set(stderr, stdout.length);
    stdout = both;
    stderr = null;
  }
  return {
    pid: r.pid ?? 0,
    code: r.status,
    signal: r.signal ? (signalNumbers[r.signal] ?? null) : null,
    stdout: out === "pipe" ? stdout : null,
    stderr: err === "pipe" ? stderr : null,
    timedOut,
    error:
      error && !timedOut ? { code: error.code ?? "EIO", errno: (osConstants.errno as Record<string, number>)[error.code ?? ""] ?? 5, syscall: o.file } : null,
  };
}
