// inspect.signature(), Signature, Parameter and BoundArguments: a def's parameters as CPython 3.12
// shows them (str `(a, b=2, *args, c, d: int = 3, **kw) -> int`, kinds, defaults, annotations) and
// bind()/bind_partial() with its TypeErrors. A function of the program carries what the compiler
// recorded (builtins/signature-info.ts); methods bound to an instance or a class leave out their
// first parameter; `__wrapped__` (functools.wraps) and `__signature__` are followed as CPython does.
import { TypeError, ValueError } from "../builtins/exceptions.js";
import { PyDict, PyTuple } from "../builtins/collections.js";
import { KwArgs, PyObject, popKw } from "../builtins/object.js";
import { eq, getattr, hasattr, truthy } from "../builtins/ops.js";
import { repr } from "../builtins/repr.js";
import { isClass } from "../builtins/repr.js";
import { signature_info } from "../builtins/signature-info.js";
import { MappingProxyType } from "../builtins/mappingproxy.js";
import { GenericAlias } from "./_type_alias.js";
import { OrderedDict } from "./collections.js";
import { IntEnum, _module_enum } from "./enum.js";

/** `inspect._empty` (`Parameter.empty`, `Signature.empty`): no default, no annotation. */
export class _empty {
  static __module__ = "inspect";
}

type Kind = IntEnum & { name: string; value: bigint; description: string };
let kinds: Kind[] | null = null;
/** The five kinds, an IntEnum made when first asked for (str() of one is its name). */
function kindMembers(): Kind[] {
  if (kinds === null) {
    const descriptions = ["positional-only", "positional or keyword", "variadic positional", "keyword-only", "variadic keyword"];
    const names = ["POSITIONAL_ONLY", "POSITIONAL_OR_KEYWORD", "VAR_POSITIONAL", "KEYWORD_ONLY", "VAR_KEYWORD"];
    const cls = _module_enum(
      IntEnum,
      "inspect",
      "_ParameterKind",
      names.map((n, i): [string, number] => [n, i]),
    );
    Object.defineProperty(cls.prototype, "__str__", {
      value(this: Kind) {
        return this.name;
      },
      configurable: true,
      writable: true,
    });
    kinds = names.map((n) => getattr(cls, n) as Kind);
    kinds.forEach((k, i) => Object.defineProperty(k, "description", { value: descriptions[i], configurable: true }));
  }
  return kinds;
}
const kindNumber = (kind: unknown): number => Number((kind as Kind).value);

/** The name a class or a typing object has in a signature's text (inspect.formatannotation). */
export function formatannotation(annotation: unknown): string {
  const typing =
    annotation !== null &&
    annotation !== undefined &&
    (getattr(annotation, "__module__", null) === "typing" || (typeof annotation === "object" && repr(annotation).startsWith("typing.")));
  if (typing) return repr(annotation).replace(/[\w.]+/g, (t) => (t.startsWith("typing.") ? t.slice(7) : t));
  if (annotation instanceof GenericAlias) return String((annotation as { __str__?: () => string }).__str__?.() ?? repr(annotation));
  if (typeof annotation === "function" && isClass(annotation)) {
    const module = getattr(annotation, "__module__", "builtins") as string;
    const qualname = getattr(annotation, "__qualname__", annotation.name) as string;
    return module === "builtins" ? qualname : `${module}.${qualname}`;
  }
  return repr(annotation);
}

