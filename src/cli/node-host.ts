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

import type { BigIntStats } from "node:fs";
import { closeSync, fstatSync, readSync } from "node:fs";
import { availableParallelism, hostname, loadavg, machine, release, type as osType, version as osVersion } from "node:os";
import { fileURLToPath } from "node:url";
import type { Session } from "node:inspector";
import { Script } from "node:vm";
// node:worker_threads, node:inspector and node:v8 load on first use (process.getBuiltinModule): a
// short program that never starts the watcher thread needs none of them (~2.3 ms of start-up).
const v8 = () => process.getBuiltinModule("node:v8");
import { blockingSleep, setHost, type Host, type HostDigest, type HostFileSystem, type HostStat } from "../runtime/host.js";
import { BufferedStdout, nonBlockingStdout, writeBytes, type Pause } from "./node-stdout.js";
import { CELL_BYTES, FLAGS, IO_FLAG, WATCHER_READY } from "./io/cell.js";
import { createIoHost } from "./io/io-host.js";
import { nodeStatvfs } from "./statvfs.js";
// The compiler's table for `\N{...}` escapes (loaded from disk on first use).
import { unicodeNameOf } from "../parse/unicode-names.js";

/** Exit status when --timeout ends the program (as GNU timeout). */
export const TIMEOUT_EXIT = 124;

/**
 * How much of the old generation's limit must stay free, else the program gets MemoryError: 15%,
 * and at least 24 MB (a small heap fills between two checks, which a loaded machine delays).
 */
const memoryReserve = (limit: number) => Math.max(limit * 0.15, 24 * 1024 * 1024);

/**
 * V8's limit for the old generation (where a growing program's objects end up; V8 aborts when it
 * is full): --max-old-space-size when given, else most of the whole heap's limit (which also
 * counts the young generation).
 */
function oldGenerationSize(): number {
  const mb = explicitHeapLimitMb();
  const whole = v8().getHeapStatistics().heap_size_limit;
  return mb === null ? whole * 0.9 : Math.min(mb * 1024 * 1024, whole);
}

/** --max-old-space-size, when given (in NODE_OPTIONS or Node's own arguments). */
function explicitHeapLimitMb(): number | null {
  let mb: number | null = null;
  for (const arg of [...(process.env.NODE_OPTIONS ?? "").split(/\s+/), ...process.execArgv]) {
    const m = /^--max[-_]old[-_]space[-_]size=(\d+)$/.exec(arg);
    if (m) mb = Number(m[1]);
  }
  return mb;
}

function oldGenerationUsed(): number {
  let used = 0;
  for (const space of v8().getHeapSpaceStatistics()) if (!space.space_name.startsWith("new_")) used += space.space_used_size;
  return used;
}

const SIGINT_FLAG = 1;
const TIMEOUT_FLAG = 2;

const WATCHER = `
const { workerData } = require("node:worker_threads");
const cell = new Int32Array(workerData.shared);
let stopping = false;
let session = null;
// Runs a function on the main thread even while it is busy (the inspector interrupts it).
function onMainThread(expression) {
  if (session === null) {
    session = new (require("node:inspector").Session)();
    session.connectToMainThread();
  }
  session.post("Runtime.evaluate", { expression });
}
function hardStop(kind) {
  if (stopping) return;
  stopping = true;
  onMainThread("globalThis[Symbol.for('tsyncio.hardStop')](" + JSON.stringify(kind) + ")");
}
// The heap: once the process is large enough for the main thread's heap to be nearly full, the
// main thread is asked to look (tsyncio.heapCheck) twenty times a second.
if (workerData.heapLimit > 0) {
  setInterval(() => {
    if (!stopping && process.memoryUsage.rss() > workerData.heapLimit * 0.5) onMainThread("globalThis[Symbol.for('tsyncio.heapCheck')]?.()");
  }, 50);
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
// setTimeout takes at most 2^31-1 ms (a longer delay fires at once): a long limit is waited for
// in steps.
function at(deadline, fn) {
  const left = deadline - performance.now();
  if (left <= 0) fn();
  else setTimeout(() => at(deadline, fn), Math.min(left, 0x7fffffff));
}
if (workerData.timeout > 0) {
  at(performance.now() + workerData.timeout * 1000, () => {
    Atomics.or(cell, 0, ${TIMEOUT_FLAG});
    Atomics.notify(cell, 0);
    setTimeout(() => hardStop("timeout"), 250);
  });
}
`;

