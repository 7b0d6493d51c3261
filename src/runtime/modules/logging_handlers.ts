// logging.handlers: QueueHandler and QueueListener, what asyncio programs use to keep a handler's
// blocking writes off the event loop (a QueueListener thread writes the records the loop's
// QueueHandler puts in a queue), and RotatingFileHandler. The timed and network handlers are not
// here: importing one of them is a translate-time error naming it.
// CPython: Lib/logging/handlers.py (behaviour observed and documented, not transliterated).
import { noteModuleNamespace } from "../builtins/module-files.js";
// (its own namespace, which `import logging.handlers` binds: a module object as a value)
import * as thisModule from "./logging_handlers.js";
noteModuleNamespace(thisModule, "logging.handlers");
import { KwArgs, popKw } from "../builtins/object.js";
import { init_from } from "./_runtime_init.js";
import { getattr, hasattr } from "../builtins/index.js";
import { truthy } from "../builtins/ops.js";
import * as sched from "../threads/scheduler.js";
import { bcall, bcallm, blocking_function } from "../threads/blocking.js";
import { Thread } from "./threading.js";
import { Empty } from "./queue.js";
import { FileHandler, Handler, LogRecord } from "./logging.js";
import { call, callm } from "../builtins/ops.js";
import { exists, isfile } from "./os_path.js";
import { remove, rename } from "./os.js";

type Gen<T> = Generator<sched.Waiter, T, unknown>;

/** Puts each record in a queue (any object with put_nowait), after prepare() made it plain. */
export class QueueHandler extends Handler {
  queue: unknown = null;
  listener: unknown = null;
  // (a program's subclass may define __init__: _runtime_init.ts)
  constructor(...args: unknown[]) {
    super(...args);
    init_from(this, new.target, QueueHandler, args);
  }
  __init__(...args: unknown[]): null {
    const k = popKw(args) ?? {};
    super.__init__();
    this.queue = args[0] ?? k.queue;
    return null;
  }
  enqueue(record: LogRecord): null {
    (getattr(this.queue, "put_nowait") as (r: unknown) => unknown)(record);
    return null;
  }
  /** A copy of the record with its message formatted in and its arguments and exception dropped. */
  prepare(record: LogRecord): LogRecord {
    const msg = this.format(record);
    const r = Object.assign(Object.create(Object.getPrototypeOf(record) as object) as LogRecord, record);
    r.message = msg;
    r.msg = msg;
    r.args = null;
    r.exc_info = null;
    r.exc_text = null;
    r.stack_info = null;
    return r;
  }
  emit(record: LogRecord): unknown {
    try {
      this.enqueue(this.prepare(record));
    } catch {
      this.handleError(record);
    }
    return null;
  }
}
Object.defineProperty(QueueHandler, "__module__", { value: "logging.handlers" });

/** A thread taking records from a queue and handing each to its handlers, until stop(). */
export class QueueListener {
  queue: unknown = null;
  handlers: unknown[] = [];
  respect_handler_level = false;
  _thread: Thread | null = null;
  static __module__ = "logging.handlers";
  declare dequeue: (block: unknown) => unknown;

  constructor(...args: unknown[]) {
    init_from(this, new.target, QueueListener, args);
  }
  __init__(...args: unknown[]): null {
    const k = popKw(args) ?? {};
    this.queue = args[0] ?? k.queue;
    this.handlers = args.slice(1);
    this.respect_handler_level = truthy(k.respect_handler_level ?? false);
    return null;
  }

  start(): null {
    const self = this;
    const monitor = blocking_function(function* (): Gen<null> {
      yield* self._monitor();
      return null;
    });
    Object.defineProperty(monitor, "__name__", { value: "_monitor" });
    this._thread = new Thread(new KwArgs({ target: monitor, daemon: true }));
    this._thread.start();
    return null;
  }

  prepare(record: LogRecord): LogRecord {
    return record;
  }

  handle(record: LogRecord): unknown {
    const r = this.prepare(record);
    for (const h of this.handlers as Handler[]) {
      if (!this.respect_handler_level || BigInt(r.levelno) >= BigInt(h.level)) h.handle(r);
    }
    return null;
  }

