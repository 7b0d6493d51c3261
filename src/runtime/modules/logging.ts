// logging: the parts asyncio programs use. Loggers in a dotted hierarchy under the root logger,
// levels, LogRecord, Formatter (%-, {- and $-styles, asctime), Handler / StreamHandler /
// NullHandler, Filter, basicConfig and the module-level shortcuts, and the last-resort handler
// (bare messages at WARNING and above on sys.stderr when nothing is configured).
// asyncio's own records ("Task exception was never retrieved", debug-mode warnings) go through
// getLogger("asyncio"), so basicConfig() formats them as CPython does.
// logging.config and logging.handlers are logging_config.ts and logging_handlers.ts.
// FileHandler writes a file through open(). Not here: the rotating handlers. A record's funcName and
// lineno are the innermost program frame's (the runtime's stack of Python frames), stack_info=True
// adds that stack.
// CPython: Lib/logging/__init__.py (behaviour observed and documented, not transliterated).
import { host } from "../host.js";
import {
  NotImplementedError,
  TypeError,
  ValueError,
  KeyError,
  OSError,
  caughtException,
  BaseException,
  Exception,
  RecursionError,
} from "../builtins/exceptions.js";
import { handled_exception, set_handled_exception } from "../thread-state.js";
import { PyDict, PyFrozenSet, PyList, PyTuple } from "../builtins/collections.js";
import { KwArgs, PyObject, popKw } from "../builtins/object.js";
import { init_from } from "./_runtime_init.js";
import { strFormatMap } from "../builtins/strformat.js";
import { percentFormat } from "../builtins/percent.js";
import { repr, str } from "../builtins/repr.js";
import { getattr, plainSetattr, pytype, truthy, typeName } from "../builtins/ops.js";
import { issubclass, stdio } from "../builtins/functions.js";
import { call } from "../builtins/protocol.js";
import { callWithKeywords } from "../builtins/keywords.js";
import { current_location } from "../program.js";
import { exc_info as sys_exc_info } from "./sys.js";
import { extract_stack, extract_tb, format_exception, format_exception_only, format_stack } from "./traceback.js";
import { localtime, strftime } from "./time.js";
import { _get_running_loop } from "../asyncio/events.js";
import { _set_logger } from "../asyncio/log.js";
import { _current_name_and_ident, main_thread } from "./threading.js";
import { open } from "../builtins/io.js";
import { abspath } from "./os_path.js";

export const CRITICAL = 50n;
export const FATAL = CRITICAL;
export const ERROR = 40n;
export const WARNING = 30n;
export const WARN = WARNING;
export const INFO = 20n;
export const DEBUG = 10n;
export const NOTSET = 0n;

const levelToName = new Map<number, string>([
  [50, "CRITICAL"],
  [40, "ERROR"],
  [30, "WARNING"],
  [20, "INFO"],
  [10, "DEBUG"],
  [0, "NOTSET"],
]);
const nameToLevel = new Map<string, number>([
  ["CRITICAL", 50],
  ["FATAL", 50],
  ["ERROR", 40],
  ["WARN", 30],
  ["WARNING", 30],
  ["INFO", 20],
  ["DEBUG", 10],
  ["NOTSET", 0],
]);

/** `getLevelName(10)` → 'DEBUG'; `getLevelName('DEBUG')` → 10; otherwise 'Level %s'. */
export function getLevelName(level: unknown): unknown {
  if (typeof level === "bigint" || typeof level === "number") {
    const name = levelToName.get(Number(level));
    if (name !== undefined) return name;
  } else if (typeof level === "string") {
    const n = nameToLevel.get(level);
    if (n !== undefined) return BigInt(n);
  }
  return `Level ${str(level)}`;
}

export function addLevelName(level: unknown, levelName: unknown): null {
  levelToName.set(Number(level), String(levelName));
  nameToLevel.set(String(levelName), Number(level));
  return null;
}

export function getLevelNamesMapping(): PyDict<string, bigint> {
  return PyDict.fromEntries([...nameToLevel].map(([k, v]) => [k, BigInt(v)] as const));
}

/** A level given as an int or a registered name (Logger.setLevel, basicConfig(level=...)). */
function checkLevel(level: unknown): number {
  if (typeof level === "bigint" || typeof level === "number") return Number(level);
  if (typeof level === "boolean") return level ? 1 : 0;
  if (typeof level === "string") {
    const n = nameToLevel.get(level);
    if (n === undefined) throw new ValueError(`Unknown level: ${repr(level)}`);
    return n;
  }
  throw new TypeError(`Level not an integer or a valid string: ${repr(level)}`);
}

const startTime = host.wallTime();

// ───────────── records ─────────────

