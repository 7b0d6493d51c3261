// unittest's helpers: SkipTest and the skip decorators, the failure-message helpers (CPython's
// unittest/util.py: safe_repr, shortened reprs), and the assertRaises / assertWarns / assertLogs
// context managers. Used by _unittest_case.ts.
import { BaseException, Exception, TypeError, caughtException } from "../builtins/exceptions.js";
import { PyObject, KwArgs, popKw, className } from "../builtins/object.js";
import { PyList } from "../builtins/collections.js";
import { repr, str } from "../builtins/repr.js";
import { call, callm, truthy, isJsClass } from "../builtins/ops.js";
import { isinstance, issubclass } from "../builtins/functions.js";
import { compile as reCompile } from "./re.js";
import { catch_warnings, simplefilter } from "./warnings.js";
import * as logging from "./logging.js";
import { namedtuple } from "./collections.js";

// ───────────── exceptions and decorators ─────────────

export class SkipTest extends Exception {}
Object.defineProperty(SkipTest, "__module__", { value: "unittest.case", writable: true, configurable: true });

/** Stops a test after a failed subtest under failfast, or an expected failure inside a subtest. */
export class ShouldStop extends Exception {}

function markSkip(item: any, reason: string): any {
  Object.defineProperty(item, "__unittest_skip__", { value: true, writable: true, configurable: true });
  Object.defineProperty(item, "__unittest_skip_why__", { value: reason, writable: true, configurable: true });
  return item;
}

/** `@skip(reason)` (or bare `@skip`) on a test method or a TestCase class. */
export function skip(reason: unknown): any {
  if (typeof reason === "function" && !isJsClass(reason)) return markSkip(reason, "");
  if (typeof reason !== "string") throw new TypeError("Reason for skipping must be a string");
  return (item: unknown) => markSkip(item, reason);
}

const identity = (x: unknown) => x;
export function skipIf(condition: unknown, reason: string): any {
  return truthy(condition) ? skip(reason) : identity;
}
export function skipUnless(condition: unknown, reason: string): any {
  return truthy(condition) ? identity : skip(reason);
}
export function expectedFailure<T>(item: T): T {
  Object.defineProperty(item, "__unittest_expecting_failure__", { value: true, writable: true, configurable: true });
  return item;
}

// ───────────── message helpers (CPython's util.py) ─────────────

const MAX_LENGTH = 80;
const PLACEHOLDER_LEN = 12;
const MIN_BEGIN_LEN = 5;
const MIN_END_LEN = 5;
const MIN_COMMON_LEN = 5;
const MIN_DIFF_LEN = MAX_LENGTH - (MIN_BEGIN_LEN + PLACEHOLDER_LEN + MIN_COMMON_LEN + MIN_END_LEN);
export const DIFF_THRESHOLD = 2 ** 16;

export function safe_repr(obj: unknown, short = false): string {
  let r: string;
  try {
    r = repr(obj);
  } catch {
    r = PyObject.prototype.__repr__.call(obj);
  }
  if (!short || r.length < MAX_LENGTH) return r;
  return r.slice(0, MAX_LENGTH) + " [truncated]...";
}

function shorten(s: string, prefixlen: number, suffixlen: number): string {
  const skip = s.length - prefixlen - suffixlen;
  if (skip > PLACEHOLDER_LEN) return `${s.slice(0, prefixlen)}[${skip} chars]${s.slice(s.length - suffixlen)}`;
  return s;
}

