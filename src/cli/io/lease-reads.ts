// Read leases: the program's thread reads a connection whose other end is its own socket too,
// with read(2) on the descriptor, while the kernel thread has stopped libuv reading it. What can
// arrive is what the other end sent (counted here), so a read is made only when something is due:
// no empty reads in a round trip. Reads land in slabs handed out as views.
import { readSync } from "node:fs";
import type { IoCompletion } from "../../runtime/io-messages.js";
import { FLAGS, IO_FLAG, SIGINT_FLAG, TIMEOUT_FLAG, WAITING } from "./cell.js";
import { GEN, LEASE_WORDS, OPEN, WRITING } from "./leases.js";
import { PEER_GONE, type HostContext, type Lease, type Reader } from "./lease.js";

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

export type LeaseReads = ReturnType<typeof createLeaseReads>;

export function createLeaseReads(ctx: HostContext) {
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
      ctx.request({ op: l.paused ? "pause" : "resume", id: l.id });
    }
    ctx.request({ op: "read_start", id: l.id });
  };

  /** The kernel lent connection `id` for reading (its other end is `peer`). */
  const takeReader = (id: number, peer: number) => {
    const l = ctx.leases.get(id);
    const p = ctx.leases.get(peer);
    if (l !== undefined && l.closing) return;
    // No lease here (direct I/O turned off since), or the other end is gone (its byte count with
    // it): the kernel reads this one again, or nobody would.
    if (l === undefined || p === undefined) {
      ctx.request({ op: "read_start", id });
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
    if (Atomics.compareExchange(ctx.leaseTable, at, OPEN, WRITING) !== OPEN) return null;
    try {
      return Atomics.load(ctx.leaseTable, at + GEN) === l.gen ? readSync(l.fd, buf, 0, buf.length, null) : null;
    } catch (e) {
      return e as NodeJS.ErrnoException;
    } finally {
      Atomics.store(ctx.leaseTable, at, OPEN);
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
    // The kernel sends the EOFs of the program's own sockets, which CPython would have sent at once
    // (shutdown(2) in write_eof or close): a select first waits for those still to come (all at
    // once), so that it sees them as there, in the order the connections were written to.
    let eofDue: Lease[] | null = null;
    for (const l of unread) {
      const r = l.reader;
      if (r !== null && !l.paused && !r.eof && r.peer.ended && !r.peer.shut && r.peer.written === l.received) (eofDue ??= []).push(l);
    }
    if (eofDue !== null) awaitShutdown(eofDue, into);
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
      // No EOF yet (the kernel's word did not come in time): the next select looks again.
      if (want === 0 && isEagain(got)) continue;
      took(l, r, buf, got, into);
    }
  };

  /** What a read of a leased connection gave: data, the EOF, nothing yet, or an error. */
  const took = (l: Lease, r: Reader, buf: Uint8Array, got: ReturnType<typeof readOnce>, into: IoCompletion[]) => {
    if (got === null) dropReader(l, false);
    else if (typeof got === "number" && got > 0) {
      l.received += got;
      l.readHere += got;
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
      ctx.request({ op: "read_error", id: l.id, error: { code: got.code!, errno: -(got.errno ?? 0), syscall: "read" } });
    }
  };

  /** How long the program's thread waits at most for the kernel to send an EOF it asked for (ms). */
  const SHUTDOWN_LIMIT_MS = 250;

  /** Waits until the kernel says each of `readers`' other ends has sent its FIN; completions that come meanwhile go to `into`. */
  const awaitShutdown = (readers: Lease[], into: IoCompletion[]): boolean => {
    ctx.post(false);
    const end = performance.now() + SHUTDOWN_LIMIT_MS;
    // Called from a blocking wait too, which goes on waiting afterwards: restore its flag.
    const waiting = Atomics.exchange(ctx.cell, WAITING, 1);
    try {
      for (;;) {
        const flags = Atomics.and(ctx.cell, FLAGS, ~IO_FLAG) & ~IO_FLAG;
        ctx.drain(into);
        if (readers.every((l) => l.reader === null || l.reader.peer.shut)) return true;
        const left = end - performance.now();
        if (left <= 0 || flags & (SIGINT_FLAG | TIMEOUT_FLAG)) return false;
        Atomics.wait(ctx.cell, FLAGS, flags, left);
      }
    } finally {
      Atomics.store(ctx.cell, WAITING, waiting);
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

  return { unread, expecting, poke, dropReader, takeReader, readLeased, giveBackUnread };
}
