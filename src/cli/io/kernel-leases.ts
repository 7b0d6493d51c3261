// The I/O kernel's leases (leases.ts): the program's thread writes a plain socket's descriptor
// itself, and reads both ends of a connection between two of its own sockets itself.
import { DONE, GEN, LEASE_SLOTS, LEASE_WORDS, OPEN, REVOKED, WRITING } from "./leases.js";
import { emit, leaseTable } from "./kernel-core.js";
import type { Conn } from "./kernel-conns.js";

// --- direct writes from the program's thread (leases.ts) -----------------------------------------

/** Off under the virtual clock (the "leases" request): the kernel must see every byte. */
let leasesOn = true;

export function setLeases(on: boolean): void {
  leasesOn = on;
}

const freeSlots: number[] = [];
for (let i = LEASE_SLOTS - 1; i >= 0; i--) freeSlots.push(i);

/** Opens a lease on a plain socket's descriptor (none for TLS, or when the table is full). */
export function grantLease(c: Conn): void {
  if (!leasesOn) return;
  const fd = (c.socket as unknown as { _handle?: { fd?: number } })._handle?.fd;
  if ((c.socket as { encrypted?: boolean }).encrypted || typeof fd !== "number" || fd < 0 || freeSlots.length === 0) return;
  const slot = freeSlots.pop()!;
  const at = slot * LEASE_WORDS;
  const gen = (Atomics.load(leaseTable, at + GEN) + 1) | 0;
  Atomics.store(leaseTable, at + GEN, gen);
  Atomics.store(leaseTable, at + DONE, 0);
  Atomics.store(leaseTable, at, OPEN);
  c.slot = slot;
  c.lease = { fd, slot, gen };
  // Every way Node closes the socket's handle goes through _destroy: revoke first.
  const socket = c.socket as unknown as { _destroy(err: Error | null, cb: (e: Error | null) => void): void };
  const destroy = socket._destroy;
  socket._destroy = function (this: unknown, err, cb) {
    revokeLease(c);
    return destroy.call(this, err, cb);
  };
}

/** After this the program no longer writes the descriptor (it waits out a write in progress). */
export function revokeLease(c: Conn): void {
  if (c.slot < 0) return;
  const at = c.slot * LEASE_WORDS;
  // WRITING lasts one non-blocking write(2) on the program's thread.
  while (Atomics.compareExchange(leaseTable, at, OPEN, REVOKED) === WRITING);
  freeSlots.push(c.slot);
  c.slot = -1;
}

/** One write handed to the kernel has completed (the program counts them to keep order). */
export function writeDone(c: Conn): void {
  if (c.slot >= 0) Atomics.add(leaseTable, c.slot * LEASE_WORDS + DONE, 1);
}

// --- read leases: the program's thread reads a socket whose other end is ours too ----------------
//
// When both ends of a TCP connection are the program's own plain sockets, the program knows every
// byte and EOF that can reach either end (it wrote them), so it can read them itself, without a
// hand-off to this thread. Such a socket's reading is stopped here ("read_lease" after whatever
// was already read here); the program gives it back ("read_start") before it blocks while bytes
// it cannot read yet are still on their way, and gets it again with the next bytes read here.

type Handle = { reading: boolean; readStart(): number; readStop(): number };
const handleOf = (c: Conn) => (c.socket as unknown as { _handle?: Handle | null })._handle ?? null;

/** Stops libuv reading `c` and tells the program (after any data already emitted for it). */
export function lendReading(c: Conn, id: number, peerId: number): void {
  const h = handleOf(c);
  // Bytes or an EOF Node has read but not yet handed out go first (lent at a later "data").
  const buffered = c.socket.readableLength > 0 || (c.socket as unknown as { _readableState: { ended: boolean } })._readableState.ended;
  if (h === null || c.programReads || buffered) return;
  c.programReads = true;
  h.reading = false;
  h.readStop();
  emit({ ev: "read_lease", id, peer: peerId });
}

/** libuv reads `c` again (the program gave it back, or the socket is handed to TLS). */
export function takeReading(c: Conn): void {
  if (!c.programReads) return;
  c.programReads = false;
  const h = handleOf(c);
  if (h === null || c.socket.destroyed || h.reading || c.socket.isPaused()) return;
  h.reading = true;
  h.readStart();
}

/** Both ends known, plain, leased and still open: the program may read them itself. */
export function mayLendReading(c: Conn): boolean {
  return leasesOn && c.slot >= 0 && !c.paused && !c.closing && !c.eofSeen && !c.socket.destroyed;
}

/**
 * The program's thread, reading the other end itself, learns when this end's FIN is out (CPython
 * shuts a socket down at once; here it waits for the bytes queued before it).
 */
export function reportShutdown(c: Conn): void {
  if (leasesOn && c.slot >= 0) c.socket.once("finish", () => emit({ ev: "shut", id: c.id }));
}
