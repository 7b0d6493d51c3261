// The host's I/O selector: the loop's select() (selectors.ts) when the program has opened a
// connection, a server, an endpoint or a process. Completions from the host's I/O kernel
// (io-messages.ts) become ready callbacks on the object they name (its `_io_event`).
//
// Virtual time with real I/O: the virtual clock jumps to the next timer only when the kernel says
// nothing is in flight (no connect, look-up or spawn pending, no bytes or EOF on their way between
// two of the program's own sockets, no open connection to a peer outside the program, no child
// process running), so no completion can come while time stands still. Otherwise the loop waits for real, up to the timer's delay, as CPython would.
//
// Several loops (one per thread running one): each id belongs to the loop that was running when the
// id was made or adopted. A wait that takes a completion of another loop's (the scheduler's wait
// while threads block, or another loop's select) puts it in that loop's inbox and wakes the loop
// if its thread is parked (a thread's loop never blocks the JS stack: base_events.ts _run_once_g).
import { NotImplementedError, RuntimeError, host } from "./_compat.js";
import type { IoCompletion, IoError, IoHost, IoRequest } from "../io-messages.js";
import type { Selector, SelectorEvent } from "./selectors.js";
import { waitForTimer } from "./selectors.js";
import { deliver_interrupt, run_signal_action, set_signal_watcher } from "../signals.js";
import { current as current_thread, set_io_wait, wake, type Waiter } from "../threads/scheduler.js";
import { _get_running_loop } from "./events.js";

/** What the kernel's completions are delivered to. */
export interface IoTarget {
  _io_event(c: IoCompletion): void;
  /**
   * A socket the program may read with a blocking call: what came is stored at the select
   * (`_io_arrive`), as the OS holds it, and only the wake-up (`_io_notify`) waits for the loop's
   * callbacks. Otherwise a blocking recv() made before those callbacks ran would never see it.
   */
  _io_arrive?(c: IoCompletion): void;
  _io_notify?(): void;
}

const targets = new Map<number, IoTarget>();
let lastId = 0;

/** What the I/O side knows of an event loop (BaseEventLoop). */
interface IoLoop {
  _selector: Selector | null;
  /** Set while the loop's thread is parked waiting (a thread compiled as a generator). */
  _thread_waiter: Waiter | null;
  _ready: { readonly length: number };
  _closed: boolean;
}

/** The loop each id's completions belong to (none: sockets used by blocking calls, processes run by subprocess). */
const owners = new Map<number, LoopIoSelector>();

/** Records the running loop (if any, and if it waits through the host's I/O) as the owner of `id`. */
function own(id: number, target: IoTarget): void {
  const loop = (target as { _wakes_threads?: boolean })._wakes_threads ? null : (_get_running_loop() as unknown as IoLoop | null);
  const sel = loop?._selector;
  if (sel instanceof LoopIoSelector) owners.set(id, sel);
  else owners.delete(id);
}

/** The host's I/O, or NotImplementedError saying why there is none (the web page). */
export function ioHost(what: string): IoHost {
  const io = host.io;
  if (!io) {
    throw new NotImplementedError(`${what} is not supported by tsyncio in the browser (a web page has no sockets, processes or signals)`);
  }
  return io;
}

/** A new id for an I/O object, delivered to `target`. */
export function ioRegister(target: IoTarget): number {
  const id = ++lastId;
  targets.set(id, target);
  own(id, target);
  return id;
}

/** Completions that came for an id before its object took it over (data right behind "connected"). */
const held = new Map<number, IoCompletion[]>();

/** Keeps `c` until the object that will own `c.id` calls ioAdopt. */
export function ioHold(c: IoCompletion): void {
  const list = held.get(c.id);
  if (list) list.push(c);
  else held.set(c.id, [c]);
}

/**
 * Delivers completions for `id` to `target` from now on (a connection the kernel accepted has an
 * id of its choosing). Returns what was held for it, for the target to replay in order.
 */
export function ioAdopt(id: number, target: IoTarget): IoCompletion[] {
  targets.set(id, target);
  own(id, target);
  const list = held.get(id);
  held.delete(id);
  return list ?? [];
}

export function ioForget(id: number): void {
  targets.delete(id);
  owners.delete(id);
  held.delete(id);
}

/** The object completions for `id` go to (undefined once forgotten). */
export function ioTarget(id: number): IoTarget | undefined {
  return targets.get(id);
}

/**
 * Blocks, outside the loop's order, until `done()` (a blocking socket call): completions for
 * objects accepted by `mine` are delivered at once, the others are put back for the loop.
 * `timeout`: seconds, null for none; returns false if it passed.
 */
