// warnings: warn / warn_explicit with CPython's filters (actions error, ignore, always, default,
// module, once; message and module patterns matched at the start, case-insensitively for the
// message), the per-module "already shown" registries, showwarning/formatwarning, and
// catch_warnings (record=True collects WarningMessage objects). The default filters are 3.12's:
// DeprecationWarning shown only when triggered by __main__'s code.
//
// The runtime's own warnings (asyncio's "coroutine ... was never awaited", datetime's deprecations)
// go through the same filters: this module installs itself as asyncio/_warnings.ts's router.
import { PyObject, popKw, className } from "../builtins/object.js";
import * as exc from "../builtins/exceptions.js";
import { BaseException, TypeError } from "../builtins/exceptions.js";
import { PyDict, PyList, PyTuple } from "../builtins/collections.js";
import { str, repr } from "../builtins/repr.js";
import { call, truthy, typeName } from "../builtins/ops.js";
import { stdio } from "../builtins/functions.js";
import { current_frames, module_for_file } from "../program.js";
import { _set_warning_router, _source_line } from "../asyncio/_warnings.js";

type Cls = Function & { __name__?: string };
type Filter = PyTuple<unknown>; // (action, message pattern | None, category, module pattern | None, lineno)

const ACTIONS = new Set(["error", "ignore", "always", "all", "default", "module", "once"]);

export const filters: PyList<Filter> = new PyList();
export let defaultaction = "default";
export const onceregistry: PyDict<unknown, unknown> = new PyDict();
// Bumped whenever the filters change: every module's registry of shown warnings is then stale.
let filtersVersion = 0;
const registries = new Map<string, { version: number; shown: Set<string> }>();
const patterns = new Map<string, RegExp>();

function pattern(src: string, flags: string): RegExp {
  const key = `${flags}/${src}`;
  let re = patterns.get(key);
  if (!re) {
    // Python's re.match: anchored at the start; the common syntax is the same in JS.
    re = new RegExp(`^(?:${src})`, flags + "u");
    patterns.set(key, re);
  }
  return re;
}

function addFilter(append: boolean, item: Filter): void {
  const same = filters.findIndex((f) => f.every((v, i) => v === item[i]));
  if (!append) {
    if (same >= 0) filters.splice(same, 1);
    filters.unshift(item);
  } else if (same < 0) {
    filters.push(item);
  }
  filtersVersion++;
}

function checkAction(action: unknown): string {
  if (typeof action !== "string" || !ACTIONS.has(action)) throw new exc.AssertionError(`invalid action: ${repr(action)}`);
  return action;
}

export function filterwarnings(action: unknown, ...rest: unknown[]): null {
  const k = popKw(rest) ?? {};
  const message = (rest[0] ?? k.message ?? "") as string;
  const category = (rest[1] ?? k.category ?? exc.Warning) as Cls;
  const module = (rest[2] ?? k.module ?? "") as string;
  const lineno = BigInt((rest[3] ?? k.lineno ?? 0n) as bigint);
  const append = truthy(rest[4] ?? k.append ?? false);
  if (typeof message !== "string") throw new exc.AssertionError("message must be a string");
  if (typeof category !== "function") throw new exc.AssertionError("category must be a class");
  addFilter(append, PyTuple.fromArray([checkAction(action), message || null, category, module || null, lineno]));
  return null;
}

export function simplefilter(action: unknown, ...rest: unknown[]): null {
  const k = popKw(rest) ?? {};
  const category = (rest[0] ?? k.category ?? exc.Warning) as Cls;
  const lineno = BigInt((rest[1] ?? k.lineno ?? 0n) as bigint);
  const append = truthy(rest[2] ?? k.append ?? false);
  addFilter(append, PyTuple.fromArray([checkAction(action), null, category, null, lineno]));
  return null;
}

export function resetwarnings(): null {
  filters.length = 0;
  filtersVersion++;
  return null;
}

function installDefaults(): void {
  filters.length = 0;
  filters.push(PyTuple.fromArray(["default", null, exc.DeprecationWarning, "__main__", 0n]));
  filters.push(PyTuple.fromArray(["ignore", null, exc.DeprecationWarning, null, 0n]));
  filters.push(PyTuple.fromArray(["ignore", null, exc.PendingDeprecationWarning, null, 0n]));
  filters.push(PyTuple.fromArray(["ignore", null, exc.ImportWarning, null, 0n]));
  filters.push(PyTuple.fromArray(["ignore", null, exc.ResourceWarning, null, 0n]));
}
installDefaults();

