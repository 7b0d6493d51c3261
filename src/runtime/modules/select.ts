// select: select.select(rlist, wlist, xlist[, timeout]) over the sockets the program made
// (modules/socket.ts), ready as selectors' SelectSelector sees them (level-triggered: readable with
// data, an EOF or a connection to accept; writable when connected). It first takes what the
// kernel has delivered, then blocks (as a thread, so other threads run) until one of the sockets
// changes or the timeout passes. Other file objects (sys.stdin, a pipe) raise NotImplementedError.
// CPython: Modules/selectmodule.c (documented behaviour and messages).
import { host } from "../host.js";
import { NotImplementedError, TypeError, ValueError } from "../builtins/exceptions.js";
import { PyList, PyTuple } from "../builtins/collections.js";
import { callm, toIterable } from "../builtins/ops.js";
import { _isNone } from "../asyncio/_util.js";
import { ioPoll } from "../asyncio/io_selector.js";
import { socketsByFd, type Watchable } from "../asyncio/io_watch.js";
import { blocking_form, until_any } from "./socket_threads.js";
import { run_plain } from "../threads/scheduler.js";

type Gen<T> = Generator<any, T, unknown>;

interface Watched {
  obj: unknown;
  sock: Watchable & { _readable(): boolean; _writable(): boolean };
}

/** The program's socket behind an int or an object with fileno(), as select() takes them. */
function watched(objs: unknown): Watched[] {
  const out: Watched[] = [];
  for (const obj of toIterable(objs) as Iterable<unknown>) {
    let fd: unknown = obj;
    if (typeof obj !== "bigint") {
      try {
        fd = callm(obj, "fileno");
      } catch {
        throw new TypeError("argument must be an int, or have a fileno() method.");
      }
      if (typeof fd !== "bigint") throw new TypeError("fileno() returned a non-integer");
    }
    if ((fd as bigint) < 0n) throw new ValueError(`file descriptor cannot be a negative integer (${fd})`);
    const sock = socketsByFd.get(Number(fd)) as Watched["sock"] | undefined;
    if (sock === undefined) throw new NotImplementedError(`tsyncio's select.select() watches the program's sockets only, not descriptor ${fd}`);
    out.push({ obj, sock });
  }
  return out;
}

function timeoutSeconds(timeout: unknown): number | null {
  if (timeout === undefined || _isNone(timeout)) return null;
  if (typeof timeout !== "bigint" && typeof timeout !== "number" && typeof timeout !== "boolean") throw new TypeError("timeout must be a float or None");
  const s = Number(timeout);
  if (s < 0) throw new ValueError("timeout must be non-negative");
  return s;
}

function* selectGen(rlist: unknown, wlist: unknown, xlist: unknown, timeout?: unknown): Gen<PyTuple<unknown>> {
  const r = watched(rlist);
  const w = watched(wlist);
  watched(xlist); // exceptional conditions (TCP urgent data) never come: the list stays empty
  const seconds = timeoutSeconds(timeout);
  // Bytes between the program's own sockets land first: CPython's peer is readable at once.
  if (host.io && r.length + w.length > 0) ioPoll((t) => (t as { _wakes_threads?: boolean })._wakes_threads === true, true);
  const ready = (): [unknown[], unknown[]] => [r.filter((x) => x.sock._readable()).map((x) => x.obj), w.filter((x) => x.sock._writable()).map((x) => x.obj)];
  let got = ready();
  if (got[0].length + got[1].length === 0 && seconds !== 0) {
    const socks = [...r, ...w].map((x) => x.sock);
    yield* until_any(socks, () => ((got = ready()), got[0].length + got[1].length > 0), seconds);
  }
  return PyTuple.fromArray([PyList.fromArray(got[0]), PyList.fromArray(got[1]), new PyList<unknown>()]);
}

/** select.select(rlist, wlist, xlist[, timeout]): the lists' objects ready for reading and writing. */
export function select(rlist: unknown, wlist: unknown, xlist: unknown, timeout?: unknown): PyTuple<unknown> {
  return run_plain(selectGen(rlist, wlist, xlist, timeout));
}
blocking_form(select, selectGen);
