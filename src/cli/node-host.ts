// The Node host: stdout/stderr through file descriptors with Python-like buffering (stdout buffered,
// stderr not), blocking sleeps with Atomics.wait, a virtual clock on request.
//
// Ctrl-C and --timeout: the program runs synchronously on the main thread, which sleeps in
// Atomics.wait and never returns to Node's event loop, so a watcher thread takes SIGINT (and keeps
// the time limit). It sets a flag in shared memory and wakes the sleeping main thread with
// Atomics.notify; the runtime asks host.interrupted() where the loop wakes up (src/runtime/signals.ts).
// A program that never sleeps nor polls (`while True: pass`) cannot notice: when a Ctrl-C is not
// noticed within 500 ms, or 250 ms after the time limit, the watcher stops it through the
// inspector (which runs a function on the busy main thread): buffered output is written, then the
// message, and the process exits (130 or 124).

import * as fs from "node:fs";
import { closeSync, readSync, writeSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { Session } from "node:inspector";
import { setHost, type Host, type HostFileSystem, type HostStat } from "../runtime/host.js";

/** Exit status when --timeout ends the program (as GNU timeout). */
export const TIMEOUT_EXIT = 124;

const SIGINT_FLAG = 1;
const TIMEOUT_FLAG = 2;

const WATCHER = `
const { workerData } = require("node:worker_threads");
const cell = new Int32Array(workerData.shared);
let stopping = false;
function hardStop(kind) {
  if (stopping) return;
  stopping = true;
  const session = new (require("node:inspector").Session)();
  session.connectToMainThread();
  session.post("Runtime.evaluate", { expression: "globalThis[Symbol.for('tsyncio.hardStop')](" + JSON.stringify(kind) + ")" });
}
process.noDeprecation = true; // process.binding: the only way a worker thread can take a signal
const { Signal } = process.binding("signal_wrap");
const sigint = new Signal();
sigint.onsignal = () => {
  const before = Atomics.or(cell, 0, ${SIGINT_FLAG});
  Atomics.notify(cell, 0);
  if (before & ${SIGINT_FLAG}) hardStop("interrupt");
  else setTimeout(() => Atomics.load(cell, 0) & ${SIGINT_FLAG} && hardStop("interrupt"), 500);
};
sigint.start(2);
Atomics.store(cell, 1, 1); // ready: from now on a Ctrl-C is ours (see waitForWatcher)
Atomics.notify(cell, 1);
if (workerData.timeout > 0) {
  setTimeout(() => {
    Atomics.or(cell, 0, ${TIMEOUT_FLAG});
    Atomics.notify(cell, 0);
    setTimeout(() => hardStop("timeout"), 250);
  }, workerData.timeout * 1000);
}
`;

let watcherCell: Int32Array | null = null;

/**
 * Starts the watcher thread (once). `tsyncio run` calls it before translating, so that the thread
 * boots while the program is translated and the runtime loads; installNodeHost starts it otherwise.
 */
export function startWatcher(timeout = 0): Int32Array {
  if (watcherCell) return watcherCell;
  // [0]: SIGINT/timeout flags (what sleeps wait on); [1]: 1 once the watcher takes SIGINT.
  const cell = new Int32Array(new SharedArrayBuffer(8));
  watcherCell = cell;
  const watcher = new Worker(WATCHER, { eval: true, workerData: { shared: cell.buffer, timeout } });
  watcher.unref();
  return cell;
}

/**
 * Blocks (no CPU) until the watcher thread has taken over SIGINT, at most `limitMs`. Called right
 * before the program runs: the watcher boots while the runtime loads, but a Ctrl-C that came
 * before it was ready would kill the process without a traceback (Node's default), and a program
 * that spins from its first line would have no other chance.
 */
export function waitForWatcher(limitMs = 5000): void {
  const cell = watcherCell;
  if (cell === null) return;
  const end = Date.now() + limitMs;
  for (let left = limitMs; Atomics.load(cell, 1) === 0 && left > 0; left = end - Date.now()) Atomics.wait(cell, 1, 0, left);
}

export function installNodeHost(options: { virtualTime: boolean; argv: string[]; timeout?: number }): Host {
  let pending = "";
  const flush = () => {
    if (pending) {
      writeAll(1, pending);
      pending = "";
    }
  };
  const cell = startWatcher(options.timeout);
  const timeoutMessage = `tsyncio: the program ran longer than --timeout ${options.timeout} s and was stopped\n`;
  const stopForTimeout = () => {
    flush();
    writeAll(2, timeoutMessage);
    process.exit(TIMEOUT_EXIT);
  };
  // Called by the watcher through the inspector while the main thread is busy.
  (globalThis as Record<symbol, unknown>)[Symbol.for("tsyncio.hardStop")] = (kind: "interrupt" | "timeout") => {
    flush();
    writeAll(2, kind === "timeout" ? timeoutMessage : "Traceback (most recent call last):\n  (tsyncio: the program was busy and did not notice Ctrl-C; stopped)\nKeyboardInterrupt\n");
    // Node prints "Waiting for the debugger to disconnect..." at exit while an inspector session
    // is open: nothing may follow the message.
    closeSync(2);
    (process as unknown as { reallyExit(code: number): never }).reallyExit(kind === "timeout" ? TIMEOUT_EXIT : 130);
  };
  return setHost({
    sleep(seconds) {
      flush();
      if (seconds > 0) Atomics.wait(cell, 0, 0, seconds * 1000);
      if (Atomics.load(cell, 0) & TIMEOUT_FLAG) stopForTimeout();
    },
    interrupted() {
      const flags = Atomics.load(cell, 0);
      if (flags & TIMEOUT_FLAG) stopForTimeout();
      if (!(flags & SIGINT_FLAG)) return false;
      Atomics.and(cell, 0, ~SIGINT_FLAG);
      return true;
    },
    write(fd, text) {
      if (fd === 1) {
        pending += text;
        if (pending.length > 1 << 16) flush();
      } else {
        flush();
        writeAll(2, text);
      }
    },
    writeBytes(fd, bytes) {
      flush();
      writeAll(fd, bytes);
    },
    flush,
    virtualTime: options.virtualTime,
    argv: options.argv,
    env: Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => typeof e[1] === "string")),
    pid: process.pid,
    cpuCount: availableParallelism(),
    cwd: () => process.cwd(),
    fs: nodeFileSystem,
    // Web Crypto's global: node:crypto loads only when a program seeds `random` (start-up time).
    randomBytes: (bytes) => {
      for (let i = 0; i < bytes.length; i += 65536) globalThis.crypto.getRandomValues(bytes.subarray(i, i + 65536) as Uint8Array<ArrayBuffer>);
    },
    readStdin,
    utcOffset: (t) => -new Date(t * 1000).getTimezoneOffset() * 60,
    sourceLine,
  });
}

