// The program thread's side of the I/O kernel (kernel-worker.ts): Host.io for the Node CLI.
//
// The kernel starts on the first request. Requests are queued and posted in one message when the
// loop waits; the loop then drains completions with receiveMessageOnPort and, when there are none,
// sleeps with Atomics.wait on the shared cell, which the kernel (I/O), the watcher (Ctrl-C,
// --timeout) or the time limit wakes.
import type { MessagePort, Worker } from "node:worker_threads";
import { hostname } from "node:os";
import type { IoCompletion, IoHost, IoRequest } from "../../runtime/io-messages.js";
import { runProcess } from "./run-process.js";
import { readSync, writeSync } from "node:fs";
import type { HostCompletion, HostRequest } from "./host-messages.js";
import { FLAGS, IO_FLAG, QUIET, SETTLE, SIGINT_FLAG, TIMEOUT_FLAG, WAITING } from "./cell.js";
import { DONE, GEN, LEASE_BYTES, LEASE_WORDS, OPEN, WRITING } from "./leases.js";

interface Batch {
  idle: number;
  settled?: number;
  completions: (IoCompletion | HostCompletion)[];
}

/** How long a settling poll waits at most for bytes between the program's own sockets (ms). */
const SETTLE_LIMIT_MS = 250;

/** The largest write the program's thread makes itself (bytes). */
const DIRECT_MAX = 64 * 1024;

/**
 * The same when the program's thread also reads the other end (read leases): the kernel thread
 * then has no reading to overlap with a send of its own, so handing it the bytes only adds a
 * message and a copy (io_bulk: 0.87x CPU with 4 MiB here instead of 64 KiB).
 */
const DIRECT_MAX_PAIRED = 4 * 1024 * 1024;

/**
 * The most a read of a leased socket takes at once (CPython's transports read 256 KiB; 1 MiB
 * here: io_bulk 0.76x the CPU of 256 KiB reads, fewer loop turns and pause/resume per MiB).
 */
const READ_MAX = 1024 * 1024;

/**
 * Reads of leased sockets land in a slab of this size and are handed out as views of it: a
 * partial read is not copied, and a new buffer is made per slab rather than per read. (A view
 * kept alive keeps its slab; bytes objects of up to 4 KiB are copies, so only larger ones do.)
 */
const SLAB_BYTES = 1024 * 1024;

/** A slab with less room left than this is replaced before a larger read. */
const SLAB_MIN_ROOM = 64 * 1024;

/** A connection the program's thread may write directly (leases.ts). */
interface Lease {
  id: number;
  fd: number;
  slot: number;
  gen: number;
  /** Writes handed to the kernel for this connection (compared with the kernel's `done`). */
  submitted: number;
  /** Bytes the program wrote on this connection, directly or through the kernel. */
  written: number;
  /** Bytes that came in on this connection (the kernel's "data" and the program's own reads). */
  received: number;
  /** The program asked for this side's EOF (write_eof, close, abort), or the kernel closed it. */
  ended: boolean;
  /** The kernel has sent that EOF (or closed the connection). */
  shut: boolean;
  /** The program closed or aborted it: no more reading. */
  closing: boolean;
  paused: boolean;
  /** What the kernel was last told (pausing a connection read here needs no message). */
  kernelPaused: boolean;
  /** Set while the program's thread reads this connection itself (both ends are the program's). */
  reader: Reader | null;
  /** The other end, once the kernel lent it to the program's thread: it receives what this one sends. */
  sink: Lease | null;
  /**
   * Bytes written on a connection whose other end this thread reads that the OS had no room for
   * yet: they wait here (not in the kernel's queue) until a read of the other end makes room,
   * or until this thread blocks (then the kernel takes them). Copies; null when there are none.
   */
  held: Uint8Array[] | null;
  heldBytes: number;
  /** The OS took only part of the last write: no room until the other end is read again. */
  full: boolean;
  /** The transport's watch_drain while bytes are held here: "drained" is said here too. */
  drainLow: number | null;
}