let watcherCell: Int32Array | null = null;
let watcherStarted = false;

/** The cell the program's thread sleeps on (FLAGS) and the watcher and the I/O kernel wake. */
function sharedCell(): Int32Array {
  // [0]: SIGINT/timeout flags (what sleeps wait on); [1]: 1 once the watcher takes SIGINT.
  // [2], [3]: the I/O kernel's handshake (io/cell.ts).
  return (watcherCell ??= new Int32Array(new SharedArrayBuffer(CELL_BYTES)));
}

/**
 * Starts the watcher thread (once). With --timeout, `tsyncio run` calls it before translating, so
 * that the thread boots while the program is translated and the runtime loads; installNodeHost
 * starts it unless asked to start it lazily (see lazyWatcher there).
 */
/** Whether fd 1 is a terminal (a character device: node:tty's isatty would load node:net at start-up). */
function stdoutIsTerminal(): boolean {
  try {
    return fstatSync(1).isCharacterDevice();
  } catch {
    return false;
  }
}

export function startWatcher(timeout = 0): Int32Array {
  const cell = sharedCell();
  if (watcherStarted) return cell;
  watcherStarted = true;
  const heapLimit = v8().getHeapStatistics().heap_size_limit;
  const watcher = new (process.getBuiltinModule("node:worker_threads").Worker)(WATCHER, {
    eval: true,
    workerData: { shared: cell.buffer, timeout, heapLimit },
    // The watcher writes nothing; without these Node would set up this thread's process.stdout
    // and process.stderr (node:net, ~2-3 ms) to copy its output there.
    stdout: true,
    stderr: true,
  });
  watcher.unref();
  return cell;
}

/**
 * Blocks (no CPU) until the watcher thread has taken over SIGINT, at most `limitMs`. Called right
 * before the program runs when the watcher was started eagerly: it boots while the runtime loads,
 * but a Ctrl-C that came before it was ready would kill the process without a traceback (Node's
 * default), and a program that spins from its first line would have no other chance.
 */
export function waitForWatcher(limitMs = 5000): void {
  const cell = watcherCell;
  if (cell === null || !watcherStarted) return;
  const end = Date.now() + limitMs;
  for (let left = limitMs; Atomics.load(cell, 1) === 0 && left > 0; left = end - Date.now()) Atomics.wait(cell, 1, 0, left);
}

/**
 * A monotonic clock in ms without globalThis.performance, whose first read loads Node's perf_hooks
 * (~1 ms): the event loop's periodic check needs only a pace, and a program that never sleeps
 * never needs that module.
 */
function monotonicMs(): number {
  const [s, ns] = process.hrtime();
  return s * 1e3 + ns / 1e6;
}

const watcherReady = () => watcherCell !== null && Atomics.load(watcherCell, WATCHER_READY) === 1;

/**
 * Once the process has used this much CPU (ms), a lazily started watcher is started at the next
 * check. The watcher's boot costs ~30 ms of CPU, which a program that ends sooner never pays.
 * Until then a Ctrl-C of a busy program is the watchdog's hard stop (runGuarded: no
 * KeyboardInterrupt, no `finally`), so the window is kept short; a program that waits starts the
 * watcher at its first blocking wait. CPU, not wall time: on a loaded machine the same program
 * makes the same choice.
 */
const LAZY_WATCHER_AFTER_CPU_MS = 200;

