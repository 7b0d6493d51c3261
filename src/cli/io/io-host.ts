// The program thread's side of the I/O kernel (kernel-worker.ts): Host.io for the Node CLI.
//
// The kernel starts on the first request. Requests are queued and posted in one message when the
// loop waits; the loop then drains completions with receiveMessageOnPort and, when there are none,
// sleeps with Atomics.wait on the shared cell, which the kernel (I/O), the watcher (Ctrl-C,
// --timeout) or the time limit wakes.
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import { constants as osConstants, hostname } from "node:os";
import type { IoCompletion, IoHost, IoRequest, ProcessResult, ProcessRunOptions } from "../../runtime/io-messages.js";
import { writeSync } from "node:fs";
import { FLAGS, IO_FLAG, QUIET, SETTLE, SIGINT_FLAG, TIMEOUT_FLAG, WAITING } from "./cell.js";
import { DONE, GEN, LEASE_BYTES, LEASE_WORDS, OPEN, WRITING } from "./leases.js";

interface Batch {
  idle: number;
  settled?: number;
  completions: IoCompletion[];
}

/** How long a settling poll waits at most for bytes between the program's own sockets (ms). */
const SETTLE_LIMIT_MS = 250;

/** The largest write the program's thread makes itself (bytes). */
const DIRECT_MAX = 64 * 1024;

/** A connection the program's thread may write directly (leases.ts). */
interface Lease {
  fd: number;
  slot: number;
  gen: number;
  /** Writes handed to the kernel for this connection (compared with the kernel's `done`). */
  submitted: number;
}

type NodeIoHost = IoHost & {
  finish(limitMs: number): void;
  warm(): void;
  /** Off under the virtual clock: the kernel must see every byte to know what is in flight. */
  allowDirectWrites(on: boolean): void;
};