export class LogRecord {
  [key: string]: unknown;
  name: string;
  msg: unknown;
  args: unknown;
  levelname: string;
  levelno: bigint;
  pathname: string;
  filename: string;
  module: string;
  exc_info: unknown;
  exc_text: string | null = null;
  stack_info: unknown;
  lineno: bigint;
  funcName: unknown;
  created: number;
  msecs: number;
  relativeCreated: number;
  thread: bigint;
  threadName: string;
  processName: string;
  process: bigint;
  taskName: string | null;

  constructor(
    name: unknown,
    level: unknown,
    pathname: unknown,
    lineno: unknown,
    msg: unknown,
    args: unknown,
    exc_info: unknown,
    func: unknown = null,
    sinfo: unknown = null,
  ) {
    const ct = host.wallTime();
    this.name = String(name);
    this.msg = msg;
    // logger.info("%(a)s", {"a": 1}): a lone mapping argument formats by key.
    if (args instanceof PyTuple && args.length === 1 && args[0] instanceof PyDict && (args[0] as PyDict<unknown, unknown>).size > 0) {
      args = args[0];
    }
    this.args = args;
    this.levelname = String(getLevelName(level));
    this.levelno = BigInt(Number(level));
    this.pathname = String(pathname);
    const slash = this.pathname.lastIndexOf("/");
    this.filename = this.pathname.slice(slash + 1);
    const dot = this.filename.lastIndexOf(".");
    this.module = dot > 0 ? this.filename.slice(0, dot) : this.filename;
    this.exc_info = exc_info;
    this.stack_info = sinfo;
    this.lineno = BigInt(Number(lineno ?? 0));
    this.funcName = func;
    this.created = ct;
    this.msecs = Math.floor(Math.round((ct - Math.floor(ct)) * 1e6) / 1000);
    this.relativeCreated = (ct - startTime) * 1000;
    [this.threadName, this.thread] = _current_name_and_ident();
    this.processName = "MainProcess";
    this.process = BigInt(host.pid ?? 1);
    // A worker thread has no running task (the loop runs in the main thread).
    this.taskName = this.threadName === "MainThread" || this.thread === main_thread().ident ? currentTaskName() : null;
  }

  /** The message with its arguments merged in (`msg % args`). */
  getMessage(): string {
    const msg = str(this.msg);
    const args = this.args;
    if (args === null || args === undefined) return msg;
    if (args instanceof PyTuple && args.length === 0) return msg;
    return percentFormat(msg, args);
  }

  __repr__(): string {
    return `<LogRecord: ${this.name}, ${this.levelno}, ${this.pathname}, ${this.lineno}, ${repr(this.msg)}>`;
  }
  static __module__ = "logging";
}

function currentTaskName(): string | null {
  const loop = _get_running_loop() as { _current_task?: { get_name(): string } | null } | null;
  const task = loop?._current_task;
  return task ? task.get_name() : null;
}

/** CPython's LogRecord factory hook. */
let recordFactory: (...args: unknown[]) => LogRecord = (...a) => new (LogRecord as any)(...a);
export function setLogRecordFactory(f: (...args: unknown[]) => LogRecord): null {
  recordFactory = f;
  return null;
}
export function getLogRecordFactory(): unknown {
  return recordFactory;
}

export function makeLogRecord(dict: unknown): LogRecord {
  const rv = new LogRecord(null, 0n, "", 0n, "", PyTuple.of(), null);
  if (dict instanceof PyDict) for (const [k, v] of dict.entries()) rv[String(k)] = v;
  return rv;
}

/** The record's attributes as a dict, for `fmt % record.__dict__`. */
function recordDict(record: LogRecord): PyDict<string, unknown> {
  return PyDict.fromEntries(Object.keys(record).map((k) => [k, record[k]] as const));
}

// ───────────── formatters ─────────────

const FIELD = /%\((\w+)\)/g;
const BRACE_FIELD = /\{(\w+)[^{}]*\}/g;
const DOLLAR_FIELD = /\$\{?(\w+)\}?/g;

const STYLES = {
  "%": { default: "%(message)s", asctime: "%(asctime)", fields: FIELD },
  "{": { default: "{message}", asctime: "{asctime", fields: BRACE_FIELD },
  $: { default: "${message}", asctime: "${asctime}", fields: DOLLAR_FIELD },
} as const;
type Style = keyof typeof STYLES;

export const BASIC_FORMAT = "%(levelname)s:%(name)s:%(message)s";

export class Formatter {
  _fmt: string = STYLES["%"].default;
  datefmt: string | null = null;
  _style: Style = "%";
  default_time_format = "%Y-%m-%d %H:%M:%S";
  default_msec_format: string | null = "%s,%03d";

  // (a program's subclass may define __init__: _runtime_init.ts)
  constructor(...args: unknown[]) {
    init_from(this, new.target, Formatter, args);
  }