export class Parameter extends PyObject {
  declare _name: string;
  declare _kind: Kind;
  declare _default: unknown;
  declare _annotation: unknown;
  static empty = _empty;
  static get POSITIONAL_ONLY(): Kind {
    return kindMembers()[0];
  }
  static get POSITIONAL_OR_KEYWORD(): Kind {
    return kindMembers()[1];
  }
  static get VAR_POSITIONAL(): Kind {
    return kindMembers()[2];
  }
  static get KEYWORD_ONLY(): Kind {
    return kindMembers()[3];
  }
  static get VAR_KEYWORD(): Kind {
    return kindMembers()[4];
  }
  // (the same through an instance: `param.kind == param.VAR_POSITIONAL`, `param.default is param.empty`)
  get empty(): typeof _empty {
    return _empty;
  }
  get POSITIONAL_ONLY(): Kind {
    return kindMembers()[0];
  }
  get POSITIONAL_OR_KEYWORD(): Kind {
    return kindMembers()[1];
  }
  get VAR_POSITIONAL(): Kind {
    return kindMembers()[2];
  }
  get KEYWORD_ONLY(): Kind {
    return kindMembers()[3];
  }
  get VAR_KEYWORD(): Kind {
    return kindMembers()[4];
  }
  __init__(...args: unknown[]): void {
    const k = popKw(args) ?? {};
    const name = args[0] ?? k.name;
    const kind = args[1] ?? k.kind;
    if (typeof name !== "string") throw new TypeError(`name must be a str, not a ${typeof name === "bigint" ? "int" : typeof name}`);
    const n = typeof kind === "bigint" ? Number(kind) : kind === undefined ? -1 : kindNumber(kind);
    if (!(n >= 0 && n <= 4)) throw new ValueError(`value ${repr(kind)} is not a valid Parameter.kind`);
    this._name = name;
    this._kind = kindMembers()[n];
    this._default = "default" in k ? k.default : _empty;
    this._annotation = "annotation" in k ? k.annotation : _empty;
    if (this._default !== _empty && (n === 2 || n === 4)) throw new ValueError(`${this._kind.description} parameters cannot have default values`);
  }
  get name(): string {
    return this._name;
  }
  get kind(): Kind {
    return this._kind;
  }
  get default(): unknown {
    return this._default;
  }
  get annotation(): unknown {
    return this._annotation;
  }
  /** A copy with the given fields changed. */
  replace(...args: unknown[]): Parameter {
    const k = popKw(args) ?? {};
    return new Parameter(
      k.name ?? this._name,
      k.kind ?? this._kind,
      new KwArgs({ default: "default" in k ? k.default : this._default, annotation: "annotation" in k ? k.annotation : this._annotation }),
    );
  }
  __str__(): string {
    let text = this._name;
    const annotated = this._annotation !== _empty;
    if (annotated) text += `: ${formatannotation(this._annotation)}`;
    if (this._default !== _empty) text += annotated ? ` = ${repr(this._default)}` : `=${repr(this._default)}`;
    const kind = kindNumber(this._kind);
    return kind === 2 ? `*${text}` : kind === 4 ? `**${text}` : text;
  }
  __repr__(): string {
    return `<Parameter "${this.__str__()}">`;
  }
  __eq__(other: unknown): unknown {
    if (this === other) return true;
    if (!(other instanceof Parameter)) return false;
    return (
      this._name === other._name && this._kind === other._kind && truthy(eq(this._default, other._default)) && truthy(eq(this._annotation, other._annotation))
    );
  }
  static __module__ = "inspect";
}

export class Signature extends PyObject {
  declare _parameters: Parameter[];
  declare _return_annotation: unknown;
  static empty = _empty;
  get empty(): typeof _empty {
    return _empty;
  }
  __init__(...args: unknown[]): void {
    const k = popKw(args) ?? {};
    const params = args[0] ?? k.parameters ?? null;
    this._parameters = params === null ? [] : (Array.from(params as Iterable<unknown>) as Parameter[]);
    this._return_annotation = args.length > 1 ? args[1] : "return_annotation" in k ? k.return_annotation : _empty;
    const seen = new Set<string>();
    let last = 0;
    for (const p of this._parameters) {
      const kind = kindNumber(p._kind);
      if (kind < last) throw new ValueError(`wrong parameter order: ${kindMembers()[last].description} parameter before ${p._kind.description} parameter`);
      last = kind;
      if (seen.has(p._name)) throw new ValueError(`duplicate parameter name: ${repr(p._name)}`);
      seen.add(p._name);
    }
  }
  static from_callable(obj: unknown, ...rest: unknown[]): Signature {
    const k = popKw(rest) ?? {};
    return signature(obj, new KwArgs(k));
  }
  get parameters(): MappingProxyType {
    const ordered = new OrderedDict<string, Parameter>();
    for (const p of this._parameters) ordered.__setitem__(p._name, p);
    return new MappingProxyType(ordered as unknown as PyDict<unknown, unknown>);
  }
  get return_annotation(): unknown {
    return this._return_annotation;
  }
  replace(...args: unknown[]): Signature {
    const k = popKw(args) ?? {};
    const params = "parameters" in k ? k.parameters : this._parameters;
    return new Signature(params, new KwArgs({ return_annotation: "return_annotation" in k ? k.return_annotation : this._return_annotation }));
  }
  bind(...args: unknown[]): BoundArguments {
    const k = popKw(args) ?? {};
    return bindArguments(this, args, k, false);
  }
  bind_partial(...args: unknown[]): BoundArguments {
    const k = popKw(args) ?? {};
    return bindArguments(this, args, k, true);
  }
  __str__(): string {
    const parts: string[] = [];
    let slashPending = false;
    let starPending = true;
    for (const p of this._parameters) {
      const kind = kindNumber(p._kind);
      if (kind === 0) slashPending = true;
      else if (slashPending) {
        parts.push("/");
        slashPending = false;
      }
      if (kind === 2) starPending = false;
      else if (kind === 3 && starPending) {
        parts.push("*");
        starPending = false;
      }
      parts.push(p.__str__());
    }
    if (slashPending) parts.push("/");
    const text = `(${parts.join(", ")})`;
    return this._return_annotation === _empty ? text : `${text} -> ${formatannotation(this._return_annotation)}`;
  }
  __repr__(): string {
    return `<Signature ${this.__str__()}>`;
  }
  __eq__(other: unknown): unknown {
    if (this === other) return true;
    if (!(other instanceof Signature)) return false;
    return (
      truthy(eq(this._return_annotation, other._return_annotation)) &&
      this._parameters.length === other._parameters.length &&
      this._parameters.every((p, i) => truthy(p.__eq__(other._parameters[i])))
    );
  }
  static __module__ = "inspect";
}