/** A read lease: the connection's other end is `peer`, so what can arrive is what `peer` sent. */
interface Reader {
  peer: Lease;
  /** The EOF was read: nothing more to read. */
  eof: boolean;
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
  let queue: (IoRequest | HostRequest)[] = [];
  let transfers: ArrayBuffer[] = [];
  let seq = 0;
  /** Completions a blocking socket call put back (unread), returned first by the next wait. */
  let stash: IoCompletion[] = [];
  const leaseTable = new Int32Array(new SharedArrayBuffer(LEASE_BYTES));
  const leases = new Map<number, Lease>();
  let direct = true;
  /** Leased connections that may hold bytes or an EOF not yet read (their peer sent something). */
  const unread = new Set<Lease>();

  /** Bytes or an EOF may be waiting on a read-leased connection. */
  const expecting = (l: Lease, r: Reader): boolean => !r.eof && (r.peer.written > l.received || r.peer.ended);

  /** `l` sent something: its other end, if read here, should look. */
  const poke = (l: Lease) => {
    if (l.sink !== null && l.sink.reader !== null) unread.add(l.sink);
  };

  /** The program's thread stops reading `l` itself (and the kernel reads it again if `giveBack`). */
  const dropReader = (l: Lease, giveBack: boolean) => {
    if (l.reader === null) return;
    l.reader = null;
    unread.delete(l);
    if (!giveBack) return;
    if (l.paused !== l.kernelPaused) {
      l.kernelPaused = l.paused;
      queue.push({ op: l.paused ? "pause" : "resume", id: l.id });
    }
    queue.push({ op: "read_start", id: l.id });
  };

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
              leases.set(id, {
                ...c.lease,
                id,
                submitted: 0,
                written: 0,
                received: 0,
                ended: false,
                shut: false,
                closing: false,
                paused: false,
                kernelPaused: false,
                reader: null,
                sink: null,
                held: null,
                heldBytes: 0,
                full: false,
                drainLow: null,
              });
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

  /** The kernel lent connection `id` for reading (its other end is `peer`). */
  const takeReader = (id: number, peer: number) => {
    const l = leases.get(id);
    const p = leases.get(peer);
    if (l !== undefined && l.closing) return;
    // No lease here (direct I/O turned off since), or the other end is gone (its byte count with
    // it): the kernel reads this one again, or nobody would.
    if (l === undefined || p === undefined) {
      queue.push({ op: "read_start", id });
      return;
    }
    l.reader = { peer: p, eof: false };
    p.sink = l;
    if (expecting(l, l.reader)) unread.add(l);
  };

  /** One read(2) of a leased connection: bytes (> 0), EOF (0), or the error (EAGAIN: nothing yet). */
  const readOnce = (l: Lease, buf: Uint8Array): number | NodeJS.ErrnoException | null => {
    const at = l.slot * LEASE_WORDS;
    // Revoked: the kernel is closing it ("closed" follows).
    if (Atomics.compareExchange(leaseTable, at, OPEN, WRITING) !== OPEN) return null;
    try {
      return Atomics.load(leaseTable, at + GEN) === l.gen ? readSync(l.fd, buf, 0, buf.length, null) : null;
    } catch (e) {
      return e as NodeJS.ErrnoException;
    } finally {
      Atomics.store(leaseTable, at, OPEN);
    }
  };

  const isEagain = (r: number | NodeJS.ErrnoException | null) => typeof r === "object" && r !== null && (r.code === "EAGAIN" || r.code === "EWOULDBLOCK");

  let slab = new Uint8Array(0);
  let slabUsed = 0;
  /** Room for a read of up to `n` bytes in the current slab (a new slab when little is left). */
  const readBuffer = (n: number): Uint8Array => {
    if (slab.length - slabUsed < Math.min(n, SLAB_MIN_ROOM)) {
      // Not zeroed: only what read(2) filled is ever handed out.
      slab = new Uint8Array(Buffer.allocUnsafeSlow(Math.max(SLAB_BYTES, n)).buffer);
      slabUsed = 0;
    }
    return slab.subarray(slabUsed, Math.min(slab.length, slabUsed + n));
  };