  __init__(...args: unknown[]): null {
    const k = popKw(args) ?? {};
    const fmt = args[0] ?? k.fmt ?? null;
    const datefmt = args[1] ?? k.datefmt ?? null;
    const style = (args[2] ?? k.style ?? "%") as string;
    if (!(style in STYLES)) throw new ValueError(`Style must be one of: ${Object.keys(STYLES).join(",")}`);
    this._style = style as Style;
    this._fmt = fmt === null ? STYLES[this._style].default : String(fmt);
    this.datefmt = datefmt === null ? null : String(datefmt);
    if (truthy(k.validate ?? true)) this.validate();
    return null;
  }

  private validate(): void {
    const fields = [...this._fmt.matchAll(STYLES[this._style].fields)].map((m) => m[1]);
    if (fields.length === 0) throw new ValueError(`Invalid format '${this._fmt}' for '${this._style}' style`);
  }

  usesTime(): boolean {
    return this._fmt.includes(STYLES[this._style].asctime);
  }

  formatTime(record: LogRecord, datefmt: unknown = null): string {
    const ct = localtime(record.created);
    if (datefmt !== null && datefmt !== undefined) return strftime(datefmt, ct);
    const s = strftime(this.default_time_format, ct);
    return this.default_msec_format ? percentFormat(this.default_msec_format, PyTuple.of<unknown>(s, BigInt(Math.floor(record.msecs)))) : s;
  }

  formatException(ei: unknown): string {
    const exc = ei instanceof PyTuple ? ei[1] : ei;
    if (exc === null || exc === undefined) return "NoneType: None";
    const s = format_exception(exc).join("");
    return s.endsWith("\n") ? s.slice(0, -1) : s;
  }

  formatMessage(record: LogRecord): string {
    const values = recordDict(record);
    switch (this._style) {
      case "%":
        return percentFormat(this._fmt, values);
      case "{":
        return strFormatMap(this._fmt, values);
      case "$":
        return this._fmt.replace(/\$(?:\{(\w+)\}|(\w+)|\$)/g, (_all, a, b) => {
          const key = a ?? b;
          if (key === undefined) return "$";
          if (!values.has(key)) throw new KeyError(key);
          return str(values.get(key));
        });
    }
  }

  formatStack(stack_info: unknown): string {
    return str(stack_info);
  }

  format(record: LogRecord): string {
    record.message = record.getMessage();
    if (this.usesTime()) record.asctime = this.formatTime(record, this.datefmt);
    let s = this.formatMessage(record);
    if (record.exc_info !== null && record.exc_info !== undefined && truthy(record.exc_info)) {
      if (!record.exc_text) record.exc_text = this.formatException(record.exc_info);
    }
    if (record.exc_text) {
      if (!s.endsWith("\n")) s += "\n";
      s += record.exc_text;
    }
    if (record.stack_info) {
      if (!s.endsWith("\n")) s += "\n";
      s += this.formatStack(record.stack_info);
    }
    return s;
  }
  static __module__ = "logging";
}

const defaultFormatter = new Formatter();

// ───────────── filters and handlers ─────────────

export class Filter {
  name = "";
  nlen = 0;
  constructor(...args: unknown[]) {
    init_from(this, new.target, Filter, args);
  }
  __init__(...args: unknown[]): null {
    const k = popKw(args) ?? {};
    this.name = String(args[0] ?? k.name ?? "");
    this.nlen = this.name.length;
    return null;
  }
  filter(record: LogRecord): boolean {
    if (this.nlen === 0 || this.name === record.name) return true;
    return record.name.startsWith(this.name) && record.name[this.nlen] === ".";
  }
  static __module__ = "logging";
}

class Filterer {
  filters: PyList<unknown> = PyList.fromArray([]);
  addFilter(filter: unknown): null {
    if (!this.filters.includes(filter)) this.filters.push(filter);
    return null;
  }
  removeFilter(filter: unknown): null {
    const i = this.filters.indexOf(filter);
    if (i >= 0) this.filters.splice(i, 1);
    return null;
  }
  /** False when some filter rejects the record (a filter is an object with filter() or a callable). */
  filter(record: LogRecord): boolean {
    for (const f of this.filters) {
      const ok = typeof (f as Filter).filter === "function" ? (f as Filter).filter(record) : (f as (r: LogRecord) => unknown)(record);
      if (!truthy(ok)) return false;
    }
    return true;
  }
}

/**
 * Every handler made (Handler.__init__), oldest first, for shutdown(). CPython holds them by weak
 * reference, so a handler closed and dropped is forgotten; here one leaves the list once it is
 * closed and on no logger (the nearest thing to "dropped" without a garbage collector's say).
 */
const handlerList: Handler[] = [];
/** Handlers by name (Handler.name, dictConfig's keys): getHandlerByName/getHandlerNames. */
const namedHandlers = new Map<string, Handler>();

/** getHandlerByName(name): the handler of that name, or None. */
export function getHandlerByName(name: unknown): Handler | null {
  return namedHandlers.get(String(name)) ?? null;
}