function hostStat(s: fs.BigIntStats): HostStat {
  return {
    mode: Number(s.mode),
    ino: Number(s.ino),
    dev: Number(s.dev),
    nlink: Number(s.nlink),
    uid: Number(s.uid),
    gid: Number(s.gid),
    size: Number(s.size),
    atimeNs: s.atimeNs,
    mtimeNs: s.mtimeNs,
    ctimeNs: s.ctimeNs,
  };
}

const nsToDate = (ns: bigint) => Number(ns) / 1e9;

/** The real file system, through node:fs's synchronous calls. */
const nodeFileSystem: HostFileSystem = {
  cwd: () => process.cwd(),
  chdir: (path) => process.chdir(path),
  open: (path, flags, mode) => fs.openSync(path, flags, mode),
  close: (fd) => fs.closeSync(fd),
  read: (fd, buf, position) => fs.readSync(fd, buf, 0, buf.length, position),
  write: (fd, data, position) => {
    let off = 0;
    while (off < data.length) off += fs.writeSync(fd, data, off, data.length - off, position + off);
    return off;
  },
  fstat: (fd) => hostStat(fs.fstatSync(fd, { bigint: true })),
  ftruncate: (fd, length) => fs.ftruncateSync(fd, length),
  stat: (path, follow) => hostStat(follow ? fs.statSync(path, { bigint: true }) : fs.lstatSync(path, { bigint: true })),
  readdir: (path) => fs.readdirSync(path),
  mkdir: (path, mode) => fs.mkdirSync(path, { mode }),
  rmdir: (path) => fs.rmdirSync(path),
  unlink: (path) => fs.unlinkSync(path),
  rename: (from, to) => fs.renameSync(from, to),
  realpath: (path) => fs.realpathSync.native(path),
  utime: (path, atimeNs, mtimeNs) => fs.utimesSync(path, nsToDate(atimeNs), nsToDate(mtimeNs)),
  chmod: (path, mode) => fs.chmodSync(path, mode),
  symlink: (target, path) => fs.symlinkSync(target, path),
  readlink: (path) => fs.readlinkSync(path),
  diskUsage: (path) => {
    const s = fs.statfsSync(path);
    const total = s.blocks * s.bsize;
    return { total, used: (s.blocks - s.bfree) * s.bsize, free: s.bavail * s.bsize };
  },
};