/**
 * Runs the program (`tsyncio run`) under Node's SIGINT watchdog (vm's breakOnSigint: a native
 * thread, not a second Node environment like the watcher). It covers the time before a lazily
 * started watcher takes SIGINT: a Ctrl-C then stops the program where it is, as the watcher's
 * hard stop of a busy program does (buffered output written, KeyboardInterrupt, exit 130).
 * Once the watcher runs, Ctrl-C is its (the runtime raises KeyboardInterrupt where it wakes): the
 * signal handler its start installs (libuv's) replaces the watchdog's.
 */
export function runGuarded<T>(run: () => T): T {
  // Node's watchdog installs its own SIGINT handler over the watcher's: only before the watcher.
  if (watcherStarted) return run();
  const g = globalThis as Record<symbol, unknown>;
  const key = Symbol.for("tsyncio.guarded");
  g[key] = run;
  try {
    return new Script("globalThis[Symbol.for('tsyncio.guarded')]()").runInThisContext({ breakOnSigint: true }) as T;
  } catch (e) {
    const stop = g[Symbol.for("tsyncio.hardStop")] as ((kind: "interrupt") => never) | undefined;
    if ((e as { code?: string } | null)?.code === "ERR_SCRIPT_EXECUTION_INTERRUPTED" && stop) stop("interrupt");
    throw e;
  } finally {
    delete g[key];
  }
}

/**
 * lazyWatcher (`tsyncio run`, whose program runs in runGuarded): the watcher thread (~25 ms of CPU
 * to boot a Node environment) starts only when the program first waits (a sleep, a full pipe,
 * I/O, stdin) or has run for LAZY_WATCHER_AFTER_CPU_MS (checked where the event loop polls for
 * Ctrl-C), so a short program never pays for it. Started at once with a time limit, and with an
 * explicit --max-old-space-size (the heap watch must run from the start: a module-level loop
 * that fills a small heap never reaches a check).
 */