/** getHandlerNames(): a frozenset of the handlers' names. */
export function getHandlerNames(): PyFrozenSet<string> {
  return new PyFrozenSet([...namedHandlers.keys()]);
}

export class Handler extends Filterer {
  level = 0n;
  formatter: Formatter | null = null;
  _name: unknown = null;
  _closed = false;

  constructor(...args: unknown[]) {
    super();
    init_from(this, new.target, Handler, args);
  }
  __init__(...args: unknown[]): null {
    const k = popKw(args) ?? {};
    this.level = BigInt(checkLevel(args[0] ?? k.level ?? NOTSET));
    this.formatter = null;
    this.filters = PyList.fromArray([]);
    handlerList.push(this);
    return null;
  }
  get name(): unknown {
    return this._name;
  }
  set name(v: unknown) {
    // (a named handler is what getHandlerByName finds)
    if (this._name !== null && namedHandlers.get(String(this._name)) === this) namedHandlers.delete(String(this._name));
    this._name = v;
    if (v !== null && v !== undefined) namedHandlers.set(String(v), this);
  }
  setLevel(level: unknown): null {
    this.level = BigInt(checkLevel(level));
    return null;
  }
  setFormatter(fmt: Formatter | null): null {
    this.formatter = fmt;
    return null;
  }
  format(record: LogRecord): string {
    return (this.formatter ?? defaultFormatter).format(record);
  }
  // The methods a program overrides (emit, flush, close, handleError) return `unknown` here and in
  // the handlers below: an override annotated `-> None` is a `void` method in TypeScript.
  emit(_record: LogRecord): unknown {
    throw new NotImplementedError("emit must be implemented by Handler subclasses");
  }
  handle(record: LogRecord): boolean {
    const ok = this.filter(record);
    if (ok) this.emit(record);
    return ok;
  }
  acquire(): null {
    return null;
  }
  release(): null {
    return null;
  }
  createLock(): null {
    return null;
  }
  flush(): unknown {
    return null;
  }
  close(): unknown {
    this._closed = true;
    forgetIfDropped(this);
    return null;
  }
  /**
   * What a handler's emit calls when the record failed (the exception is being handled): with
   * raiseExceptions set, "--- Logging error ---", the exception's traceback, the program's call
   * stack, the message and its arguments on stderr.
   */
  handleError(record: LogRecord): unknown {
    const exc = handled_exception();
    if (!truthy(raiseExceptions) || !stdio.stderr || !(exc instanceof BaseException)) return null;
    const err = stdio.stderr as Stream;
    err.write("--- Logging error ---\n");
    // The traceback's frames below the logging call (CPython's are logging's own, which are not
    // shown, then any of the program's that logging called, such as an argument's __str__).
    const stack = format_stack();
    const inner = framesBelow(extract_tb(exc.__traceback__) as unknown[], extract_stack() as unknown[]);
    if (inner > 0) err.write(format_exception(exc, null, null, BigInt(-inner)).join(""));
    else err.write("Traceback (most recent call last):\n" + format_exception_only(exc).join(""));
    err.write("Call stack:\n");
    err.write(stack.join(""));
    let text: string;
    try {
      text = `Message: ${repr(record.msg)}\nArguments: ${str(record.args)}\n`;
    } catch {
      text = "Unable to print the message and arguments - possible formatting error.\nUse the traceback above to help find the error.\n";
    }
    err.write(text);
    return null;
  }
  __repr__(): string {
    return `<${typeName(this)} (${getLevelName(this.level)})>`;
  }
  static __module__ = "logging";
}

type Stream = { write(s: string): unknown; flush?: () => unknown; name?: unknown };

type Place = { filename: string; lineno: unknown; name: string };
const samePlace = (a: Place, b: Place) => a.filename === b.filename && a.lineno === b.lineno && a.name === b.name;
/** How many of a traceback's frames are below the current stack (the frames they share lead it). */
function framesBelow(tb: unknown[], stack: unknown[]): number {
  for (let shared = Math.min(tb.length, stack.length); shared > 0; shared--) {
    const tail = stack.length - shared;
    let ok = true;
    for (let i = 0; i < shared && ok; i++) ok = samePlace(tb[i] as Place, stack[tail + i] as Place);
    if (ok) return tb.length - shared;
  }
  return tb.length;
}

/** An exception from a stock handler's emit: handleError sees it as the one being handled (as in an `except`). */
function reportEmitError(handler: Handler, record: LogRecord, e: unknown): void {
  const exc = caughtException(e);
  if (exc instanceof RecursionError || !(exc instanceof Exception)) throw exc;
  const outer = set_handled_exception(exc);
  try {
    handler.handleError(record);
  } finally {
    set_handled_exception(outer);
  }
}