  /** One read of each leased connection that may hold something: "data", "eof" or nothing (EAGAIN). */
  const readLeased = (into: IoCompletion[]) => {
    /** Connections with every byte in whose EOF the kernel has yet to send. */
    let eofDue: Lease[] | null = null;
    for (const l of unread) {
      const r = l.reader;
      if (r === null || !expecting(l, r)) {
        unread.delete(l);
        continue;
      }
      if (l.paused) continue;
      const want = r.peer.written - l.received;
      // Only an EOF is due: a small buffer finds it (or bytes, should any come).
      const buf = readBuffer(want > 0 ? Math.min(want, READ_MAX) : 256);
      const got = readOnce(l, buf);
      if (want === 0 && isEagain(got) && !r.peer.shut) (eofDue ??= []).push(l);
      else took(l, r, buf, got, into);
    }
    // The kernel sends those EOFs, which CPython would have sent at once (shutdown(2) in
    // write_eof or close): wait for them (all at once), so that this select sees them as there.
    if (eofDue === null) return;
    awaitShutdown(eofDue, into);
    for (const l of eofDue) {
      const r = l.reader;
      if (r === null || !r.peer.shut) continue;
      const buf = readBuffer(256);
      took(l, r, buf, readOnce(l, buf), into);
    }
  };

  /** What a read of a leased connection gave: data, the EOF, nothing yet, or an error. */
  const took = (l: Lease, r: Reader, buf: Uint8Array, got: ReturnType<typeof readOnce>, into: IoCompletion[]) => {
    if (got === null) dropReader(l, false);
    else if (typeof got === "number" && got > 0) {
      l.received += got;
      slabUsed += got;
      // Room for what the other end holds back.
      r.peer.full = false;
      into.push({ ev: "data", id: l.id, data: buf.subarray(0, got) });
      if (!expecting(l, r)) unread.delete(l);
    } else if (got === 0) {
      r.eof = true;
      unread.delete(l);
      into.push({ ev: "eof", id: l.id });
    } else if (typeof got === "object" && !isEagain(got)) {
      if (!PEER_GONE.has(got.code ?? "")) throw got;
      // A reset: the kernel closes the connection with this error, as if its own read had met it.
      dropReader(l, false);
      queue.push({ op: "read_error", id: l.id, error: { code: got.code!, errno: -(got.errno ?? 0), syscall: "read" } });
    }
  };

  /** How long the program's thread waits at most for the kernel to send an EOF it asked for (ms). */
  const SHUTDOWN_LIMIT_MS = 250;

  /** Waits until the kernel says each of `readers`' other ends has sent its FIN; completions that come meanwhile go to `into`. */
  const awaitShutdown = (readers: Lease[], into: IoCompletion[]): boolean => {
    post(false);
    const end = performance.now() + SHUTDOWN_LIMIT_MS;
    // Called from a blocking wait too, which goes on waiting afterwards: restore its flag.
    const waiting = Atomics.exchange(cell, WAITING, 1);
    try {
      for (;;) {
        const flags = Atomics.and(cell, FLAGS, ~IO_FLAG) & ~IO_FLAG;
        drain(into);
        if (readers.every((l) => l.reader === null || l.reader.peer.shut)) return true;
        const left = end - performance.now();
        if (left <= 0 || flags & (SIGINT_FLAG | TIMEOUT_FLAG)) return false;
        Atomics.wait(cell, FLAGS, flags, left);
      }
    } finally {
      Atomics.store(cell, WAITING, waiting);
    }
  };