export function installNodeHost(options: { virtualTime: boolean; argv: string[]; timeout?: number; lazyWatcher?: boolean }): Host {
  const lazy = options.lazyWatcher === true && !options.timeout && explicitHeapLimitMb() === null;
  const cell = lazy ? sharedCell() : startWatcher(options.timeout);
  // The first call takes the check's path too, so that V8 has seen it before it optimizes the
  // loop that calls it (a path first taken in optimized code deoptimizes the loop's functions).
  let untilClockCheck = 1;
  // process.cpuUsage() costs ~8 us (getrusage over all threads): it is asked again only once the
  // process could have used the rest of the allowance, at twice the wall clock's pace (the main
  // thread and V8's compiler and GC threads).
  let nextCpuCheck = 0;
  // Is it time for the lazy watcher? A function of its own, called at every 1024th poll: too seldom
  // for TurboFan to inline it into the event loop's functions, whose code then does not depend on
  // it (inlined, its startWatcher() call, never taken before, deoptimized the loop when it was,
  // and the recompiled loop inlined all of startWatcher).
  const clockCheck = () => {
    const now = monotonicMs();
    if (now < nextCpuCheck) return;
    const cpu = process.cpuUsage();
    const usedMs = (cpu.user + cpu.system) / 1000;
    if (usedMs >= LAZY_WATCHER_AFTER_CPU_MS) startWatcher();
    else nextCpuCheck = now + (LAZY_WATCHER_AFTER_CPU_MS - usedMs) / 2;
  };
  // Called where the program is about to block: the watcher must be there to wake it. A wait of
  // `waitMs` first spends up to that long (no CPU) waiting for a watcher that is still booting.
  const needWatcher = (waitMs = 0) => {
    if (!watcherStarted) startWatcher();
    if (waitMs > 0 && Atomics.load(cell, WATCHER_READY) === 0) waitForWatcher(Math.min(waitMs, 5000));
  };
  // A full stdout pipe then answers EAGAIN and `pause` waits, where Ctrl-C and --timeout reach.
  nonBlockingStdout();
  let stopping = false;
  // A write waiting on a full pipe sleeps here; Ctrl-C (EINTR, for the runtime's SIGINT handler)
  // and the time limit wake it.
  const pause: Pause = (waited) => {
    needWatcher();
    const ms = Math.min(50, 1 + waited / 4);
    Atomics.wait(cell, 0, 0, ms);
    const flags = Atomics.load(cell, 0);
    if (flags & TIMEOUT_FLAG && !stopping) stopForTimeout();
    if (flags & SIGINT_FLAG) throw Object.assign(new Error("interrupted while writing"), { code: "EINTR" });
    return ms;
  };
  // While the process is being stopped, a stalled reader gets 200 ms, then the output is given up.
  const lastChance: Pause = (waited) => {
    if (waited >= 200) throw new Error("output given up");
    blockingSleep(0.01);
    return 10;
  };
  const dontWait: Pause = () => {
    throw new Error("stdout is full");
  };
  const stdout = new BufferedStdout(1, pause);
  // CPython block-buffers stdout unless it is a terminal or PYTHONUNBUFFERED is non-empty (-u);
  // its stderr is written at once either way.
  const blockBuffered = !stdoutIsTerminal() && !process.env.PYTHONUNBUFFERED;
  const writeStderr = (text: string | Uint8Array, p: Pause = pause) => {
    try {
      writeBytes(2, typeof text === "string" ? Buffer.from(text, "utf8") : Buffer.from(text.buffer, text.byteOffset, text.byteLength), p);
    } catch {
      // stderr failing has nowhere to be reported (CPython ignores it too)
    }
  };
  const timeoutMessage = `tsyncio: the program ran longer than --timeout ${options.timeout} s and was stopped\n`;
  const stopForTimeout = () => {
    stopping = true;
    stdout.flushQuietly(lastChance);
    writeStderr(timeoutMessage, lastChance);
    process.exit(TIMEOUT_EXIT);
  };
  // Called by the watcher through the inspector while the main thread is busy.
  (globalThis as Record<symbol, unknown>)[Symbol.for("tsyncio.hardStop")] = (kind: "interrupt" | "timeout") => {
    stopping = true;
    stdout.flushQuietly(lastChance);
    writeStderr(
      kind === "timeout"
        ? timeoutMessage
        : "Traceback (most recent call last):\n  (tsyncio: the program was busy and did not notice Ctrl-C; stopped)\nKeyboardInterrupt\n",
      lastChance,
    );
    // Node prints "Waiting for the debugger to disconnect..." at exit while an inspector session
    // is open: nothing may follow the message.
    closeSync(2);
    (process as unknown as { reallyExit(code: number): never }).reallyExit(kind === "timeout" ? TIMEOUT_EXIT : 130);
  };
  // Called by the watcher through the inspector when the process is large: a heap nearly full
  // ends the program with MemoryError (as CPython's failed allocation does) before V8 aborts and
  // loses the buffered output. The program cannot catch it: it is stopped where it is.
  let memoryExhausted: (() => number) | null = null;
  let oldGenerationLimit: number | undefined; // asked of node:v8 when first needed
  const generationLimit = () => (oldGenerationLimit ??= oldGenerationSize());
  (globalThis as Record<symbol, unknown>)[Symbol.for("tsyncio.heapCheck")] = () => {
    if (stopping || memoryExhausted === null || oldGenerationUsed() < generationLimit() - memoryReserve(generationLimit())) return;
    stopping = true;
    const code = memoryExhausted();
    stdout.flushQuietly(lastChance);
    closeSync(2); // as in hardStop: nothing may follow
    (process as unknown as { reallyExit(code: number): never }).reallyExit(code);
  };
  // CPython's time.monotonic() counts from the system's boot (CLOCK_MONOTONIC, which
  // process.hrtime reads); performance.now() from the process's start: the difference, taken once.
  let sinceBoot: number | undefined;
  const now = () => {
    const t = performance.now() / 1000;
    sinceBoot ??= monotonicMs() / 1000 - t;
    return t + sinceBoot;
  };
  return setHost({
    now,
    watchMemory(onExhausted) {
      memoryExhausted = onExhausted;
    },
    heapRoom: () => generationLimit() - oldGenerationUsed(),
    sleep(seconds) {
      stdout.flushQuietly();
      if (seconds > 0) {
        // A late wake-up from the I/O kernel (its bit) does not end the sleep; Ctrl-C does.
        const end = performance.now() + seconds * 1000;
        needWatcher(seconds * 1000);
        for (let left = seconds * 1000; left > 0; left = end - performance.now()) {
          const flags = Atomics.and(cell, FLAGS, ~IO_FLAG) & ~IO_FLAG;
          if (flags !== 0) break;
          Atomics.wait(cell, FLAGS, 0, left);
        }
      }
      if (Atomics.load(cell, 0) & TIMEOUT_FLAG) stopForTimeout();
    },
    interrupted() {
      // The event loop asks at every iteration: every 1024th time, is it time for the watcher?
      if (!watcherStarted) {
        // No watcher yet: no Ctrl-C or time limit can be flagged (only the I/O kernel's bit).
        if (--untilClockCheck > 0) return false;
        untilClockCheck = 1024;
        clockCheck();
      }
      // A plain read first: Atomics.load is a call TurboFan does not inline (~100 instructions at
      // every loop iteration), and a flag set a moment ago is seen at the next iteration anyway.
      if (cell[0] === 0) return false;
      const flags = Atomics.load(cell, 0);
      if (flags & TIMEOUT_FLAG) stopForTimeout();
      if (!(flags & SIGINT_FLAG)) return false;
      Atomics.and(cell, 0, ~SIGINT_FLAG);
      return true;
    },
    // stdout's errors are thrown (the runtime makes them OSError); stderr's are ignored.
    write(fd, text) {
      if (fd === 1) stdout.write(text);
      else {
        if (!blockBuffered) stdout.flushQuietly(dontWait);
        writeStderr(text);
      }
    },
    writeBytes(fd, bytes) {
      if (fd === 1) stdout.writeBytes(bytes);
      else {
        if (!blockBuffered) stdout.flushQuietly(dontWait);
        writeStderr(bytes);
      }
    },
    flush: () => stdout.flush(),
    flushQuietly: () => stdout.flushQuietly(dontWait),
    stdoutBlockBuffered: blockBuffered,
    virtualTime: options.virtualTime,
    argv: options.argv,
    env: Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => typeof e[1] === "string")),
    pid: process.pid,
    cpuCount: availableParallelism(),
    processIds: () => ({ uid: process.getuid!(), euid: process.geteuid!(), gid: process.getgid!(), egid: process.getegid!(), ppid: process.ppid }),
    loadavg: () => loadavg() as [number, number, number],
    uname: () => ({ system: osType(), node: hostname(), release: release(), version: osVersion(), machine: machine() }),
    cwd: () => process.cwd(),
    fs: nodeFileSystem,
    // Web Crypto's global: node:crypto loads only when a program seeds `random` (start-up time).
    randomBytes: (bytes) => {
      for (let i = 0; i < bytes.length; i += 65536) globalThis.crypto.getRandomValues(bytes.subarray(i, i + 65536) as Uint8Array<ArrayBuffer>);
    },
    // node:tty loads only when a program asks (it pulls in node:net: start-up time).
    isatty: (fd) => process.getBuiltinModule("node:tty").isatty(fd),
    terminalSize: (fd) => {
      const stream = fd === 1 ? process.stdout : fd === 2 ? process.stderr : null;
      if (!stream?.isTTY) return null;
      return [stream.columns, stream.rows];
    },
    readStdin: (max) => {
      needWatcher();
      return readStdin(max);
    },
    digest: nodeDigest,
    unicodeName: unicodeNameOf,
    utcOffset: (t) => -new Date(t * 1000).getTimezoneOffset() * 60,
    sourceLine,
    generatorState,
    io: lazyWatcherIo(nodeIoHost(cell, !options.virtualTime), needWatcher),
  });
}