export class StreamHandler extends Handler {
  stream: Stream = stdio.stderr as Stream;
  terminator = "\n";
  constructor(...args: unknown[]) {
    super(...args);
    init_from(this, new.target, StreamHandler, args);
  }
  __init__(...args: unknown[]): null {
    const k = popKw(args) ?? {};
    super.__init__();
    const stream = args[0] ?? k.stream ?? null;
    this.stream = (stream ?? stdio.stderr) as Stream;
    return null;
  }
  emit(record: LogRecord): unknown {
    try {
      const msg = this.format(record);
      this.stream.write(msg + this.terminator);
      this.flush();
    } catch (e) {
      // A record that cannot be formatted or written is reported, and the program goes on.
      reportEmitError(this, record, e);
    }
    return null;
  }
  flush(): unknown {
    if (typeof this.stream.flush === "function") this.stream.flush();
    return null;
  }
  setStream(stream: Stream): Stream | null {
    if (stream === this.stream) return null;
    const old = this.stream;
    this.flush();
    this.stream = stream;
    return old;
  }
  __repr__(): string {
    const name = this.stream.name;
    const label = name === undefined || name === null ? "" : `${str(name)} `;
    return `<${typeName(this)} ${label}(${getLevelName(this.level)})>`;
  }
}

/** FileHandler(filename, mode='a', encoding=None, delay=False, errors=None) */
export class FileHandler extends StreamHandler {
  baseFilename = "";
  mode = "a";
  encoding: unknown = null;
  errors: unknown = null;
  delay = false;
  constructor(...args: unknown[]) {
    super(...args);
    init_from(this, new.target, FileHandler, args);
  }
  __init__(...args: unknown[]): null {
    const k = popKw(args) ?? {};
    const [filename, mode = k.mode ?? "a", encoding = k.encoding ?? null, delay = k.delay ?? false, errors = k.errors ?? null] = args;
    const name = filename ?? k.filename;
    this.baseFilename = abspath(name);
    this.mode = String(mode);
    // Text mode without an encoding: "locale" (io.text_encoding), the locale's encoding when opened.
    this.encoding = encoding === null && !this.mode.includes("b") ? "locale" : encoding;
    this.errors = errors;
    this.delay = truthy(delay);
    super.__init__();
    this.stream = (this.delay ? null : this._open()) as Stream;
    return null;
  }
  _open(): Stream {
    const kw: Record<string, unknown> = { encoding: this.encoding === "locale" ? null : this.encoding, errors: this.errors };
    return open(this.baseFilename, this.mode, new KwArgs(kw)) as unknown as Stream;
  }
  emit(record: LogRecord): unknown {
    // A "w" handler that was closed stays closed: reopening would truncate what it wrote.
    if (this.stream === null && (this.mode !== "w" || !this._closed)) this.stream = this._open();
    return this.stream === null ? null : super.emit(record);
  }
  close(): null {
    const stream = this.stream as Stream & { close?: () => unknown };
    this.stream = null as unknown as Stream;
    if (stream !== null) {
      this.flushStream(stream);
      stream.close?.();
    }
    super.close();
    return null;
  }
  flush(): null {
    if (this.stream !== null) this.flushStream(this.stream);
    return null;
  }
  private flushStream(stream: Stream): void {
    if (typeof stream.flush === "function") stream.flush();
  }
  __repr__(): string {
    return `<${typeName(this)} ${this.baseFilename} (${getLevelName(this.level)})>`;
  }
}

export class NullHandler extends Handler {
  constructor(...args: unknown[]) {
    super(...args);
    init_from(this, new.target, NullHandler, args);
  }
  handle(_record: LogRecord): boolean {
    return true;
  }
  emit(_record: LogRecord): unknown {
    return null;
  }
}

/** Used when no handler anywhere in the hierarchy takes a record: bare message on sys.stderr. */
class LastResortHandler extends Handler {
  constructor(...args: unknown[]) {
    super(...args);
    init_from(this, new.target, LastResortHandler, args);
  }
  emit(record: LogRecord): unknown {
    (stdio.stderr as Stream).write(this.format(record) + "\n");
    return null;
  }
}
export let lastResort: Handler | null = new LastResortHandler(WARNING);

// ───────────── loggers ─────────────

const loggers = new Map<string, Logger>();
let disableLevel = 0;

export class Logger extends Filterer {
  name: string;
  level: bigint;
  propagate = true;
  handlers: PyList<Handler> = PyList.fromArray([]);
  disabled = false;
  _parent: Logger | null | undefined = undefined;

  constructor(name: unknown, level: unknown = NOTSET) {
    super();
    this.name = String(name);
    this.level = BigInt(checkLevel(level));
  }

  /** The nearest existing ancestor in the dotted hierarchy (the root logger at the top). */
  get parent(): Logger | null {
    if (this._parent !== undefined) return this._parent;
    if (this === (root as Logger)) return null;
    let name = this.name;
    for (let dot = name.lastIndexOf("."); dot > 0; dot = name.lastIndexOf(".")) {
      name = name.slice(0, dot);
      const found = loggers.get(name);
      if (found) return found;
    }
    return root;
  }
  set parent(p: Logger | null) {
    this._parent = p;
  }

