// The program thread's side of the I/O kernel (kernel-worker.ts): Host.io for the Node CLI.
//
// The kernel starts on the first request. Requests are queued and posted in one message when the
// loop waits; the loop then drains completions with receiveMessageOnPort and, when there are none,
// sleeps with Atomics.wait on the shared cell, which the kernel (I/O), the watcher (Ctrl-C,
// --timeout) or the time limit wakes. Connections whose descriptors the kernel lends this thread
// are read and written here (lease-reads.ts, lease-writes.ts).
import type { MessagePort, Worker } from "node:worker_threads";
import { hostname } from "node:os";
import type { IoCompletion, IoError, IoHost, IoRequest } from "../../runtime/io-messages.js";
import { runProcess } from "./run-process.js";
import type { HostCompletion, HostRequest } from "./host-messages.js";
import { FLAGS, IO_FLAG, QUIET, SETTLE, SIGINT_FLAG, TIMEOUT_FLAG, WAITING } from "./cell.js";
import { LEASE_BYTES } from "./leases.js";
import { newLease, type HostContext, type Lease } from "./lease.js";
import { createLeaseReads } from "./lease-reads.js";
import { createLeaseWrites } from "./lease-writes.js";

interface Batch {
  idle: number;
  settled?: number;
  completions: (IoCompletion | HostCompletion)[];
}

/** How long a settling poll waits at most for bytes between the program's own sockets (ms). */
const SETTLE_LIMIT_MS = 250;

type NodeIoHost = IoHost & {
  finish(limitMs: number): void;
  warm(): void;
  /** Off under the virtual clock: the kernel must see every byte to know what is in flight. */
  allowDirectWrites(on: boolean): void;
};