type Location = { scriptId: string; lineNumber: number };

/**
 * V8's inspector knows where a suspended generator waits ([[GeneratorLocation]]) and where a
 * function is defined ([[FunctionLocation]]). A session is
 * opened for the question and closed at once (an open session would make Node wait for the
 * debugger at exit); the inspector answers synchronously on the same thread.
 */
function sourceLine(obj: object, script: Function): number | null {
  let session: Session | null = null;
  const probe = Symbol.for("tsyncio.probe");
  const g = globalThis as Record<symbol, unknown>;
  try {
    session = new Session();
    session.connect();
    const s = session;
    const post = (method: string, params: object): Record<string, unknown> => {
      let out: Record<string, unknown> = {};
      s.post(method, params, (err, r) => {
        if (err) throw err;
        out = r as Record<string, unknown>;
      });
      return out;
    };
    const internal = (value: unknown, name: string): Location | null => {
      g[probe] = value;
      const ref = post("Runtime.evaluate", { expression: "globalThis[Symbol.for('tsyncio.probe')]", objectGroup: "tsyncio" });
      const objectId = (ref.result as { objectId?: string } | undefined)?.objectId;
      if (!objectId) return null;
      const props = post("Runtime.getProperties", { objectId, ownProperties: true }) as { internalProperties?: { name: string; value?: { value?: Location } }[] };
      return props.internalProperties?.find((p) => p.name === name)?.value?.value ?? null;
    };
    const at = internal(obj, typeof obj === "function" ? "[[FunctionLocation]]" : "[[GeneratorLocation]]");
    const home = internal(script, "[[FunctionLocation]]");
    post("Runtime.releaseObjectGroup", { objectGroup: "tsyncio" });
    if (!at || !home || at.scriptId !== home.scriptId) return null;
    return at.lineNumber + 1;
  } catch {
    return null;
  } finally {
    delete g[probe];
    session?.disconnect();
  }
}

function writeAll(fd: number, text: string | Uint8Array): void {
  const buf = typeof text === "string" ? Buffer.from(text, "utf8") : text;
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EAGAIN") continue;
      if ((e as NodeJS.ErrnoException).code === "EPIPE") return;
      throw e;
    }
  }
}

/** Up to `max` bytes of stdin from one read (blocking); null at EOF. */
function readStdin(max: number): Uint8Array | null {
  const chunk = Buffer.alloc(max);
  for (;;) {
    try {
      const n = readSync(0, chunk, 0, max, null);
      return n === 0 ? null : chunk.subarray(0, n);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== "EAGAIN") return null;
      sleepMs(5); // a non-blocking stdin (a terminal shared with Node): wait, then read again
    }
  }
}

const sleepCell = new Int32Array(new SharedArrayBuffer(4));
function sleepMs(ms: number): void {
  Atomics.wait(sleepCell, 0, 0, ms);
}