  setLevel(level: unknown): null {
    this.level = BigInt(checkLevel(level));
    return null;
  }
  getEffectiveLevel(): bigint {
    for (let l: Logger | null = this; l !== null; l = l.parent) if (l.level !== 0n) return l.level;
    return NOTSET;
  }
  isEnabledFor(level: unknown): boolean {
    if (this.disabled) return false;
    const n = Number(level);
    if (disableLevel >= n) return false;
    return n >= Number(this.getEffectiveLevel());
  }
  getChild(suffix: unknown): Logger {
    return getLogger(this === (root as Logger) ? String(suffix) : `${this.name}.${str(suffix)}`);
  }
  addHandler(h: Handler): null {
    if (!this.handlers.includes(h)) this.handlers.push(h);
    return null;
  }
  removeHandler(h: Handler): null {
    const i = this.handlers.indexOf(h);
    if (i >= 0) this.handlers.splice(i, 1);
    if (h._closed) forgetIfDropped(h);
    return null;
  }
  hasHandlers(): boolean {
    for (let l: Logger | null = this; l !== null; l = l.propagate ? l.parent : null) if (l.handlers.length > 0) return true;
    return false;
  }

  debug(msg: unknown, ...args: unknown[]): null {
    return this._logIf(10, msg, args);
  }
  info(msg: unknown, ...args: unknown[]): null {
    return this._logIf(20, msg, args);
  }
  warning(msg: unknown, ...args: unknown[]): null {
    return this._logIf(30, msg, args);
  }
  warn(msg: unknown, ...args: unknown[]): null {
    return this._logIf(30, msg, args);
  }
  error(msg: unknown, ...args: unknown[]): null {
    return this._logIf(40, msg, args);
  }
  exception(msg: unknown, ...args: unknown[]): null {
    const k = popKw(args) ?? {};
    return this._logIf(40, msg, args, { exc_info: true, ...k });
  }
  critical(msg: unknown, ...args: unknown[]): null {
    return this._logIf(50, msg, args);
  }
  fatal(msg: unknown, ...args: unknown[]): null {
    return this._logIf(50, msg, args);
  }
  log(level: unknown, msg: unknown, ...args: unknown[]): null {
    if (typeof level !== "bigint" && typeof level !== "number") throw new TypeError("level must be an integer");
    return this._logIf(Number(level), msg, args);
  }

  private _logIf(level: number, msg: unknown, args: unknown[], kw: Record<string, unknown> | null = null): null {
    const k = kw ?? popKw(args) ?? {};
    if (!this.isEnabledFor(level)) return null;
    // The record keeps (type, value, traceback) as CPython's: an exception gives its own, a true
    // value the one being handled ((None, None, None) outside a handler).
    let exc_info: unknown = k.exc_info ?? null;
    if (exc_info !== null && exc_info !== undefined && truthy(exc_info)) {
      if (exc_info instanceof BaseException) exc_info = PyTuple.of<unknown>(pytype(exc_info), exc_info, exc_info.__traceback__);
      else if (!(exc_info instanceof PyTuple)) exc_info = sys_exc_info();
    }
    const where = current_location();
    const pathname = where?.filename ?? "(unknown file)";
    // stack_info=True: the stack down to the logging call, as Logger.findCaller writes it.
    const sinfo = k.stack_info !== undefined && truthy(k.stack_info) ? `Stack (most recent call last):\n${format_stack().join("")}`.replace(/\n$/, "") : null;
    const record = recordFactory(
      this.name,
      BigInt(level),
      pathname,
      BigInt(where?.lineno ?? 0),
      msg,
      PyTuple.fromArray(args),
      exc_info,
      where?.name ?? "(unknown function)",
      sinfo,
    );
    const extra = k.extra;
    if (extra instanceof PyDict) {
      for (const [key, v] of extra.entries()) {
        const name = String(key);
        if (name === "message" || name === "asctime" || name in record) throw new KeyError(`Attempt to overwrite ${repr(name)} in LogRecord`);
        record[name] = v;
      }
    }
    this.handle(record);
    return null;
  }

  handle(record: LogRecord): null {
    if (this.disabled || !this.filter(record)) return null;
    let found = 0;
    for (let l: Logger | null = this; l !== null; l = l.parent) {
      for (const h of l.handlers) {
        found++;
        if (Number(record.levelno) >= Number(h.level)) h.handle(record);
      }
      if (!l.propagate) break;
    }
    if (found === 0 && lastResort !== null) {
      if (Number(record.levelno) >= Number(lastResort.level)) lastResort.handle(record);
    } else if (found === 0 && truthy(raiseExceptions) && !noHandlerWarningGiven) {
      // (without a last resort, CPython says so once)
      noHandlerWarningGiven = true;
      (stdio.stderr as Stream).write(`No handlers could be found for logger "${str(this.name)}"\n`);
    }
    return null;
  }