export function createIoHost(cell: Int32Array, kernelUrl: URL, launcher: string): NodeIoHost {
  let port: MessagePort | null = null;
  let worker: Worker | null = null;
  let queue: (IoRequest | HostRequest)[] = [];
  let transfers: ArrayBuffer[] = [];
  let seq = 0;
  /** Completions a blocking socket call put back (unread), returned first by the next wait. */
  let stash: IoCompletion[] = [];
  const leaseTable = new Int32Array(new SharedArrayBuffer(LEASE_BYTES));
  const leases = new Map<number, Lease>();
  let direct = true;

  // node:worker_threads loads with the kernel (~1.4 ms of start-up a program without I/O need not pay).
  let receiveMessageOnPort: typeof import("node:worker_threads").receiveMessageOnPort;
  const start = (): MessagePort => {
    const threads = process.getBuiltinModule("node:worker_threads");
    receiveMessageOnPort = threads.receiveMessageOnPort;
    const { port1, port2 } = new threads.MessageChannel();
    worker = new threads.Worker(kernelUrl, { workerData: { port: port2, shared: cell.buffer, leases: leaseTable.buffer }, transferList: [port2] });
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
  /**
   * A request was queued since the kernel last said "settled": only a request can put bytes on
   * their way between the program's own sockets, so until then a settling poll need not ask.
   */
  let sentSinceSettled = true;
  const drain = (into: IoCompletion[]): boolean => {
    let idle = false;
    if (port === null) return idle;
    for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port)) {
      const batch = m.message as Batch;
      for (const c of batch.completions) {
        switch (c.ev) {
          case "read_lease":
            takeReader(c.id, c.peer);
            continue;
          case "shut": {
            const l = leases.get(c.id);
            if (l !== undefined) l.shut = true;
            continue;
          }
          case "data": {
            const l = leases.get(c.id);
            if (l !== undefined) l.received += c.data.byteLength;
            break;
          }
          case "connected":
          case "accepted":
            if (c.lease && direct) {
              const id = c.ev === "connected" ? c.id : c.conn;
              leases.set(id, newLease(c.lease, id));
            }
            break;
          case "closed": {
            const l = leases.get(c.id);
            if (l !== undefined) {
              leases.delete(c.id);
              l.held = null;
              heldWrites.delete(l);
              l.ended = true;
              l.shut = true;
              poke(l);
              dropReader(l, false);
            }
            break;
          }
        }
        into.push(c);
      }
      // An "idle" from before our latest requests were handled says nothing about them.
      if (batch.idle === seq) idle = true;
      if (batch.settled === seq) settledNow = true;
    }
    return idle;
  };

  const ctx: HostContext = {
    cell,
    leaseTable,
    leases,
    request(req, transfer) {
      queue.push(req);
      if (transfer !== undefined) transfers.push(transfer);
    },
    post,
    drain,
  };
  const reads = createLeaseReads(ctx);
  const writes = createLeaseWrites(ctx, reads);
  const { unread, poke, dropReader, takeReader, readLeased, giveBackUnread } = reads;
  const { heldWrites, queueWrite, flushAllHeld, handOver } = writes;

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
        if (settledNow) sentSinceSettled = false;
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

  /**
   * The kernel's answer to a write with `confirm` (a peer that ended its side may be gone: the
   * send's error is the write's, as in CPython). What else comes meanwhile is kept for the loop.
   */
  const awaitWritten = (id: number, partial = false): number | IoError => {
    const others: IoCompletion[] = [];
    let answer: Extract<IoCompletion, { ev: "written" }> | null = null;
    while (answer === null) {
      for (const c of io.wait(null, false).completions) {
        if (c.ev === "written" && c.id === id) answer = c;
        else others.push(c);
      }
    }
    stash = others.concat(stash);
    return answer.error ?? (partial ? (answer.sent ?? 0) : answer.pending);
  };

  const io: NodeIoHost = {
    /** Starts the kernel thread now, so that it boots while the program is translated. */
    warm() {
      if (port === null) start();
    },
    finish(limitMs) {
      for (const l of heldWrites) handOver(l);
      if (port === null) return;
      queue.push({ op: "flush_all" });
      const end = performance.now() + limitMs;
      for (let left = limitMs; left > 0; left = end - performance.now()) {
        const r = io.wait(left / 1000, false);
        if (r.completions.some((c) => c.ev === "flushed")) return;
      }
    },
    allowDirectWrites(on) {
      if (on === direct) return;
      direct = on;
      if (!on) leases.clear();
      // Ahead of any connection, so that the kernel grants no lease the program would not use.
      queue.unshift({ op: "leases", on });
    },
    send(req) {
      sentSinceSettled = true;
      const lease = "id" in req ? leases.get(req.id) : undefined;
      if (lease !== undefined) {
        switch (req.op) {
          case "write":
            handOver(lease);
            lease.written += req.data.byteLength;
            return queueWrite(lease, req.id, req.data);
          case "watch_drain":
            if (lease.held !== null) {
              lease.drainLow = req.low;
              return;
            }
            break;
          case "start_tls":
            // After start_tls the bytes on the socket are TLS records: the kernel writes and reads them.
            handOver(lease);
            leases.delete(req.id);
            dropReader(lease, true);
            if (lease.sink !== null) dropReader(lease.sink, true);
            break;
          case "eof":
            handOver(lease);
            lease.ended = true;
            poke(lease);
            break;
          case "close":
          case "abort":
            // The kernel counts only the bytes it read; bytes sent here and not read are unread too.
            if (req.consumed !== undefined) req = { ...req, consumed: req.consumed - lease.readHere };
            if (lease.reader !== null && lease.reader.peer.written > lease.received) req = { ...req, unreadHere: true };
            // Bytes written before close() still go out; abort() drops them.
            if (req.op === "close") handOver(lease);
            else {
              lease.held = null;
              lease.heldBytes = 0;
              heldWrites.delete(lease);
            }
            lease.ended = true;
            lease.closing = true;
            poke(lease);
            dropReader(lease, false);
            break;
          // A connection this thread reads pauses here only; the kernel hears of it at read_start.
          case "pause":
            lease.paused = true;
            if (lease.reader !== null) return;
            lease.kernelPaused = true;
            break;
          case "resume":
            lease.paused = false;
            if (lease.reader !== null) {
              unread.add(lease);
              return;
            }
            lease.kernelPaused = false;
            break;
        }
      }
      queue.push(req);
      if ((req.op === "write" || req.op === "sendto" || req.op === "stdin_write") && req.data.byteLength > 0) transfers.push(req.data);
    },
    wait(timeout, quiet, settle = false) {
      if (settle && timeout === 0 && port !== null && sentSinceSettled) return settleWait();
      // A quiet wait always asks, so that the kernel answers "idle" for the latest requests.
      post(quiet);
      const completions: IoCompletion[] = stash;
      stash = [];
      if (completions.length > 0) {
        drain(completions);
        if (unread.size > 0) readLeased(completions);
        if (heldWrites.size > 0) flushAllHeld(completions);
        return { completions, idle: false, timedOut: false };
      }
      if (port === null && !quiet) {
        // No I/O ever started: a plain sleep.
        if (timeout !== 0) Atomics.wait(cell, FLAGS, 0, timeout === null ? undefined : timeout * 1000);
        return { completions, idle: true, timedOut: true };
      }
      let idle = drain(completions);
      if (unread.size > 0) readLeased(completions);
      if (heldWrites.size > 0) flushAllHeld(completions);
      if (completions.length > 0 || (quiet && idle) || timeout === 0) return { completions, idle, timedOut: timeout === 0 };
      const end = timeout === null ? Infinity : performance.now() + timeout * 1000;
      let timedOut = false;
      Atomics.store(cell, QUIET, quiet ? 1 : 0);
      Atomics.store(cell, WAITING, 1);
      try {
        for (;;) {
          const flags = Atomics.and(cell, FLAGS, ~IO_FLAG) & ~IO_FLAG;
          idle = drain(completions);
          if (unread.size > 0) readLeased(completions);
          if (heldWrites.size > 0) flushAllHeld(completions);
          if (completions.length > 0 || (quiet && idle)) break;
          // Nobody here will read or write until something comes: the kernel takes over.
          // (Held bytes first: their other end then expects them from the kernel, so it goes back too.)
          const handed = heldWrites.size > 0;
          for (const l of heldWrites) handOver(l);
          const gave = unread.size > 0 && giveBackUnread();
          if (handed || gave) post(false);
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
    write(id, data, frozen = false, confirm = false) {
      sentSinceSettled = true;
      const lease = leases.get(id);
      if (lease === undefined) {
        io.send({ op: "write", id, data: data.slice().buffer as ArrayBuffer, ...(confirm ? { confirm } : {}) });
        return confirm ? awaitWritten(id) : data.length;
      }
      return writes.write(lease, id, data, frozen);
    },
    sendNow(id, data) {
      sentSinceSettled = true;
      const lease = leases.get(id);
      if (lease !== undefined) return writes.sendNow(lease, data);
      // The kernel writes this connection: it tries the send and answers.
      io.send({ op: "write", id, data: data.slice().buffer as ArrayBuffer, confirm: true, partial: true });
      return awaitWritten(id, true);
    },
    unread(completions) {
      stash = completions.concat(stash);
    },
    runProcess,
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
