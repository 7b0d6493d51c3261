// sched: scheduler, a queue of events (Event namedtuples: time, priority, sequence, action,
// argument, kwargs) run in time order, then priority, then the order they were entered, with the
// time and delay functions the program gives (time.monotonic and time.sleep by default).
// Behaviour follows CPython 3.12's documentation and results.
import { PyDict, PyList, PyTuple } from "../builtins/collections.js";
import { KwArgs, PyObject } from "../builtins/object.js";
import { add, call, gt, sub } from "../builtins/ops.js";
import { toIterable, truthy } from "../builtins/protocol.js";
import { bindArgs } from "../builtins/hostfs.js";
import { namedtuple } from "./collections.js";
import { heapify, heappop, heappush } from "./heapq.js";
import { monotonic, sleep } from "./time.js";

export const Event = namedtuple("Event", "time, priority, sequence, action, argument, kwargs", new KwArgs({ module: "sched" }));

/** `kwargs` not given: a new empty dict per event. */
const NO_KWARGS = Symbol("no kwargs");

export class scheduler extends PyObject {
  declare _queue: PyList<unknown>;
  declare timefunc: unknown;
  declare delayfunc: unknown;
  declare _sequence: bigint;

  __init__(...args: unknown[]): null {
    const a = bindArgs("__init__", args, ["timefunc", "delayfunc"], { timefunc: monotonic, delayfunc: sleep });
    this._queue = new PyList();
    this.timefunc = a.timefunc;
    this.delayfunc = a.delayfunc;
    this._sequence = 0n;
    return null;
  }

  enterabs(...args: unknown[]): unknown {
    const a = bindArgs("enterabs", args, ["time", "priority", "action", "argument", "kwargs"], { argument: PyTuple.of(), kwargs: NO_KWARGS });
    const kwargs = a.kwargs === NO_KWARGS ? new PyDict() : a.kwargs;
    const event = call(Event, a.time, a.priority, this._sequence++, a.action, a.argument, kwargs);
    heappush(this._queue, event);
    return event;
  }

  enter(...args: unknown[]): unknown {
    const a = bindArgs("enter", args, ["delay", "priority", "action", "argument", "kwargs"], { argument: PyTuple.of(), kwargs: NO_KWARGS });
    const time = add(call(this.timefunc), a.delay);
    return this.enterabs(time, a.priority, a.action, a.argument, ...(a.kwargs === NO_KWARGS ? [] : [a.kwargs]));
  }

  cancel(event: unknown): null {
    this._queue.remove(event);
    heapify(this._queue);
    return null;
  }

  empty(): boolean {
    return this._queue.length === 0;
  }

  /** Runs the events due, waiting (delayfunc) for each; not blocking: returns the delay to the next. */
  run(...args: unknown[]): unknown {
    const a = bindArgs("run", args, ["blocking"], { blocking: true });
    const q = this._queue;
    while (q.length) {
      const [time, , , action, argument, kwargs] = [...toIterable(q[0])];
      const now = call(this.timefunc);
      if (truthy(gt(time, now))) {
        if (!truthy(a.blocking)) return sub(time, now);
        call(this.delayfunc, sub(time, now));
        continue;
      }
      heappop(q);
      const kw: Record<string, unknown> = {};
      for (const key of toIterable(kwargs)) kw[String(key)] = (kwargs as PyDict<unknown, unknown>).__getitem__(key);
      call(action, ...toIterable(argument), new KwArgs(kw));
      call(this.delayfunc, 0n); // (CPython lets other threads run here)
    }
    return null;
  }

  /** The events in the order they will run. */
  get queue(): PyList<unknown> {
    const events = this._queue.copy();
    const out = new PyList<unknown>();
    while (events.length) out.append(heappop(events));
    return out;
  }
  static __module__ = "sched";
}