  __repr__(): string {
    return `<${typeName(this)} ${this.name} (${getLevelName(this.getEffectiveLevel())})>`;
  }
  static __module__ = "logging";
}

export class RootLogger extends Logger {
  constructor(level: unknown) {
    super("root", level);
  }
}

export const root: RootLogger = new RootLogger(WARNING);

// (typed open: setLoggerClass may make a subclass with methods of the program's own)
export function getLogger(name: unknown = null): Logger & { [member: string]: any } {
  if (name === null || name === undefined || name === "" || name === root.name) return root;
  if (typeof name !== "string") throw new TypeError("A logger name must be a string");
  let l = loggers.get(name);
  if (l === undefined) {
    l = loggerClass === Logger ? new Logger(name) : (call(loggerClass, name) as Logger);
    loggers.set(name, l);
  }
  return l;
}

/** @internal The names of the loggers made so far (logging.config disables the ones it does not name). */
export function _logger_names(): string[] {
  return [...loggers.keys()];
}

/** The class getLogger makes new loggers of (setLoggerClass). */
let loggerClass: Function = Logger;

export function getLoggerClass(): unknown {
  return loggerClass;
}

/** setLoggerClass(klass): getLogger's new loggers are made of klass, a subclass of Logger. */
export function setLoggerClass(klass: unknown): null {
  if (klass !== Logger && !(typeof klass === "function" && issubclass(klass, Logger)))
    throw new TypeError(`logger not derived from logging.Logger: ${(klass as { __name__?: unknown }).__name__}`);
  loggerClass = klass as Function;
  return null;
}

export function disable(level: unknown = CRITICAL): null {
  disableLevel = Number(level);
  return null;
}

/** Configures the root logger once: a StreamHandler (sys.stderr by default) with a Formatter. */
export function basicConfig(...args: unknown[]): null {
  const k = popKw(args) ?? {};
  const force = truthy(k.force ?? false);
  if (force) root.handlers.length = 0;
  if (root.handlers.length > 0) return null;
  let handlers = k.handlers as Iterable<Handler> | null | undefined;
  if (handlers === null || handlers === undefined) {
    if (k.stream !== undefined && k.filename !== undefined) throw new ValueError("'stream' and 'filename' should not be specified together");
    handlers =
      k.filename !== undefined && k.filename !== null
        ? [new FileHandler(k.filename, k.filemode ?? "a", new KwArgs({ encoding: k.encoding ?? null, errors: k.errors ?? "backslashreplace" }))]
        : [new StreamHandler(k.stream ?? null)];
  } else if (k.stream !== undefined || k.filename !== undefined) {
    throw new ValueError("'stream' or 'filename' should not be specified together with 'handlers'");
  }
  const style = k.style ?? "%";
  const fmt = k.format ?? STYLES[(style as Style) in STYLES ? (style as Style) : "%"].default;
  const formatter = new Formatter(style === "%" && k.format === undefined ? BASIC_FORMAT : fmt, k.datefmt ?? null, style);
  for (const h of handlers) {
    if (h.formatter === null) h.setFormatter(formatter);
    root.addHandler(h);
  }
  if (k.level !== undefined && k.level !== null) root.setLevel(k.level);
  return null;
}

function rootShortcut(method: "debug" | "info" | "warning" | "error" | "critical" | "exception") {
  return (msg: unknown, ...args: unknown[]): null => {
    if (root.handlers.length === 0) basicConfig();
    return root[method](msg, ...args);
  };
}
export const debug = rootShortcut("debug");
export const info = rootShortcut("info");
export const warning = rootShortcut("warning");
export const warn = rootShortcut("warning");
export const error = rootShortcut("error");
export const critical = rootShortcut("critical");
export const fatal = rootShortcut("critical");
export const exception = rootShortcut("exception");
export function log(level: unknown, msg: unknown, ...args: unknown[]): null {
  if (root.handlers.length === 0) basicConfig();
  return root.log(level, msg, ...args);
}

function forgetIfDropped(h: Handler): void {
  if (root.handlers.includes(h)) return;
  for (const l of loggers.values()) if (l.handlers.includes(h)) return;
  const i = handlerList.indexOf(h);
  if (i >= 0) handlerList.splice(i, 1);
}

/** shutdown(): flush and close every handler, newest first; OSError and ValueError from one are ignored. */
export function shutdown(..._args: unknown[]): null {
  for (const h of handlerList.slice().reverse()) {
    try {
      if ((h as { flushOnClose?: unknown }).flushOnClose !== false) h.flush();
      h.close();
    } catch (e) {
      if (!(e instanceof OSError || e instanceof ValueError)) throw e;
    }
  }
  return null;
}