function hostStat(s: BigIntStats): HostStat {
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
    blksize: Number(s.blksize),
    blocks: Number(s.blocks),
  };
}

const nsToDate = (ns: bigint) => Number(ns) / 1e9;
/** The wall clock in seconds, to the microsecond (CPython's utime(p) stamps the OS's "now"). */
const realNow = () => Math.max(Date.now(), performance.timeOrigin + performance.now()) / 1000;

// (not `import * as fs`: the bundle would copy node:fs's ~100 exports into an object at start-up)
const fs = process.getBuiltinModule("node:fs");

/** The real file system, through node:fs's synchronous calls. */
const nodeFileSystem: HostFileSystem = {
  cwd: () => process.cwd(),
  chdir: (path) => process.chdir(path),
  open: (path, flags, mode) => fs.openSync(path, flags, mode),
  // A program closing fd 0, 1 or 2 (`open(0, "rb")` given to a transport, `os.close(1)` so that a
  // parent sees EOF) closes it, and /dev/null takes the number at once: a free number goes to the
  // next descriptor libuv makes (a worker thread's event loop, a pipe), and libuv aborts the
  // process when it later closes a descriptor numbered 2 or less ("uv__close: Assertion `fd >
  // STDERR_FILENO'").
  close: (fd) => {
    fs.closeSync(fd);
    if (fd > 2) return;
    const standIn = fs.openSync("/dev/null", fd === 0 ? "r" : "w");
    // (another thread took the number in between: nothing to hold it for)
    if (standIn !== fd && standIn > 2) fs.closeSync(standIn);
  },
  read: (fd, buf, position) => fs.readSync(fd, buf, 0, buf.length, position),
  write: (fd, data, position) => {
    let off = 0;
    while (off < data.length) off += fs.writeSync(fd, data, off, data.length - off, position + off);
    return off;
  },
  readStream: (fd, buf) => retryAgain(() => fs.readSync(fd, buf, 0, buf.length, null)),
  writeStream: (fd, data) => {
    let off = 0;
    while (off < data.length) off += retryAgain(() => fs.writeSync(fd, data, off, data.length - off, null));
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
  // null: the real clock, also under --virtual-time (the OS stamps new files with it), finer than a
  // Date's milliseconds: a file written in the same millisecond has a later stamp than that
  utime: (path, atimeNs, mtimeNs) => fs.utimesSync(path, atimeNs === null ? realNow() : nsToDate(atimeNs), mtimeNs === null ? realNow() : nsToDate(mtimeNs)),
  chmod: (path, mode) => fs.chmodSync(path, mode),
  symlink: (target, path) => fs.symlinkSync(target, path),
  readlink: (path) => fs.readlinkSync(path),
  link: (target, path) => fs.linkSync(target, path),
  statvfs: (path) => nodeStatvfs(path),
  diskUsage: (path) => {
    const s = fs.statfsSync(path);
    const total = s.blocks * s.bsize;
    return { total, used: (s.blocks - s.bfree) * s.bsize, free: s.bavail * s.bsize };
  },
};

let ioHost: ReturnType<typeof createIoHost> | null = null;

function nodeIoHost(cell: Int32Array, directWrites?: boolean): ReturnType<typeof createIoHost> {
  // The kernel thread's script sits beside this file in dist/cli (bundled or not).
  ioHost ??= createIoHost(cell, new URL("./io/kernel-worker.js", import.meta.url), pythonLauncher());
  if (directWrites !== undefined) ioHost.allowDirectWrites(directWrites);
  return ioHost;
}

/** The I/O host, with the watcher started before a wait that may block. */
function lazyWatcherIo(io: ReturnType<typeof createIoHost>, needWatcher: (waitMs: number) => void): ReturnType<typeof createIoHost> {
  return {
    ...io,
    wait(timeout, quiet, settle) {
      if (timeout === 0 || watcherReady()) return io.wait(timeout, quiet, settle);
      // A poll first hands the kernel its requests, so that it boots (or works) while the watcher does.
      const polled = io.wait(0, false);
      if (polled.completions.length > 0) return { ...polled, timedOut: false };
      const t0 = performance.now();
      needWatcher(timeout === null ? Infinity : timeout * 1000);
      const waited = (performance.now() - t0) / 1000;
      return io.wait(timeout === null ? null : Math.max(0, timeout - waited), quiet);
    },
  };
}

/** Boots the I/O kernel ahead of need (a program that names sockets or processes): ~0.1-0.3 s sooner. */
export function warmIo(): void {
  nodeIoHost(sharedCell()).warm();
}

/** At exit: what the program wrote to its sockets and pipes is sent before the process ends. */
export function finishIo(): void {
  ioHost?.finish(2000);
}

/** sys.executable: bin/tsyncio-python, which runs a Python file or -c code through tsyncio. */
function pythonLauncher(): string {
  return fileURLToPath(new URL("../../bin/tsyncio-python", import.meta.url));
}

type Location = { scriptId: string; lineNumber: number };

/**
 * V8's inspector knows where a suspended generator waits ([[GeneratorLocation]]), where a function
 * is defined ([[FunctionLocation]]) and whether a generator is suspended, running or closed
 * ([[GeneratorState]]). A session is opened for the question and closed at once (an open session
 * would make Node wait for the debugger at exit); the inspector answers synchronously on the same
 * thread. `ask` is given a reader of an object's internal property; null when anything fails.
 */
function withInternals<T>(ask: (internal: (value: unknown, name: string) => unknown) => T | null): T | null {
  let session: Session | null = null;
  const probe = Symbol.for("tsyncio.probe");
  const g = globalThis as Record<symbol, unknown>;
  try {
    session = new (process.getBuiltinModule("node:inspector").Session)();
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
    const internal = (value: unknown, name: string): unknown => {
      g[probe] = value;
      const ref = post("Runtime.evaluate", { expression: "globalThis[Symbol.for('tsyncio.probe')]", objectGroup: "tsyncio" });
      const objectId = (ref.result as { objectId?: string } | undefined)?.objectId;
      if (!objectId) return null;
      const props = post("Runtime.getProperties", { objectId, ownProperties: true }) as {
        internalProperties?: { name: string; value?: { value?: unknown } }[];
      };
      return props.internalProperties?.find((p) => p.name === name)?.value?.value ?? null;
    };
    const answer = ask(internal);
    post("Runtime.releaseObjectGroup", { objectGroup: "tsyncio" });
    return answer;
  } catch {
    return null;
  } finally {
    delete g[probe];
    session?.disconnect();
  }
}

function sourceLine(obj: object, script: Function): number | null {
  return withInternals((internal) => {
    const at = internal(obj, typeof obj === "function" ? "[[FunctionLocation]]" : "[[GeneratorLocation]]") as Location | null;
    const home = internal(script, "[[FunctionLocation]]") as Location | null;
    if (!at || !home || at.scriptId !== home.scriptId) return null;
    return at.lineNumber + 1;
  });
}

function generatorState(gen: object): "suspended" | "running" | "closed" | null {
  return withInternals((internal) => {
    const state = internal(gen, "[[GeneratorState]]");
    return state === "suspended" || state === "running" || state === "closed" ? state : null;
  });
}

/** A blocking call on a descriptor that may be non-blocking (a pipe Node made): tried again on EAGAIN. */
function retryAgain(op: () => number): number {
  for (;;) {
    try {
      return op();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EAGAIN") throw e;
      sleepMs(5);
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

type NodeHash = { update(d: Uint8Array): NodeHash; digest(): Uint8Array; copy(): NodeHash };
/** hashlib's md5/sha1/sha2 through node:crypto (OpenSSL), loaded on first use (start-up time). */
function nodeDigest(algorithm: string): HostDigest | null {
  const crypto = process.getBuiltinModule?.("node:crypto") as { createHash(name: string): NodeHash } | undefined;
  if (!crypto || !["md5", "sha1", "sha224", "sha256", "sha384", "sha512"].includes(algorithm)) return null;
  const wrap = (h: NodeHash): HostDigest => ({
    update: (d) => void h.update(d),
    digest: () => h.copy().digest(),
    copy: () => wrap(h.copy()),
  });
  return wrap(crypto.createHash(algorithm));
}