export class BoundArguments extends PyObject {
  declare arguments: PyDict<string, unknown>;
  declare _signature: Signature;
  __init__(sig: unknown, args: unknown): void {
    this._signature = sig as Signature;
    this.arguments = args as PyDict<string, unknown>;
  }
  get signature(): Signature {
    return this._signature;
  }
  /** The values that go in positionally: up to the first that is keyword-only or not bound. */
  get args(): PyTuple<unknown> {
    const out: unknown[] = [];
    for (const p of this._signature._parameters) {
      const kind = kindNumber(p._kind);
      if (kind >= 3 || !this.arguments.has(p._name)) break;
      const v = this.arguments.get(p._name);
      if (kind === 2) out.push(...(v as Iterable<unknown>));
      else out.push(v);
    }
    return PyTuple.fromArray(out);
  }
  /** The values that go in by keyword: from the first parameter that cannot be passed positionally on. */
  get kwargs(): PyDict<string, unknown> {
    const out = new PyDict<string, unknown>();
    let started = false;
    for (const p of this._signature._parameters) {
      const kind = kindNumber(p._kind);
      if (!started) {
        if (kind >= 3) started = true;
        else if (!this.arguments.has(p._name)) {
          started = true;
          continue;
        } else continue;
      }
      if (!this.arguments.has(p._name)) continue;
      const v = this.arguments.get(p._name);
      if (kind === 4) for (const [key, value] of (v as PyDict<string, unknown>).entries()) out.__setitem__(key, value);
      else out.__setitem__(p._name, v);
    }
    return out;
  }
  /** Sets the parameters left unbound to their defaults (`*args` to (), `**kwargs` to {}). */
  apply_defaults(): null {
    const entries: [string, unknown][] = [];
    for (const p of this._signature._parameters) {
      const kind = kindNumber(p._kind);
      if (this.arguments.has(p._name)) entries.push([p._name, this.arguments.get(p._name)]);
      else if (p._default !== _empty) entries.push([p._name, p._default]);
      else if (kind === 2) entries.push([p._name, PyTuple.fromArray([])]);
      else if (kind === 4) entries.push([p._name, new PyDict()]);
    }
    this.arguments = PyDict.fromEntries(entries);
    return null;
  }
  __repr__(): string {
    const items = [...this.arguments.entries()].map(([k, v]) => `${k}=${repr(v)}`);
    return `<BoundArguments (${items.join(", ")})>`;
  }
  __eq__(other: unknown): unknown {
    if (!(other instanceof BoundArguments)) return false;
    return truthy(this._signature.__eq__(other._signature)) && truthy(eq(this.arguments, other.arguments));
  }
  static __module__ = "inspect";
}