  /** The thread's loop: a record at a time, None (the sentinel) ends it. */
  *_monitor(): Gen<null> {
    const q = this.queue;
    const taskDone = hasattr(q, "task_done");
    for (;;) {
      let record: unknown;
      try {
        record = yield* bcallm(this, "dequeue", true);
      } catch (e) {
        if (e instanceof Empty) break;
        throw e;
      }
      if (record === null) {
        if (taskDone) (getattr(q, "task_done") as () => unknown)();
        break;
      }
      this.handle(record as LogRecord);
      if (taskDone) (getattr(q, "task_done") as () => unknown)();
    }
    return null;
  }

  enqueue_sentinel(): null {
    (getattr(this.queue, "put_nowait") as (r: unknown) => unknown)(null);
    return null;
  }

  stop(): null {
    if (this._thread !== null) {
      this.enqueue_sentinel();
      this._thread.join();
      this._thread = null;
    }
    return null;
  }
}

// dequeue(block) blocks in the listener's thread: a blocking-capable method (threads/blocking.ts).
Object.defineProperty(QueueListener.prototype, "dequeue", {
  value: blocking_function(function* (this: QueueListener, block: unknown): Gen<unknown> {
    return yield* bcall(getattr(this.queue, "get"), block);
  }),
  writable: true,
  configurable: true,
});

/**
 * RotatingFileHandler(filename, mode='a', maxBytes=0, backupCount=0, encoding=None, delay=False,
 * errors=None): before a record that would take the file to maxBytes (its characters counted, as
 * CPython does), NAME.i becomes NAME.i+1 (the oldest dropped past backupCount), NAME becomes NAME.1
 * and a new NAME is opened (with backupCount 0 nothing is renamed: the file goes on growing, as in
 * CPython). `namer` names the backups; `rotator` replaces the renaming of NAME to NAME.1.
 */
export class RotatingFileHandler extends FileHandler {
  // (the program's values, ints as given: compared as numbers)
  maxBytes: unknown = 0n;
  backupCount: unknown = 0n;
  namer: unknown = null;
  rotator: unknown = null;
  constructor(...args: unknown[]) {
    super(...args);
    init_from(this, new.target, RotatingFileHandler, args);
  }
  __init__(...args: unknown[]): null {
    const k = popKw(args) ?? {};
    const arg = (i: number, name: string, dflt: unknown) => (i < args.length ? args[i] : name in k ? k[name] : dflt);
    const maxBytes = arg(2, "maxBytes", 0n);
    // A size limit appends whatever mode was asked for: "w" would truncate at every start.
    const mode = Number(maxBytes) > 0 ? "a" : arg(1, "mode", "a");
    const kw = { encoding: arg(4, "encoding", null), delay: arg(5, "delay", false), errors: arg(6, "errors", null) };
    super.__init__(arg(0, "filename", undefined), mode, new KwArgs(kw));
    this.maxBytes = maxBytes;
    this.backupCount = arg(3, "backupCount", 0n);
    return null;
  }
  emit(record: LogRecord): unknown {
    if (this.shouldRollover(record)) this.doRollover();
    return super.emit(record);
  }
  shouldRollover(record: LogRecord): boolean {
    if (this.stream === null) this.stream = this._open();
    if (!(Number(this.maxBytes) > 0)) return false;
    // (a special file such as /dev/null is never rotated)
    if (exists(this.baseFilename) && !isfile(this.baseFilename)) return false;
    const msg = `${this.format(record)}\n`;
    callm(this.stream, "seek", 0n, 2n);
    const size = Number(callm(this.stream, "tell") as bigint);
    return size + [...msg].length >= Number(this.maxBytes);
  }
  doRollover(): null {
    if (this.stream !== null) {
      callm(this.stream, "close");
      this.stream = null as unknown as typeof this.stream;
    }
    const backups = Number(this.backupCount);
    if (backups > 0) {
      for (let i = backups - 1; i > 0; i--) {
        const from = this.rotation_filename(`${this.baseFilename}.${i}`);
        const to = this.rotation_filename(`${this.baseFilename}.${i + 1}`);
        if (exists(from)) {
          if (exists(to)) remove(to);
          rename(from, to);
        }
      }
      const first = this.rotation_filename(`${this.baseFilename}.1`);
      if (exists(first)) remove(first);
      this.rotate(this.baseFilename, first);
    }
    if (!this.delay) this.stream = this._open();
    return null;
  }
  rotation_filename(name: string): unknown {
    return typeof this.namer === "function" ? call(this.namer, name) : name;
  }
  rotate(source: unknown, dest: unknown): null {
    if (typeof this.rotator === "function") call(this.rotator, source, dest);
    else if (exists(source)) rename(source, dest);
    return null;
  }
}