/** @internal test support and the runner: the default filters back, nothing remembered. */
export function _reset(): void {
  installDefaults();
  registries.clear();
  onceregistry.clear();
  filtersVersion++;
  showwarning = defaultShowwarning;
}

function isSubclass(c: Cls, base: Cls): boolean {
  return c === base || (typeof c === "function" && c.prototype instanceof base);
}

function actionFor(text: string, category: Cls, module: string, lineno: number): string {
  for (const f of filters) {
    const [action, msg, cat, mod, ln] = f as unknown as [string, string | null, Cls, string | null, bigint];
    if (msg !== null && !pattern(msg, "i").test(text)) continue;
    if (!isSubclass(category, cat)) continue;
    if (mod !== null && !pattern(mod, "").test(module)) continue;
    if (ln !== 0n && BigInt(lineno) !== ln) continue;
    return action;
  }
  return defaultaction;
}

/** A warning as showwarning receives it and catch_warnings(record=True) keeps it. */
export class WarningMessage extends PyObject {
  declare message: unknown;
  declare category: unknown;
  declare filename: string;
  declare lineno: bigint;
  declare file: unknown;
  declare line: unknown;
  declare source: unknown;
  declare _category_name: string | null;
  __init__(message: unknown, category: unknown, filename: string, lineno: unknown, file: unknown = null, line: unknown = null, source: unknown = null): void {
    this.message = message;
    this.category = category;
    this.filename = filename;
    this.lineno = BigInt(lineno as bigint);
    this.file = file;
    this.line = line;
    this.source = source;
    this._category_name = category ? className(category as Function) : null;
  }
  __str__(): string {
    return `{message : ${repr(this.message)}, category : ${repr(this._category_name)}, filename : ${repr(this.filename)}, lineno : ${this.lineno}, line : ${repr(this.line)}}`;
  }
}
Object.defineProperty(WarningMessage, "__module__", { value: "warnings", writable: true, configurable: true });

/** `FILE:LINE: Category: text` and the source line, indented (CPython's _formatwarnmsg_impl). */
export function formatwarning(message: unknown, category: unknown, filename: string, lineno: unknown, line: unknown = null): string {
  let s = `${filename}:${lineno}: ${className(category as Function)}: ${str(message)}\n`;
  const text = line === null || line === undefined ? _source_line(filename, Number(lineno)) : String(line);
  if (text) s += `  ${text.trim()}\n`;
  return s;
}

function defaultShowwarning(message: unknown, category: unknown, filename: string, lineno: unknown, file: unknown = null, line: unknown = null): null {
  const target = file ?? stdio.stderr;
  if (target === null || target === undefined) return null;
  (target as { write(s: string): unknown }).write(formatwarning(message, category, filename, lineno, line));
  return null;
}

export let showwarning: unknown = defaultShowwarning;

/** `warnings.NAME = value` (programs replace showwarning). */
export function __setattr__(name: string, value: unknown): void {
  if (name === "showwarning") showwarning = value;
  else if (name === "defaultaction") defaultaction = String(value);
  else throw new TypeError(`cannot set warnings.${name}`);
}

/** Extra text a runtime warning appends after the source line (asyncio's tracemalloc hint). */
const trailers = new WeakMap<object, string>();
/** Runtime warnings CPython shows without a source line. */
const sourceless = new WeakSet<object>();

function show(message: BaseException, category: Cls, filename: string, lineno: number): void {
  if (showwarning === defaultShowwarning) {
    let s = formatwarning(message, category, filename, lineno, sourceless.has(message) ? "" : null);
    s += trailers.get(message) ?? "";
    (stdio.stderr as { write(s: string): unknown }).write(s);
    return;
  }
  call(showwarning, message, category, filename, BigInt(lineno));
}