/** Run by the runner at interpreter exit, after the atexit functions: CPython's logging registers shutdown() with atexit when imported, before any program's own. */
export function _at_exit(report: (exc: unknown) => string): void {
  try {
    shutdown();
  } catch (err) {
    host.flush?.();
    host.write(2, `Exception ignored in atexit callback: ${repr(shutdown)}\n${report(caughtException(err))}`);
  }
}

export function captureWarnings(_capture: unknown): null {
  return null;
}

export let raiseExceptions: unknown = true;
let noHandlerWarningGiven = false;

/** `logging.NAME = value` for the module's switches its code reads (raiseExceptions, lastResort). */
export function __setattr__(this: object, name: string, value: unknown): void {
  if (name === "raiseExceptions") raiseExceptions = value;
  else if (name === "lastResort") lastResort = value as Handler | null;
  // (any other name, `logging.getLogger = ...` included, is set on the module object as before)
  else plainSetattr(this, name, value);
}

// asyncio logs through getLogger("asyncio"): with nothing configured this is the last-resort
// handler (the bare message and traceback on stderr), as before; with basicConfig() it is formatted.
const LEVELS = { DEBUG: 10, INFO: 20, WARNING: 30, ERROR: 40 } as const;
_set_logger((level, message, exc, origin) => {
  const logger = getLogger("asyncio");
  const n = LEVELS[level];
  if (!logger.isEnabledFor(n)) return;
  // (where CPython's asyncio makes the call, when the runtime says)
  const where = origin ?? current_location();
  const record = recordFactory(
    "asyncio",
    BigInt(n),
    where?.filename ?? "(unknown file)",
    BigInt(where?.lineno ?? 0),
    message,
    PyTuple.of(),
    exc ?? null,
    where?.name ?? "(unknown function)",
    null,
  );
  logger.handle(record);
});

// ───────────── LoggerAdapter ─────────────

/** LoggerAdapter(logger, extra=None): a logger's methods, each call's keywords first passed through process(). */
export class LoggerAdapter extends PyObject {
  declare logger: any;
  declare extra: unknown;
  __init__(...args: unknown[]): null {
    const k = popKw(args) ?? {};
    if (args.length + Object.keys(k).length === 0) throw new TypeError("LoggerAdapter.__init__() missing 1 required positional argument: 'logger'");
    this.logger = args[0] ?? k.logger;
    this.extra = args.length > 1 ? args[1] : (k.extra ?? null);
    return null;
  }
  /** process(msg, kwargs): (msg, kwargs) with kwargs["extra"] set to the adapter's extra. */
  process(msg: unknown, kwargs: PyDict<string, unknown>): PyTuple<unknown> {
    kwargs.__setitem__("extra", this.extra);
    return PyTuple.of<unknown>(msg, kwargs);
  }
  debug(msg: unknown, ...args: unknown[]): null {
    return this.log(DEBUG, msg, ...args);
  }
  info(msg: unknown, ...args: unknown[]): null {
    return this.log(INFO, msg, ...args);
  }
  warning(msg: unknown, ...args: unknown[]): null {
    return this.log(WARNING, msg, ...args);
  }
  warn(msg: unknown, ...args: unknown[]): null {
    return this.log(WARNING, msg, ...args);
  }
  error(msg: unknown, ...args: unknown[]): null {
    return this.log(ERROR, msg, ...args);
  }
  exception(msg: unknown, ...args: unknown[]): null {
    const k = popKw(args) ?? {};
    return this.log(ERROR, msg, ...args, new KwArgs({ exc_info: true, ...k }));
  }
  critical(msg: unknown, ...args: unknown[]): null {
    return this.log(CRITICAL, msg, ...args);
  }
  log(level: unknown, msg: unknown, ...args: unknown[]): null {
    const k = popKw(args) ?? {};
    if (!truthy(this.isEnabledFor(level))) return null;
    const [m, kwargs] = [...(this as any).process(msg, PyDict.fromEntries(Object.entries(k)))];
    const keywords: Record<string, unknown> = {};
    for (const [key, v] of (kwargs as PyDict<string, unknown>).entries()) keywords[String(key)] = v;
    callWithKeywords(getattr(this.logger, "log"), null, [level, m, ...args], keywords);
    return null;
  }
  isEnabledFor(level: unknown): unknown {
    return call(getattr(this.logger, "isEnabledFor"), level);
  }
  setLevel(level: unknown): unknown {
    return call(getattr(this.logger, "setLevel"), level);
  }
  getEffectiveLevel(): unknown {
    return call(getattr(this.logger, "getEffectiveLevel"));
  }
  hasHandlers(): unknown {
    return call(getattr(this.logger, "hasHandlers"));
  }
  get name(): unknown {
    return getattr(this.logger, "name");
  }
  get manager(): unknown {
    return getattr(this.logger, "manager");
  }
  __repr__(): string {
    return `<${typeName(this)} ${str(getattr(this.logger, "name"))} (${getLevelName(call(getattr(this.logger, "getEffectiveLevel")))})>`;
  }
  static __module__ = "logging";
}