export function ioBlockUntil(done: () => boolean, mine: (t: IoTarget) => boolean, timeout: number | null): boolean {
  const io = host.io as IoHost;
  const end = timeout === null ? Infinity : host.now() + timeout;
  const others: IoCompletion[] = [];
  host.flush();
  try {
    while (!done()) {
      const left = end - host.now();
      if (left <= 0) return false;
      const r = io.wait(left === Infinity ? null : left, false);
      // Under the virtual clock the wait was real (something is in flight): the clock then moves by it.
      if (r.timedOut && host.virtualTime && left !== Infinity && r.completions.length === 0) {
        host.sleep(left);
        if (!done()) return false;
      }
      for (const c of r.completions) {
        const t = c.ev === "signal" ? undefined : targets.get(c.id);
        if (t !== undefined && mine(t)) t._io_event(c);
        else if (notYetTaken(c)) ioHold(c);
        else others.push(c);
      }
      // Ctrl-C while blocked: KeyboardInterrupt (or the program's handler) now, as in CPython.
      if (r.completions.length === 0 && !r.timedOut) deliver_interrupt();
    }
    return true;
  } finally {
    if (others.length) io.unread(others);
  }
}

/**
 * Sends what is queued and takes the completions that have come, without waiting (Popen.poll).
 * `settle`: first let what the program's sockets sent each other land (a selector's select()).
 */
export function ioPoll(mine: (t: IoTarget) => boolean, settle = false): void {
  const io = host.io as IoHost;
  const others: IoCompletion[] = [];
  for (const c of io.wait(0, false, settle).completions) {
    const t = c.ev === "signal" ? undefined : targets.get(c.id);
    if (t !== undefined && mine(t)) t._io_event(c);
    else others.push(c);
  }
  if (others.length) io.unread(others);
}

export function ioSend(req: IoRequest): void {
  (host.io as IoHost).send(req);
}

/**
 * Writes on a connection (IoHost.write): the number of bytes left queued in the kernel, or the
 * error of a send that failed at once. `confirm`: the peer has ended its side.
 */
export function ioWrite(id: number, data: Uint8Array, frozen = false, confirm = false): number | IoError {
  return (host.io as IoHost).write(id, data, frozen, confirm);
}

/**
 * A non-blocking send() on a connection (IoHost.sendNow): the bytes the operating system took now,
 * the send's error, or null when the host does not write that connection itself.
 */
export function ioSendNow(id: number, data: Uint8Array): number | IoError | null {
  const io = host.io as IoHost;
  return io.sendNow ? io.sendNow(id, data) : null;
}

/** Completions a wait took that belong to no loop in particular: the next select of any loop takes them. */
let unowned: IoCompletion[] = [];
/** Signals a wait outside the main thread's select took: the main thread's next select runs their handlers. */
let signals: IoCompletion[] = [];

/** Loops whose thread is parked (base_events.ts _run_once_g): woken when they have something to run. */
export const parkedLoops = new Set<IoLoop>();

/**
 * Wakes each parked loop that has callbacks ready or completions waiting: a wait delivered them, or
 * another loop's callback scheduled one (a socket's event resolving a sock_* future of this loop).
 * True if one was woken.
 */
export function wakeParkedLoops(): boolean {
  let woke = false;
  for (const loop of parkedLoops) {
    const sel = loop._selector;
    if (loop._thread_waiter !== null && (loop._ready.length > 0 || (sel instanceof LoopIoSelector && sel.inbox.length > 0))) {
      wake(loop._thread_waiter);
      woke = true;
    }
  }
  return woke;
}

/**
 * Where a completion a wait took goes when it is not the waiting loop's (`self`; null: no loop
 * waits): another loop's inbox, the main thread's signals, or the unowned list. True when it was
 * put away; false: the waiter's own.
 */
function routeAway(c: IoCompletion, self: LoopIoSelector | null): boolean {
  if (c.ev === "signal") {
    if (self !== null && current_thread === null) return false;
    signals.push(c);
    return true;
  }
  const owner = owners.get(c.id);
  if (owner !== undefined && owner !== self && !owner.loop._closed) {
    owner.inbox.push(c);
    return true;
  }
  if (self !== null) return false;
  if (notYetTaken(c)) ioHold(c);
  else unowned.push(c);
  return true;
}

// When no thread can run (threads/scheduler.ts block_plain): wait for I/O, deliver what wakes a
// thread blocked on a socket (targets marked `_wakes_threads`), and keep the rest for the loops.
set_io_wait((until) => {
  if (targets.size === 0) return null;
  if (wakeParkedLoops()) return "io";
  const io = host.io as IoHost;
  const virtual = host.virtualTime;
  host.flush();
  const r = io.wait(until === null ? null : Math.max(0, until - host.now()), virtual);
  for (const c of r.completions) {
    const t = c.ev === "signal" ? undefined : targets.get(c.id);
    if (t !== undefined && (t as { _wakes_threads?: boolean })._wakes_threads) t._io_event(c);
    else routeAway(c, null);
  }
  wakeParkedLoops();
  if (r.completions.length > 0) return "io";
  // Under the virtual clock a wait that timed out was real (something is in flight): the clock then
  // moves to `until` as it would have jumped there.
  if (virtual && (r.idle || (r.timedOut && until !== null))) return "idle";
  if (!r.timedOut) deliver_interrupt();
  return "timeout";
});