/** Signature.bind: CPython's matching of positional and keyword arguments to the parameters. */
function bindArguments(sig: Signature, args: unknown[], kwargs: Record<string, unknown>, partial: boolean): BoundArguments {
  const bound = new PyDict<string, unknown>();
  const given = new Map(Object.entries(kwargs));
  const params = sig._parameters;
  const missing = (p: Parameter) => new TypeError(`missing a required${kindNumber(p._kind) === 3 ? " keyword-only" : ""} argument: ${repr(p._name)}`);
  let i = 0;
  let argIndex = 0;
  // Positional arguments fill the parameters in order.
  for (; argIndex < args.length; i++) {
    const p = params[i];
    if (p === undefined) throw new TypeError("too many positional arguments");
    const kind = kindNumber(p._kind);
    if (kind === 3 || kind === 4) throw new TypeError("too many positional arguments");
    if (kind === 2) {
      bound.__setitem__(p._name, PyTuple.fromArray(args.slice(argIndex)));
      argIndex = args.length;
      i++;
      break;
    }
    if (given.has(p._name) && kind !== 0) throw new TypeError(`multiple values for argument ${repr(p._name)}`);
    bound.__setitem__(p._name, args[argIndex++]);
  }
  // The others by keyword, or their defaults.
  let kwargsParam: Parameter | null = null;
  for (const p of params.slice(i)) {
    const kind = kindNumber(p._kind);
    if (kind === 4) {
      kwargsParam = p;
      continue;
    }
    if (kind === 2) continue;
    if (given.has(p._name)) {
      if (kind === 0) throw new TypeError(`${repr(p._name)} parameter is positional only, but was passed as a keyword`);
      bound.__setitem__(p._name, given.get(p._name));
      given.delete(p._name);
    } else if (!partial && p._default === _empty) throw missing(p);
  }
  if (given.size) {
    if (kwargsParam === null) throw new TypeError(`got an unexpected keyword argument ${repr([...given.keys()][0])}`);
    bound.__setitem__(kwargsParam._name, PyDict.fromEntries([...given.entries()]));
  }
  return new BoundArguments(sig, bound);
}

/** The Signature of a function the compiler described, less its first `skip` parameters. */
function fromInfo(f: Function, skip: number): Signature | null {
  const info = signature_info(f);
  if (info === undefined) return null;
  const members = kindMembers();
  const params = info.p.slice(skip).map((p) => {
    const kw: Record<string, unknown> = {};
    if ("d" in p) kw.default = p.d;
    if ("a" in p) kw.annotation = p.a;
    return new Parameter(p.n, members[p.k], new KwArgs(kw));
  });
  return new Signature(params, new KwArgs("r" in info ? { return_annotation: info.r } : {}));
}

/** `inspect.signature(obj, *, follow_wrapped=True)`. */
export function signature(obj: unknown, ...rest: unknown[]): Signature {
  const k = popKw(rest) ?? {};
  const followWrapped = truthy(k.follow_wrapped ?? true);
  return signatureOf(obj, followWrapped, 0);
}

function signatureOf(obj: unknown, followWrapped: boolean, skip: number): Signature {
  const callable = typeof obj === "function" || (obj !== null && typeof obj === "object" && hasattr(obj, "__call__"));
  if (!callable) throw new TypeError(`${repr(obj)} is not a callable object`);
  // A bound method: its function's parameters without the first (self, or cls).
  const method = obj as { __func__?: unknown; __self__?: unknown };
  if (typeof obj === "function" && typeof method.__func__ === "function" && method.__self__ !== undefined)
    return signatureOf(method.__func__, followWrapped, skip + 1);
  const own = typeof obj === "function" ? (obj as { __signature__?: unknown }).__signature__ : undefined;
  if (own !== undefined && own !== null) {
    if (!(own instanceof Signature)) throw new TypeError(`unexpected object ${repr(own)} in __signature__ attribute`);
    return skip ? own.replace(new KwArgs({ parameters: own._parameters.slice(skip) })) : own;
  }
  if (typeof obj === "function" && followWrapped) {
    const wrapped = (obj as { __wrapped__?: unknown }).__wrapped__;
    if (wrapped !== undefined && wrapped !== null) return signatureOf(wrapped, followWrapped, skip);
  }
  if (typeof obj === "function" && isClass(obj)) {
    // A class: its __init__'s parameters without self (none when neither it nor a base defines one).
    const init = (obj.prototype as { __init__?: unknown }).__init__;
    if (typeof init === "function" && signature_info(init) !== undefined) return signatureOf(init, followWrapped, skip + 1);
    const viewed = getattr(obj, "__init__", null);
    if (typeof viewed === "function" && signature_info(viewed) !== undefined) return signatureOf(viewed, followWrapped, skip + 1);
    if (typeof init === "function" && init === (PyObject.prototype as { __init__?: unknown }).__init__) return new Signature();
  }
  if (typeof obj === "function") {
    const made = fromInfo(obj, skip);
    if (made !== null) return made;
  } else {
    // An instance with __call__: that method, bound.
    const call = getattr(obj, "__call__", null);
    if (typeof call === "function") return signatureOf(call, followWrapped, skip);
  }
  const builtin = typeof obj === "function" && (obj as { __builtin__?: boolean }).__builtin__ === true;
  throw new ValueError(`no signature found for ${builtin ? "builtin " : ""}${repr(obj)}`);
}