export function warn_explicit(message: unknown, category: unknown, filename: string, lineno: unknown, ...rest: unknown[]): null {
  const k = popKw(rest) ?? {};
  const module = (rest[0] ?? k.module ?? module_for_file(filename)) as string;
  let cat = category as Cls;
  let msg: BaseException;
  if (message instanceof exc.Warning) {
    msg = message;
    cat = message.constructor as Cls;
  } else {
    if (cat === null || cat === undefined) cat = exc.UserWarning;
    msg = new (cat as new (m: unknown) => BaseException)(message);
  }
  const text = str(msg);
  const line = Number(lineno);
  let reg = registries.get(module);
  if (!reg || reg.version !== filtersVersion) registries.set(module, (reg = { version: filtersVersion, shown: new Set() }));
  const key = `${text}\0${className(cat)}\0${line}`;
  if (reg.shown.has(key)) return null;
  const action = actionFor(text, cat, module, line);
  if (action === "ignore") return null;
  if (action === "error") throw msg;
  if (action === "once") {
    reg.shown.add(key);
    const onceKey = PyTuple.fromArray([text, cat]);
    if (onceregistry.has(onceKey)) return null;
    onceregistry.__setitem__(onceKey, 1n);
  } else if (action === "module") {
    reg.shown.add(key);
    const modKey = `${text}\0${className(cat)}\0module`;
    if (reg.shown.has(modKey)) return null;
    reg.shown.add(modKey);
  } else if (action === "default") {
    reg.shown.add(key);
  }
  show(msg, cat, filename, line);
  return null;
}

/** `warn(message, category=UserWarning, stacklevel=1)`: attributed to the calling line (or its callers'). */
export function warn(message: unknown, ...rest: unknown[]): null {
  const k = popKw(rest) ?? {};
  let category = (rest[0] ?? k.category ?? null) as Cls | null;
  const stacklevel = Number((rest[1] ?? k.stacklevel ?? 1n) as bigint);
  if (message instanceof exc.Warning) category = message.constructor as Cls;
  if (category === null) category = exc.UserWarning;
  if (!(typeof category === "function" && isSubclass(category, exc.Warning))) {
    throw new TypeError(`category must be a Warning subclass, not '${typeName(category)}'`);
  }
  const frames = current_frames();
  const frame = frames[frames.length - Math.max(1, stacklevel)];
  if (!frame) return warn_explicit(message, category, "sys", 1n, "sys");
  return warn_explicit(message, category, frame.filename, BigInt(frame.lineno), frame.module);
}

/** Saves the filters and showwarning on enter and restores them on exit. */
export class catch_warnings extends PyObject {
  declare _record: boolean;
  declare _saved: { filters: Filter[]; showwarning: unknown } | null;
  declare _action: unknown[] | null;
  __init__(...args: unknown[]): void {
    const k = popKw(args) ?? {};
    if (args.length) throw new TypeError("catch_warnings() takes keyword arguments only");
    this._record = truthy(k.record ?? false);
    this._saved = null;
    this._action = k.action !== undefined && k.action !== null ? [k.action, k.category ?? exc.Warning, k.lineno ?? 0n, k.append ?? false] : null;
  }
  __enter__(): PyList<WarningMessage> | null {
    if (this._saved) throw new exc.RuntimeError(`Cannot enter ${repr(this)} twice`);
    this._saved = { filters: [...filters], showwarning };
    filtersVersion++;
    if (this._action) simplefilter(this._action[0], ...this._action.slice(1));
    if (!this._record) return null;
    const log = new PyList<WarningMessage>();
    showwarning = (message: unknown, category: unknown, filename: string, lineno: unknown) => {
      log.push(new WarningMessage(message, category, filename, lineno));
      return null;
    };
    return log;
  }
  __exit__(..._exc: unknown[]): null {
    if (!this._saved) throw new exc.RuntimeError(`Cannot exit ${repr(this)} without entering first`);
    filters.length = 0;
    filters.push(...this._saved.filters);
    showwarning = this._saved.showwarning;
    this._saved = null;
    filtersVersion++;
    return null;
  }
  __repr__(): string {
    return this._record ? "catch_warnings(record=True)" : "catch_warnings()";
  }
}
Object.defineProperty(catch_warnings, "__module__", { value: "warnings", writable: true, configurable: true });

// The runtime's own warnings: category by name, the trailer kept with the message for show().
_set_warning_router((filename, lineno, message, categoryName, trailer, withSource) => {
  const cat = (exc as unknown as Record<string, Cls>)[categoryName] ?? exc.Warning;
  const msg = new (cat as new (m: unknown) => BaseException)(message);
  if (trailer) trailers.set(msg, trailer);
  if (!withSource) sourceless.add(msg);
  warn_explicit(msg, cat, filename, BigInt(lineno), module_for_file(filename));
});