// The kernel watches the signals the program handles (signals.ts keeps the handlers).
set_signal_watcher((signum, on) => host.io?.send({ op: "signal_watch", signum, on }));

function deliver(c: IoCompletion): void {
  if (c.ev === "signal") {
    run_signal_action(c.signum);
    return;
  }
  const t = targets.get(c.id);
  if (t !== undefined) t._io_event(c);
  else if (notYetTaken(c)) ioHold(c);
}

/**
 * A completion for a connection the kernel accepted (negative ids) that no object has taken yet
 * (a socket's accept() has not run): kept for the object that will (ioAdopt). Unknown positive
 * ids are objects the program forgot.
 */
function notYetTaken(c: IoCompletion): boolean {
  return c.ev !== "signal" && c.id < 0 && !targets.has(c.id);
}

const NO_EVENTS: readonly SelectorEvent[] = [];

function notify(id: number): void {
  targets.get(id)?._io_notify?.();
}

/** The loop's event for `c`: its delivery, or only the wake-up when its socket took it already. */
function eventFor(c: IoCompletion): SelectorEvent {
  const t = c.ev === "signal" ? undefined : targets.get(c.id);
  if (t?._io_arrive === undefined) return { callback: deliver, args: [c] };
  t._io_arrive(c);
  return { callback: notify, args: [c.id] };
}

/** The host's I/O selector of one loop (each loop has its own, ioActivate). */
/** The runtime's own I/O selector (base_events: a program's selector, a test's mock, is told apart). */
export function isIoSelector(s: unknown): boolean {
  return s instanceof LoopIoSelector;
}

class LoopIoSelector implements Selector {
  /** Completions other waits took for this loop: its next select returns them first. */
  inbox: IoCompletion[] = [];
  /** Events held back for the next select (an EOF right behind data, and what follows it). */
  private nextSelect: SelectorEvent[] = [];

  constructor(readonly loop: IoLoop) {}

  /**
   * The events of one select. CPython reads a socket once per select: an EOF behind data in the same
   * batch is seen at the next select (eof_received one iteration after data_received).
   */
  private events(completions: IoCompletion[]): SelectorEvent[] {
    const events: SelectorEvent[] = this.nextSelect;
    this.nextSelect = [];
    let withData: Set<number> | null = null;
    let deferred: Set<number> | null = null;
    for (const c of completions) {
      if (c.ev === "data") (withData ??= new Set()).add(c.id);
      else if (c.ev === "eof" && withData?.has(c.id)) (deferred ??= new Set()).add(c.id);
      if (deferred?.has(c.id)) this.nextSelect.push(eventFor(c));
      else events.push(eventFor(c));
    }
    return events;
  }

  select(timeout: number | null, deadline: number | null): readonly SelectorEvent[] {
    const io = host.io as IoHost;
    let mine = this.inbox;
    this.inbox = [];
    if (unowned.length > 0) {
      mine = mine.concat(unowned);
      unowned = [];
    }
    if (signals.length > 0 && current_thread === null) {
      mine = mine.concat(signals);
      signals = [];
    }
    // Held-back events and completions taken earlier are ready now: poll, do not wait.
    if (this.nextSelect.length > 0 || mine.length > 0) timeout = 0;
    const virtual = host.virtualTime;
    // Under the virtual clock, a wait that could jump asks the kernel to say when it is idle; a
    // poll first lets bytes between the program's own sockets land (CPython sees them at once).
    const quiet = virtual && timeout !== 0;
    const r = io.wait(timeout, quiet, virtual && timeout === 0);
    let awayCount = 0;
    for (const c of r.completions) {
      if (routeAway(c, this)) awayCount++;
      else mine.push(c);
    }
    if (awayCount > 0) wakeParkedLoops();
    if (this.nextSelect.length > 0 || mine.length > 0) return this.events(mine);
    // Another loop's completions ended the wait: return to let its thread run (the loop comes back).
    if (awayCount > 0) return NO_EVENTS;
    if (quiet && r.idle) {
      if (timeout === null) {
        throw new RuntimeError("tsyncio: the event loop has nothing left to run and no timer set, and no I/O can complete (CPython would wait forever)");
      }
      waitForTimer(timeout, deadline);
    } else if (virtual && r.timedOut && timeout !== null) {
      waitForTimer(timeout, deadline);
    }
    return NO_EVENTS;
  }
}

/** Makes `loop` wait through the host's I/O from now on (NotImplementedError in the browser). */
export function ioActivate(loop: { _selector: Selector | null }, what: string): IoHost {
  const io = ioHost(what);
  if (!(loop._selector instanceof LoopIoSelector)) loop._selector = new LoopIoSelector(loop as unknown as IoLoop);
  return io;
}