export function createIoHost(cell: Int32Array, kernelUrl: URL, launcher: string): NodeIoHost {
  let port: MessagePort | null = null;
  let worker: Worker | null = null;
  let queue: IoRequest[] = [];
  let transfers: ArrayBuffer[] = [];
  let seq = 0;
  /** Completions a blocking socket call put back (unread), returned first by the next wait. */
  let stash: IoCompletion[] = [];
  const leaseTable = new Int32Array(new SharedArrayBuffer(LEASE_BYTES));
  const leases = new Map<number, Lease>();
  let direct = true;

  const start = (): MessagePort => {
    const { port1, port2 } = new MessageChannel();
    worker = new Worker(kernelUrl, { workerData: { port: port2, shared: cell.buffer, leases: leaseTable.buffer }, transferList: [port2] });
    // Neither keeps the process alive once the program is over (see shutdown()).
    worker.unref();
    port1.unref();
    port = port1;
    return port1;
  };

  const post = (always: boolean) => {
    if (queue.length === 0 && !always) return;
    const p = port ?? start();
    seq++;
    p.postMessage({ seq, requests: queue }, transfers);
    queue = [];
    transfers = [];
  };

  /** Set by drain(): the kernel said "settled" for our latest requests. */
  let settledNow = false;
  const drain = (into: IoCompletion[]): boolean => {
    let idle = false;
    if (port === null) return idle;
    for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port)) {
      const batch = m.message as Batch;
      for (const c of batch.completions) {
        if (c.ev === "connected" || c.ev === "accepted") {
          if (c.lease && direct) leases.set(c.ev === "connected" ? c.id : c.conn, { ...c.lease, submitted: 0 });
        } else if (c.ev === "closed") leases.delete(c.id);
        into.push(c);
      }
      // An "idle" from before our latest requests were handled says nothing about them.
      if (batch.idle === seq) idle = true;
      if (batch.settled === seq) settledNow = true;
    }
    return idle;
  };

  /** A poll that first lets bytes between the program's own sockets land (IoHost.wait's `settle`). */
  const settleWait = (): { completions: IoCompletion[]; idle: boolean; timedOut: boolean } => {
    const completions: IoCompletion[] = stash;
    stash = [];
    settledNow = false;
    Atomics.store(cell, SETTLE, 1);
    post(true);
    const end = performance.now() + SETTLE_LIMIT_MS;
    Atomics.store(cell, WAITING, 1);
    try {
      for (;;) {
        const flags = Atomics.and(cell, FLAGS, ~IO_FLAG) & ~IO_FLAG;
        drain(completions);
        if (settledNow || flags & (SIGINT_FLAG | TIMEOUT_FLAG)) break;
        const left = end - performance.now();
        if (left <= 0) break;
        Atomics.wait(cell, FLAGS, flags, left);
      }
    } finally {
      Atomics.store(cell, WAITING, 0);
      Atomics.store(cell, SETTLE, 0);
    }
    return { completions, idle: false, timedOut: true };
  };

  const io: NodeIoHost = {
    /** Starts the kernel thread now, so that it boots while the program is translated. */
    warm() {
      if (port === null) start();
    },
    finish(limitMs) {
      if (port === null) return;
      queue.push({ op: "flush_all" });
      const end = performance.now() + limitMs;
      for (let left = limitMs; left > 0; left = end - performance.now()) {
        const r = io.wait(left / 1000, false);
        if (r.completions.some((c) => c.ev === "flushed")) return;
      }
    },
    allowDirectWrites(on) {
      direct = on;
      if (!on) leases.clear();
    },
    send(req) {
      if (req.op === "write" || req.op === "start_tls") {
        const lease = leases.get(req.id);
        if (lease && req.op === "write") lease.submitted = (lease.submitted + 1) | 0;
        // After start_tls the bytes on the socket are TLS records: the kernel writes them.
        else if (lease) leases.delete(req.id);
      }
      queue.push(req);
      if ((req.op === "write" || req.op === "sendto" || req.op === "stdin_write") && req.data.byteLength > 0) transfers.push(req.data);
    },
    wait(timeout, quiet, settle = false) {
      if (settle && timeout === 0 && port !== null) return settleWait();
      // A quiet wait always asks, so that the kernel answers "idle" for the latest requests.
      post(quiet);
      const completions: IoCompletion[] = stash;
      stash = [];
      if (completions.length > 0) {
        drain(completions);
        return { completions, idle: false, timedOut: false };
      }
      if (port === null && !quiet) {
        // No I/O ever started: a plain sleep.
        if (timeout !== 0) Atomics.wait(cell, FLAGS, 0, timeout === null ? undefined : timeout * 1000);
        return { completions, idle: true, timedOut: true };
      }
      let idle = drain(completions);
      if (completions.length > 0 || (quiet && idle) || timeout === 0) return { completions, idle, timedOut: timeout === 0 };
      const end = timeout === null ? Infinity : performance.now() + timeout * 1000;
      let timedOut = false;
      Atomics.store(cell, QUIET, quiet ? 1 : 0);
      Atomics.store(cell, WAITING, 1);
      try {
        for (;;) {
          const flags = Atomics.and(cell, FLAGS, ~IO_FLAG) & ~IO_FLAG;
          idle = drain(completions);
          if (completions.length > 0 || (quiet && idle)) break;
          // Ctrl-C or the time limit: the runtime's deliver_interrupt() takes it from here.
          if (flags & (SIGINT_FLAG | TIMEOUT_FLAG)) break;
          const left = end - performance.now();
          if (left <= 0) {
            timedOut = true;
            break;
          }
          Atomics.wait(cell, FLAGS, flags, left === Infinity ? undefined : left);
        }
      } finally {
        Atomics.store(cell, WAITING, 0);
        Atomics.store(cell, QUIET, 0);
      }
      return { completions, idle, timedOut };
    },
    write(id, data) {
      // Large writes go to the kernel thread, which then sends while this thread goes on (bulk
      // throughput); small ones are sent here, sparing a wake-up of the kernel (round trips).
      const lease = data.length <= DIRECT_MAX ? leases.get(id) : undefined;
      let sent = 0;
      if (lease !== undefined && lease.submitted === Atomics.load(leaseTable, lease.slot * LEASE_WORDS + DONE)) {
        const at = lease.slot * LEASE_WORDS;
        if (Atomics.compareExchange(leaseTable, at, OPEN, WRITING) === OPEN) {
          if (Atomics.load(leaseTable, at + GEN) === lease.gen) {
            try {
              sent = writeSync(lease.fd, data);
            } catch {
              // EAGAIN (the socket's buffer is full): the kernel waits for room. A broken
              // connection: the kernel's write meets the same error and reports it.
            }
            Atomics.store(leaseTable, at, OPEN);
          } else {
            Atomics.store(leaseTable, at, OPEN);
            leases.delete(id);
          }
        } else leases.delete(id);
      }
      const rest = data.length - sent;
      if (rest > 0) io.send({ op: "write", id, data: data.slice(sent).buffer as ArrayBuffer });
      return rest;
    },
    unread(completions) {
      stash = completions.concat(stash);
    },
    runProcess: runProcess,
    kill(pid, signal) {
      try {
        process.kill(pid, signal);
      } catch (e) {
        throw { code: (e as NodeJS.ErrnoException).code ?? "EPERM" };
      }
    },
    pythonLauncher: launcher,
    hostname: hostname(),
  };
  return io;
}

const signalNumbers = osConstants.signals as Record<string, number>;

function runProcess(o: ProcessRunOptions): ProcessResult {
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