function commonPrefix(strs: string[]): string {
  let p = strs[0];
  for (const s of strs) while (!s.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** Reprs of the values, shortened around their common prefix when they are long. */
export function commonShortenRepr(...args: unknown[]): string[] {
  const reprs = args.map((a) => safe_repr(a));
  const maxlen = Math.max(...reprs.map((r) => r.length));
  if (maxlen <= MAX_LENGTH) return reprs;
  let prefix = commonPrefix(reprs);
  const prefixlen = prefix.length;
  const commonLen = MAX_LENGTH - (maxlen - prefixlen + MIN_BEGIN_LEN + PLACEHOLDER_LEN);
  if (commonLen > MIN_COMMON_LEN) {
    prefix = shorten(prefix, MIN_BEGIN_LEN, commonLen);
    return reprs.map((s) => prefix + s.slice(prefixlen));
  }
  prefix = shorten(prefix, MIN_BEGIN_LEN, MIN_COMMON_LEN);
  return reprs.map((s) => prefix + shorten(s.slice(prefixlen), MIN_DIFF_LEN, MIN_END_LEN));
}

export function splitlines(s: string, keepends: boolean): string[] {
  return callm(s, "splitlines", keepends) as string[];
}

// ───────────── assertRaises / assertRaisesRegex / assertWarns ─────────────

export class AssertRaisesContext extends PyObject {
  declare expected: unknown;
  declare test_case: any;
  declare expected_regex: any;
  declare obj_name: string | null;
  declare msg: unknown;
  declare exception: unknown;
  declare handling: BaseException | null;
  __init__(expected: unknown, testCase: any, expectedRegex: unknown = null): void {
    this.expected = expected;
    this.test_case = testCase;
    this.expected_regex =
      expectedRegex === null || expectedRegex === undefined ? null : typeof expectedRegex === "string" ? reCompile(expectedRegex) : expectedRegex;
    this.obj_name = null;
    this.msg = null;
    this.exception = null;
    this.handling = null;
  }
  _raiseFailure(standardMsg: string): never {
    const msg = this.test_case._formatMessage(this.msg, standardMsg);
    const failure = call(this.test_case.failureException, msg);
    if (this.handling && failure instanceof BaseException) failure.__context__ = this.handling;
    throw failure;
  }
  /** assertRaises(exc, callable, *args): calls it inside the context. */
  handle(args: unknown[], name: string): unknown {
    const k = popKw(args);
    if (!args.length) {
      this.msg = k?.msg ?? null;
      if (k) for (const key of Object.keys(k)) if (key !== "msg") throw new TypeError(`${key} is an invalid keyword argument for this function`);
      return this;
    }
    const [callable, ...rest] = args;
    if (typeof callable !== "function" && !(callable && typeof (callable as { __call__?: unknown }).__call__ === "function")) {
      throw new TypeError(`${name}() arg 1 must be an exception type or tuple of exception types`);
    }
    this.obj_name = (callable as { __name__?: string }).__name__ ?? (callable as Function).name ?? str(callable);
    this.__enter__();
    try {
      k ? call(callable, ...rest, new KwArgs(k)) : call(callable, ...rest);
    } catch (e) {
      const exc = caughtException(e);
      if (!truthy(this.__exit__(exc.constructor, exc, null))) throw exc;
      return null;
    }
    this.__exit__(null, null, null);
    return null;
  }
  __enter__(): this {
    return this;
  }
  __exit__(excType: unknown, excValue: unknown, _tb: unknown): boolean {
    if (excType === null || excType === undefined) {
      const e = this.expected as { __name__?: string };
      const name = typeof this.expected === "function" ? (e.__name__ ?? className(this.expected as Function)) : str(this.expected);
      this._raiseFailure(this.obj_name ? `${name} not raised by ${this.obj_name}` : `${name} not raised`);
    }
    if (!issubclass(excType, this.expected)) return false;
    // CPython keeps the exception without its traceback; a failure raised now has it as context.
    Object.defineProperty(excValue, "__traceback_cleared__", { value: true, configurable: true });
    this.exception = excValue;
    this.handling = excValue as BaseException;
    if (this.expected_regex === null) return true;
    const text = str(excValue);
    if (this.expected_regex.search(text) === null) {
      this._raiseFailure(`"${this.expected_regex.pattern}" does not match "${text}"`);
    }
    return true;
  }
}

// ───────────── assertWarns / assertWarnsRegex ─────────────

/** `with self.assertWarns(W):` records warnings (filter "always" for W) and checks one of W was raised. */
export class AssertWarnsContext extends PyObject {
  declare expected: unknown;
  declare test_case: any;
  declare expected_regex: any;
  declare obj_name: string | null;
  declare msg: unknown;
  declare warning: unknown;
  declare filename: unknown;
  declare lineno: unknown;
  declare warnings: PyList<any> | null;
  declare manager: catch_warnings | null;
  __init__(expected: unknown, testCase: any, expectedRegex: unknown = null): void {
    this.expected = expected;
    this.test_case = testCase;
    this.expected_regex =
      expectedRegex === null || expectedRegex === undefined ? null : typeof expectedRegex === "string" ? reCompile(expectedRegex) : expectedRegex;
    this.obj_name = null;
    this.msg = null;
    this.warning = this.filename = this.lineno = null;
    this.warnings = null;
    this.manager = null;
  }
  _raiseFailure(standardMsg: string): never {
    throw call(this.test_case.failureException, this.test_case._formatMessage(this.msg, standardMsg));
  }
  handle(args: unknown[], name: string): unknown {
    const k = popKw(args);
    if (!args.length) {
      this.msg = k?.msg ?? null;
      return this;
    }
    const [callable, ...rest] = args;
    if (typeof callable !== "function") throw new TypeError(`${name}() arg 1 must be a warning type or tuple of warning types`);
    this.obj_name = (callable as { __name__?: string }).__name__ ?? callable.name;
    this.__enter__();
    try {
      k ? call(callable, ...rest, new KwArgs(k)) : call(callable, ...rest);
    } catch (e) {
      this.__exit__(caughtException(e), caughtException(e), null);
      throw e;
    }
    this.__exit__(null, null, null);
    return null;
  }
  __enter__(): this {
    this.manager = new catch_warnings(new KwArgs({ record: true }));
    this.warnings = this.manager.__enter__();
    simplefilter("always", this.expected);
    return this;
  }
  __exit__(excType: unknown, _exc: unknown, _tb: unknown): boolean {
    this.manager!.__exit__(null, null, null);
    if (excType !== null && excType !== undefined) return false;
    const name = (this.expected as { __name__?: string }).__name__ ?? str(this.expected);
    let firstMatching: unknown = null;
    for (const m of this.warnings ?? []) {
      const w = m.message;
      if (!isinstance(w, this.expected)) continue;
      if (firstMatching === null) firstMatching = w;
      if (this.expected_regex !== null && this.expected_regex.search(str(w)) === null) continue;
      this.warning = w;
      this.filename = m.filename;
      this.lineno = m.lineno;
      return false;
    }
    if (firstMatching !== null) this._raiseFailure(`"${this.expected_regex.pattern}" does not match "${str(firstMatching)}"`);
    this._raiseFailure(this.obj_name ? `${name} not triggered by ${this.obj_name}` : `${name} not triggered`);
  }
}

// ───────────── assertLogs / assertNoLogs ─────────────

const LoggingWatcher = namedtuple("_LoggingWatcher", "records output", new KwArgs({ module: "unittest._log" }));

/** A handler keeping every record and its "LEVEL:logger:message" line. */
class CapturingHandler extends logging.Handler {
  declare watcher: any;
  constructor() {
    super();
    this.watcher = new LoggingWatcher(new PyList(), new PyList());
  }
  flush(): null {
    return null;
  }
  emit(record: any): null {
    this.watcher.records.push(record);
    this.watcher.output.push(this.format(record));
    return null;
  }
}

/** `with self.assertLogs(logger, level) as cm:` (cm.output, cm.records); assertNoLogs the reverse. */
export class AssertLogsContext extends PyObject {
  declare test_case: any;
  declare logger_name: unknown;
  declare level: bigint;
  declare no_logs: boolean;
  declare msg: unknown;
  declare logger: any;
  declare watcher: any;
  declare saved: { handlers: unknown[]; level: unknown; propagate: unknown } | null;
  __init__(testCase: any, loggerName: unknown, level: unknown, noLogs: boolean): void {
    this.test_case = testCase;
    this.logger_name = loggerName;
    this.level =
      level === null || level === undefined
        ? logging.INFO
        : typeof level === "string"
          ? (callm(logging.getLevelNamesMapping(), "__getitem__", level) as bigint)
          : BigInt(level as bigint);
    this.no_logs = noLogs;
    this.msg = null;
    this.saved = null;
  }
  __enter__(): unknown {
    const name = this.logger_name;
    this.logger = name instanceof logging.Logger ? name : logging.getLogger(name ?? null);
    const handler = new CapturingHandler();
    handler.setLevel(this.level);
    handler.setFormatter(new logging.Formatter("%(levelname)s:%(name)s:%(message)s"));
    this.watcher = handler.watcher;
    this.saved = { handlers: [...this.logger.handlers], level: this.logger.level, propagate: this.logger.propagate };
    this.logger.handlers.length = 0;
    this.logger.handlers.push(handler);
    this.logger.setLevel(this.level);
    this.logger.propagate = false;
    return this.no_logs ? null : this.watcher;
  }
  __exit__(excType: unknown, _exc: unknown, _tb: unknown): boolean {
    const saved = this.saved!;
    this.logger.handlers.length = 0;
    this.logger.handlers.push(...saved.handlers);
    this.logger.level = saved.level;
    this.logger.propagate = saved.propagate;
    if (excType !== null && excType !== undefined) return false;
    const fail = (m: string): never => {
      throw call(this.test_case.failureException, this.test_case._formatMessage(this.msg, m));
    };
    if (this.no_logs) {
      if (this.watcher.records.length > 0) fail(`Unexpected logs found: ${repr(this.watcher.output)}`);
    } else if (this.watcher.records.length === 0) {
      fail(`no logs of level ${str(logging.getLevelName(this.level))} or higher triggered on ${this.logger.name}`);
    }
    return false;
  }
}