  /**
   * Before blocking: what may still arrive on a leased connection (bytes the kernel has yet to
   * send, an EOF not yet out) can come only while nobody here reads, so the kernel reads it.
   */
  const giveBackUnread = (): boolean => {
    let any = false;
    for (const l of unread) {
      if (l.paused) continue;
      dropReader(l, true);
      any = true;
    }
    return any;
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

  /** Hands a write to the kernel (after the writes before it: the lease counts them). */
  const queueWrite = (lease: Lease, id: number, data: ArrayBuffer) => {
    lease.submitted = (lease.submitted + 1) | 0;
    poke(lease);
    queue.push({ op: "write", id, data });
    if (data.byteLength > 0) transfers.push(data);
  };

  /**
   * One non-blocking write(2) of a leased connection's descriptor: the bytes the OS took (0 when
   * its buffer is full), or -1 when the connection is gone (the kernel's write reports it).
   */
  const writeDirect = (lease: Lease, data: Uint8Array): number => {
    const at = lease.slot * LEASE_WORDS;
    if (Atomics.compareExchange(leaseTable, at, OPEN, WRITING) !== OPEN) {
      leases.delete(lease.id);
      return -1;
    }
    let sent = 0;
    let error: NodeJS.ErrnoException | null = null;
    try {
      if (Atomics.load(leaseTable, at + GEN) === lease.gen) sent = writeSync(lease.fd, data);
      else {
        leases.delete(lease.id);
        sent = -1;
      }
    } catch (e) {
      error = e as NodeJS.ErrnoException;
    } finally {
      Atomics.store(leaseTable, at, OPEN);
    }
    if (error === null) {
      if (sent > 0) {
        lease.written += sent;
        poke(lease);
      }
      return sent;
    }
    // EAGAIN (the socket's buffer is full): nothing sent. A broken connection: the kernel's write
    // meets the same error and reports it. Anything else (EBADF) would be a lease that outlived
    // its descriptor.
    if (error.code === "EAGAIN" || error.code === "EWOULDBLOCK") return 0;
    if (PEER_GONE.has(error.code ?? "")) return -1;
    throw error;
  };

  /** Connections with bytes held here (Lease.held). */
  const heldWrites = new Set<Lease>();

  /** Writes what `lease` holds as far as the OS takes it; "drained" when the transport waits for that. */
  const flushHeld = (lease: Lease, into: IoCompletion[]) => {
    if (lease.full) return;
    const held = lease.held!;
    let i = 0;
    for (; i < held.length; i++) {
      const n = writeDirect(lease, held[i]);
      if (n < 0) {
        handOver(lease);
        return;
      }
      lease.heldBytes -= n;
      if (n < held[i].length) {
        held[i] = held[i].subarray(n);
        lease.full = true;
        break;
      }
    }
    if (i === held.length) {
      lease.held = null;
      heldWrites.delete(lease);
    } else if (i > 0) held.splice(0, i);
    if (lease.drainLow !== null && lease.heldBytes <= lease.drainLow) {
      lease.drainLow = null;
      into.push({ ev: "drained", id: lease.id, pending: lease.heldBytes });
    }
  };

  const flushAllHeld = (into: IoCompletion[]) => {
    for (const l of heldWrites) flushHeld(l, into);
  };

  /** The kernel takes the bytes held for `lease` (this thread is about to block, or the connection ends). */
  const handOver = (lease: Lease) => {
    const held = lease.held;
    if (held === null) return;
    lease.held = null;
    lease.heldBytes = 0;
    heldWrites.delete(lease);
    for (const piece of held) {
      lease.written += piece.length;
      queueWrite(
        lease,
        lease.id,
        (piece.byteOffset === 0 && piece.byteLength === piece.buffer.byteLength ? piece.buffer : piece.slice().buffer) as ArrayBuffer,
      );
    }
    poke(lease);
    if (lease.drainLow !== null) {
      queue.push({ op: "watch_drain", id: lease.id, low: lease.drainLow });
      lease.drainLow = null;
    }
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
    write(id, data, frozen = false) {
      sentSinceSettled = true;
      const lease = leases.get(id);
      if (lease === undefined) {
        io.send({ op: "write", id, data: data.slice().buffer as ArrayBuffer });
        return data.length;
      }
      // Behind bytes held here: they wait their turn.
      if (lease.held !== null) {
        lease.held.push(frozen ? data : data.slice());
        lease.heldBytes += data.length;
        return data.length;
      }
      // Large writes go to the kernel thread, which then sends while this thread goes on (bulk
      // throughput); small ones are sent here, sparing a wake-up of the kernel (round trips).
      const paired = lease.sink !== null && lease.sink.reader !== null;
      const limit = paired ? DIRECT_MAX_PAIRED : DIRECT_MAX;
      let sent = 0;
      if (data.length <= limit && lease.submitted === Atomics.load(leaseTable, lease.slot * LEASE_WORDS + DONE)) {
        sent = writeDirect(lease, data);
        // The other end is read here: what did not fit waits for that read to make room.
        if (sent >= 0 && sent < data.length && paired) {
          lease.held = [frozen ? data.subarray(sent) : data.slice(sent)];
          lease.full = true;
          lease.heldBytes = data.length - sent;
          heldWrites.add(lease);
          return lease.heldBytes;
        }
      }
      if (sent < 0) sent = 0;
      const rest = data.length - sent;
      if (rest > 0) {
        lease.written += rest;
        poke(lease);
        queueWrite(lease, id, data.slice(sent).buffer as ArrayBuffer);
      }
      return rest;
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

/** Errors of a read or write that mean the other end went away (reported as the connection's end). */
const PEER_GONE = new Set(["EPIPE", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTCONN"]);
