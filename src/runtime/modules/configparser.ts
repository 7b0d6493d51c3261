// configparser: INI files. RawConfigParser / ConfigParser read sections of `key = value` lines
// (strings, files, dicts), give values back raw, interpolated (%(name)s, or ${section:name} with
// ExtendedInterpolation) or converted (getint, getfloat, getboolean, a converter's getX), and
// write them out; both are mappings of section proxies. Behaviour and messages follow CPython
// 3.12's documentation and results.
import { PyDict, PyList, PyTuple } from "../builtins/collections.js";
import { KwArgs, popKw } from "../builtins/object.js";
import { AttributeError, Exception, KeyError, NotImplementedError, OSError, TypeError, ValueError } from "../builtins/exceptions.js";
import { bindArgs } from "../builtins/hostfs.js";
import { call, getattr, setattr, hasattr } from "../builtins/ops.js";
import { toIterable, truthy } from "../builtins/protocol.js";
import { float, int, isinstance, str } from "../builtins/functions.js";
import { repr } from "../builtins/repr.js";
import { open } from "../builtins/io.js";
import { MutableMapping } from "./collections_abc.js";
import { update_abstractmethods } from "./abc.js";
import { markUnsupported } from "../unsupported.js";

export const DEFAULTSECT = "DEFAULT";
export const MAX_INTERPOLATION_DEPTH = 10n;

/** `%2d` of a line number. */
const pad2 = (n: unknown) => String(n).padStart(2, " ");

// ───────────── errors ─────────────

export class Error extends Exception {
  declare message: string;
  __init__(msg: unknown = ""): void {
    this.message = msg as string;
    this.args = PyTuple.of<unknown>(msg);
  }
  __repr__(): string {
    return this.message;
  }
  __str__(): string {
    return this.message;
  }
  static __module__ = "configparser";
}

export class NoSectionError extends Error {
  declare section: unknown;
  __init__(section?: unknown): void {
    super.__init__(`No section: ${repr(section)}`);
    this.section = section;
    this.args = PyTuple.of<unknown>(section);
  }
}

/** "While reading from 'f' [line  3]: " before what a duplicate names, when its source is known. */
function whileReading(what: string, msg: string, source: unknown, lineno: unknown): string {
  if (source === null || source === undefined) return `${what} ${msg}`;
  const at = lineno === null || lineno === undefined ? "" : ` [line ${pad2(lineno)}]`;
  return `While reading from ${repr(source)}${at}: ${what.toLowerCase()} ${msg}`;
}

export class DuplicateSectionError extends Error {
  declare section: unknown;
  declare source: unknown;
  declare lineno: unknown;
  __init__(section?: unknown, source: unknown = null, lineno: unknown = null): void {
    super.__init__(whileReading("Section", `${repr(section)} already exists`, source, lineno));
    Object.assign(this, { section, source, lineno });
    this.args = PyTuple.of<unknown>(section, source, lineno);
  }
}

export class DuplicateOptionError extends Error {
  declare section: unknown;
  declare option: unknown;
  declare source: unknown;
  declare lineno: unknown;
  __init__(section?: unknown, option?: unknown, source: unknown = null, lineno: unknown = null): void {
    super.__init__(whileReading("Option", `${repr(option)} in section ${repr(section)} already exists`, source, lineno));
    Object.assign(this, { section, option, source, lineno });
    this.args = PyTuple.of<unknown>(section, option, source, lineno);
  }
}

export class NoOptionError extends Error {
  declare option: unknown;
  declare section: unknown;
  __init__(option?: unknown, section?: unknown): void {
    super.__init__(`No option ${repr(option)} in section: ${repr(section)}`);
    Object.assign(this, { option, section });
    this.args = PyTuple.of<unknown>(option, section);
  }
}

export class InterpolationError extends Error {
  declare option: unknown;
  declare section: unknown;
  __init__(option?: unknown, section?: unknown, msg?: unknown): void {
    super.__init__(msg);
    Object.assign(this, { option, section });
    this.args = PyTuple.of<unknown>(option, section, msg);
  }
}

export class InterpolationMissingOptionError extends InterpolationError {
  declare reference: unknown;
  __init__(option?: unknown, section?: unknown, rawval?: unknown, reference?: unknown): void {
    super.__init__(
      option,
      section,
      `Bad value substitution: option ${repr(option)} in section ${repr(section)} contains an interpolation key ${repr(reference)} which is not a valid option name. Raw value: ${repr(rawval)}`,
    );
    this.reference = reference;
    this.args = PyTuple.of<unknown>(option, section, rawval, reference);
  }
}

export class InterpolationSyntaxError extends InterpolationError {}

export class InterpolationDepthError extends InterpolationError {
  __init__(option?: unknown, section?: unknown, rawval?: unknown): void {
    super.__init__(
      option,
      section,
      `Recursion limit exceeded in value substitution: option ${repr(option)} in section ${repr(section)} contains an interpolation key which cannot be substituted in ${MAX_INTERPOLATION_DEPTH} steps. Raw value: ${repr(rawval)}`,
    );
    this.args = PyTuple.of<unknown>(option, section, rawval);
  }
}

export class ParsingError extends Error {
  declare source: unknown;
  declare errors: PyList<unknown>;
  __init__(source?: unknown): void {
    super.__init__(`Source contains parsing errors: ${repr(source)}`);
    this.source = source;
    this.errors = new PyList<unknown>();
    this.args = PyTuple.of<unknown>(source);
  }
  append(lineno: unknown, line: unknown): null {
    this.errors.append(PyTuple.of<unknown>(lineno, line));
    this.message += `\n\t[line ${pad2(lineno)}]: ${str(line)}`;
    return null;
  }
}

export class MissingSectionHeaderError extends ParsingError {
  declare lineno: unknown;
  declare line: unknown;
  __init__(filename?: unknown, lineno?: unknown, line?: unknown): void {
    Error.prototype.__init__.call(this, `File contains no section headers.\nfile: ${repr(filename)}, line: ${lineno}\n${repr(line)}`);
    Object.assign(this, { source: filename, lineno, line });
    this.args = PyTuple.of<unknown>(filename, lineno, line);
  }
}

// ───────────── interpolation ─────────────

/** Reads a mapping's value as Python's `map[key]` does (a PyDict, or any object with __getitem__). */
const lookup = (map: any, key: string): any => (map instanceof PyDict ? map.__getitem__(key) : call(getattr(map, "__getitem__"), key));

/** Interpolation: values pass through unchanged. */
export class Interpolation {
  before_get(_parser: unknown, _section: unknown, _option: unknown, value: unknown, _defaults: unknown): unknown {
    return value;
  }
  before_set(_parser: unknown, _section: unknown, _option: unknown, value: unknown): unknown {
    return value;
  }
  before_read(_parser: unknown, _section: unknown, _option: unknown, value: unknown): unknown {
    return value;
  }
  before_write(_parser: unknown, _section: unknown, _option: unknown, value: unknown): unknown {
    return value;
  }
  static __module__ = "configparser";
}

/** What tells the two interpolation syntaxes apart: the sign, and how a reference reads. */
interface Syntax {
  sign: string;
  open: string;
  /** A reference at the text's start: its name and length. */
  reference: RegExp;
}

/** Expands the references of VALUE into ACCUM (a value with the sign in it is expanded in turn). */
function expand(
  syntax: Syntax,
  resolve: (name: string, section: unknown, option: unknown) => { value: string; section: unknown; option: unknown; map: any },
  parser: any,
  option: unknown,
  accum: string[],
  rest: string,
  section: unknown,
  map: any,
  depth: number,
): void {
  const rawval = call(getattr(parser, "get"), section, option, new KwArgs({ raw: true, fallback: rest }));
  if (depth > Number(MAX_INTERPOLATION_DEPTH)) throw new InterpolationDepthError(option, section, rawval);
  while (rest) {
    const p = rest.indexOf(syntax.sign);
    if (p < 0) {
      accum.push(rest);
      return;
    }
    if (p > 0) {
      accum.push(rest.slice(0, p));
      rest = rest.slice(p);
    }
    const c = rest.slice(1, 2);
    if (c === syntax.sign) {
      accum.push(syntax.sign);
      rest = rest.slice(2);
    } else if (c === syntax.open) {
      const m = syntax.reference.exec(rest);
      if (m === null) throw new InterpolationSyntaxError(option, section, `bad interpolation variable reference ${repr(rest)}`);
      rest = rest.slice(m[0].length);
      const found = resolve.call({ rest, rawval, map }, m[1], section, option);
      if (found.value.includes(syntax.sign)) expand(syntax, resolve, parser, found.option, accum, found.value, found.section, found.map, depth + 1);
      else accum.push(found.value);
    } else {
      const what = syntax.sign === "%" ? "'%' must be followed by '%' or '('" : "'$' must be followed by '$' or '{'";
      throw new InterpolationSyntaxError(option, section, `${what}, found: ${repr(rest)}`);
    }
  }
}

/** before_set's check: the value's signs are all escaped or references. */
function checkSyntax(value: unknown, sign: string, reference: RegExp): unknown {
  const s = String(value);
  const left = s
    .split(sign + sign)
    .join("")
    .replace(new RegExp(reference.source.slice(1), "g"), "");
  const at = left.indexOf(sign);
  if (at >= 0) throw new ValueError(`invalid interpolation syntax in ${repr(value)} at position ${at}`);
  return value;
}

const PERCENT: Syntax = { sign: "%", open: "(", reference: /^%\(([^)]+)\)s/ };
const DOLLAR: Syntax = { sign: "$", open: "{", reference: /^\$\{([^}]+)\}/ };

/** BasicInterpolation: `%(name)s` names an option of the same section (or DEFAULT); `%%` is a %. */
export class BasicInterpolation extends Interpolation {
  before_get(parser: any, section: unknown, option: unknown, value: unknown, defaults: unknown): unknown {
    const accum: string[] = [];
    const resolve = function (this: { rawval: unknown; map: any }, name: string, sect: unknown, opt: unknown) {
      const key = String(call(getattr(parser, "optionxform"), name));
      let v: any;
      try {
        v = lookup(this.map, key);
      } catch (e) {
        if (e instanceof KeyError) throw new InterpolationMissingOptionError(option, section, this.rawval, key);
        throw e;
      }
      return { value: v, section: sect, option: opt, map: this.map };
    };
    expand(PERCENT, resolve, parser, option, accum, value === null || value === undefined ? "" : String(value), section, defaults, 1);
    return accum.join("");
  }
  before_set(_parser: unknown, _section: unknown, _option: unknown, value: unknown): unknown {
    return checkSyntax(value, "%", PERCENT.reference);
  }
}

/** ExtendedInterpolation: `${name}` in the same section, `${section:name}` in another; `$$` is a $. */
export class ExtendedInterpolation extends Interpolation {
  before_get(parser: any, section: unknown, option: unknown, value: unknown, defaults: unknown): unknown {
    const accum: string[] = [];
    const resolve = function (this: { rest: string; rawval: unknown; map: any }, name: string, sect: unknown, opt: unknown) {
      const path = name.split(":");
      try {
        if (path.length === 1) {
          opt = call(getattr(parser, "optionxform"), path[0]);
          return { value: lookup(this.map, String(opt)), section: sect, option: opt, map: this.map };
        }
        if (path.length === 2) {
          sect = path[0];
          opt = call(getattr(parser, "optionxform"), path[1]);
          const v = call(getattr(parser, "get"), sect, opt, new KwArgs({ raw: true }));
          const items = call(getattr(parser, "items"), sect, new KwArgs({ raw: true }));
          return { value: v, section: sect, option: opt, map: new PyDict(items as never) };
        }
        throw new InterpolationSyntaxError(option, section, `More than one ':' found: ${repr(this.rest)}`);
      } catch (e) {
        if (e instanceof KeyError || e instanceof NoSectionError || e instanceof NoOptionError) {
          throw new InterpolationMissingOptionError(option, section, this.rawval, path.join(":"));
        }
        throw e;
      }
    };
    expand(DOLLAR, resolve, parser, option, accum, value === null || value === undefined ? "" : String(value), section, defaults, 1);
    return accum.join("");
  }
  before_set(_parser: unknown, _section: unknown, _option: unknown, value: unknown): unknown {
    return checkSyntax(value, "$", DOLLAR.reference);
  }
}

/** LegacyInterpolation: deprecated since 3.2 and removed in 3.13; not provided (TSY3005). */
export class LegacyInterpolation extends Interpolation {
  constructor() {
    super();
    throw new NotImplementedError("configparser.LegacyInterpolation is not supported by tsyncio: use BasicInterpolation");
  }
}
markUnsupported(LegacyInterpolation, "LegacyInterpolation, deprecated since Python 3.2 (BasicInterpolation is its replacement)");

for (const cls of [
  Error,
  NoSectionError,
  DuplicateSectionError,
  DuplicateOptionError,
  NoOptionError,
  InterpolationError,
  InterpolationMissingOptionError,
  InterpolationSyntaxError,
  InterpolationDepthError,
  ParsingError,
  MissingSectionHeaderError,
  Interpolation,
  BasicInterpolation,
  ExtendedInterpolation,
  LegacyInterpolation,
]) {
  Object.defineProperty(cls, "__module__", { value: "configparser", writable: true, configurable: true });
}

// ───────────── parsers ─────────────

/** `fallback` not given. */
const UNSET = Symbol("unset");

type Section = PyDict<string, unknown>;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const BOOLEAN_STATES = () =>
  PyDict.fromEntries<string, boolean>([
    ["1", true],
    ["yes", true],
    ["true", true],
    ["on", true],
    ["0", false],
    ["no", false],
    ["false", false],
    ["off", false],
  ]);

/** A parser's getX methods take the option's keywords after the section and option. */
const GET_NAMES = ["section", "option"];

export class RawConfigParser extends MutableMapping {
  declare _sections: PyDict<string, Section>;
  declare _defaults: Section;
  declare _proxies: PyDict<string, SectionProxy>;
  declare _converters: ConverterMapping;
  declare _delimiters: PyTuple<string>;
  declare _optcre: RegExp;
  declare _comment_prefixes: string[];
  declare _inline_comment_prefixes: string[];
  declare _strict: boolean;
  declare _allow_no_value: boolean;
  declare _empty_lines_in_values: boolean;
  declare _interpolation: any;
  declare default_section: string;
  static BOOLEAN_STATES = BOOLEAN_STATES();
  static _DEFAULT_INTERPOLATION: Interpolation = new Interpolation();

  __init__(...args: unknown[]): null {
    const a = bindArgs(
      `${this.constructor.name}.__init__`,
      args,
      [
        "defaults",
        "dict_type",
        "allow_no_value",
        "delimiters",
        "comment_prefixes",
        "inline_comment_prefixes",
        "strict",
        "empty_lines_in_values",
        "default_section",
        "interpolation",
        "converters",
      ],
      {
        defaults: null,
        dict_type: null,
        allow_no_value: false,
        delimiters: PyTuple.of("=", ":"),
        comment_prefixes: PyTuple.of("#", ";"),
        inline_comment_prefixes: null,
        strict: true,
        empty_lines_in_values: true,
        default_section: DEFAULTSECT,
        interpolation: UNSET,
        converters: UNSET,
      },
    );
    this._sections = new PyDict();
    this._defaults = new PyDict();
    this._converters = new ConverterMapping(this);
    this._proxies = new PyDict();
    const defaultSection = String(a.default_section);
    this._proxies.__setitem__(defaultSection, new SectionProxy(this, defaultSection));
    this._delimiters = PyTuple.fromIterable<string>(a.delimiters);
    const delim = [...this._delimiters].map((d) => escapeRe(String(d))).join("|");
    const valueless = truthy(a.allow_no_value);
    this._optcre = valueless ? new RegExp(`^(.*?)\\s*(?:(${delim})\\s*(.*))?$`, "s") : new RegExp(`^(.*?)\\s*(${delim})\\s*(.*)$`, "s");
    const prefixes = (p: unknown) => (truthy(p) ? [...toIterable(p)].map(String) : []);
    this._comment_prefixes = prefixes(a.comment_prefixes);
    this._inline_comment_prefixes = prefixes(a.inline_comment_prefixes);
    this._strict = truthy(a.strict);
    this._allow_no_value = valueless;
    this._empty_lines_in_values = truthy(a.empty_lines_in_values);
    this.default_section = defaultSection;
    let interpolation = a.interpolation;
    if (interpolation === UNSET) interpolation = (this.constructor as typeof RawConfigParser)._DEFAULT_INTERPOLATION;
    if (interpolation === null || interpolation === undefined) interpolation = new Interpolation();
    if (!isinstance(interpolation, Interpolation)) {
      throw new TypeError(
        `interpolation= must be None or an instance of Interpolation; got an object of type ${repr(call(getattr(interpolation, "__class__")))}`,
      );
    }
    this._interpolation = interpolation;
    if (a.converters !== UNSET) this._converters.update(a.converters);
    if (truthy(a.defaults)) this.self()._read_defaults(a.defaults);
    return null;
  }

  /** The methods as the program's subclass (or an instance attribute: `optionxform = str`) may define them. */
  protected self(): any {
    return this;
  }
  private xform(option: unknown): string {
    return call(getattr(this, "optionxform"), option) as string;
  }

  defaults(): Section {
    return this._defaults;
  }
  sections(): PyList<string> {
    return PyList.fromArray([...this._sections.keys()] as string[]);
  }
  add_section(section: unknown): null {
    if (section === this.default_section) throw new ValueError(`Invalid section name: ${repr(section)}`);
    if (this._sections.__contains__(section)) throw new DuplicateSectionError(section);
    this._sections.__setitem__(section as string, new PyDict());
    this._proxies.__setitem__(section as string, new SectionProxy(this, section as string));
    return null;
  }
  has_section(section: unknown): boolean {
    return this._sections.__contains__(section);
  }
  options(section: unknown): PyList<string> {
    if (!this._sections.__contains__(section)) throw new NoSectionError(section);
    const opts = this._sections.__getitem__(section as string).copy();
    opts.update(this._defaults);
    return PyList.fromArray([...opts.keys()] as string[]);
  }

  read(...args: unknown[]): PyList<unknown> {
    const a = bindArgs("read", args, ["filenames", "encoding"], { encoding: null });
    let filenames = a.filenames;
    if (typeof filenames === "string" || hasattr(filenames, "__fspath__")) filenames = [filenames];
    const ok = new PyList<unknown>();
    for (let filename of toIterable(filenames)) {
      let fp: any;
      try {
        fp = open(filename, "r", new KwArgs({ encoding: a.encoding }));
      } catch (e) {
        if (e instanceof OSError) continue;
        throw e;
      }
      try {
        this.self()._read(fp, filename);
      } finally {
        call(getattr(fp, "close"));
      }
      if (typeof filename !== "string" && hasattr(filename, "__fspath__")) filename = call(getattr(filename, "__fspath__"));
      ok.append(filename);
    }
    return ok;
  }
  read_file(...args: unknown[]): null {
    const a = bindArgs("read_file", args, ["f", "source"], { source: null });
    let source = a.source;
    if (source === null || source === undefined) source = hasattr(a.f, "name") ? getattr(a.f, "name") : "<???>";
    this.self()._read(a.f, source);
    return null;
  }
  read_string(...args: unknown[]): null {
    const a = bindArgs("read_string", args, ["string", "source"], { source: "<string>" });
    const text = String(a.string);
    const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
    this.self().read_file(PyList.fromArray(lines), a.source);
    return null;
  }
  read_dict(...args: unknown[]): null {
    const a = bindArgs("read_dict", args, ["dictionary", "source"], { source: "<dict>" });
    const added = new Set<string>();
    const self = this.self();
    for (const pair of toIterable(call(getattr(a.dictionary, "items")))) {
      const [rawSection, keys] = [...toIterable(pair)];
      const section = str(rawSection);
      try {
        self.add_section(section);
      } catch (e) {
        if (!(e instanceof DuplicateSectionError || e instanceof ValueError)) throw e;
        if (this._strict && added.has(section)) throw e;
      }
      added.add(section);
      for (const kv of toIterable(call(getattr(keys, "items")))) {
        let [key, value] = [...toIterable(kv)];
        key = this.xform(str(key));
        if (value !== null && value !== undefined) value = str(value);
        const id = JSON.stringify([section, key]);
        if (this._strict && added.has(id)) throw new DuplicateOptionError(section, key, a.source);
        added.add(id);
        self.set(section, key, value);
      }
    }
    return null;
  }

  /** The option's value in VARS, the section or DEFAULT (CPython's ChainMap of the three, as one dict). */
  _unify_values(section: unknown, vars: unknown): Section {
    let sectionDict: Section | null = null;
    if (this._sections.__contains__(section)) sectionDict = this._sections.__getitem__(section as string);
    else if (section !== this.default_section) throw new NoSectionError(section);
    const out: Section = this._defaults.copy();
    if (sectionDict) out.update(sectionDict);
    if (vars !== null && vars !== undefined && truthy(vars)) {
      for (const kv of toIterable(call(getattr(vars, "items")))) {
        const [key, value] = [...toIterable(kv)];
        out.__setitem__(this.xform(key), value === null || value === undefined ? null : str(value));
      }
    }
    return out;
  }

  get(...args: unknown[]): unknown {
    const a = bindArgs("get", args, ["section", "option", "raw", "vars", "fallback"], { raw: false, vars: null, fallback: UNSET });
    let d: Section;
    try {
      d = this.self()._unify_values(a.section, a.vars);
    } catch (e) {
      if (e instanceof NoSectionError && a.fallback !== UNSET) return a.fallback;
      throw e;
    }
    const option = this.xform(a.option);
    if (!d.__contains__(option)) {
      if (a.fallback === UNSET) throw new NoOptionError(option, a.section);
      return a.fallback;
    }
    const value = d.__getitem__(option);
    if (truthy(a.raw) || value === null || value === undefined) return value;
    return call(getattr(this._interpolation, "before_get"), this, a.section, option, value, d);
  }

  /** get() then CONV; a missing section or option gives the fallback when one is given. */
  _get_conv(section: unknown, option: unknown, conv: unknown, ...args: unknown[]): unknown {
    const kw = popKw(args) ?? {};
    const { fallback = UNSET, ...rest } = kw;
    try {
      return call(conv, call(getattr(this, "get"), section, option, new KwArgs(rest)));
    } catch (e) {
      if ((e instanceof NoSectionError || e instanceof NoOptionError) && fallback !== UNSET) return fallback;
      throw e;
    }
  }
  getint(...args: unknown[]): unknown {
    return this.getter("getint", int, args);
  }
  getfloat(...args: unknown[]): unknown {
    return this.getter("getfloat", float, args);
  }
  getboolean(...args: unknown[]): unknown {
    return this.getter("getboolean", getattr(this, "_convert_to_boolean"), args);
  }
  private getter(name: string, conv: unknown, args: unknown[]): unknown {
    const kw = popKw(args) ?? {};
    if (args.length > 2) throw new TypeError(`RawConfigParser.${name}() takes 3 positional arguments but ${args.length + 1} were given`);
    const a = bindArgs(name, args, GET_NAMES);
    return this._get_conv(a.section, a.option, conv, new KwArgs(kw));
  }
  _convert_to_boolean(value: unknown): boolean {
    const key = String(value).toLowerCase();
    // (the class's table, or one the program set on the instance or its subclass)
    const states = (
      Object.prototype.hasOwnProperty.call(this, "BOOLEAN_STATES") ? getattr(this, "BOOLEAN_STATES") : getattr(this.constructor, "BOOLEAN_STATES")
    ) as PyDict<string, boolean>;
    if (!states.__contains__(key)) throw new ValueError(`Not a boolean: ${str(value)}`);
    return states.__getitem__(key);
  }

  items(...args: unknown[]): any {
    const a = bindArgs("items", args, ["section", "raw", "vars"], { section: UNSET, raw: false, vars: null });
    if (a.section === UNSET) return super.items();
    const d = this._defaults.copy();
    if (this._sections.__contains__(a.section)) d.update(this._sections.__getitem__(a.section as string));
    else if (a.section !== this.default_section) throw new NoSectionError(a.section);
    const keys = [...d.keys()] as string[];
    if (a.vars !== null && truthy(a.vars)) {
      for (const kv of toIterable(call(getattr(a.vars, "items")))) {
        const [key, value] = [...toIterable(kv)];
        d.__setitem__(this.xform(key), value);
      }
    }
    const valueOf = (option: string) =>
      truthy(a.raw) ? d.__getitem__(option) : call(getattr(this._interpolation, "before_get"), this, a.section, option, d.__getitem__(option), d);
    return PyList.fromArray(keys.map((option) => PyTuple.of<unknown>(option, valueOf(option))));
  }
  popitem(): PyTuple<unknown> {
    for (const key of this.sections()) {
      const value = this.__getitem__(key);
      this.__delitem__(key);
      return PyTuple.of<unknown>(key, value);
    }
    throw new KeyError();
  }
  optionxform(optionstr: unknown): string {
    return String(optionstr).toLowerCase();
  }
  has_option(section: unknown, option: unknown): boolean {
    if (!truthy(section) || section === this.default_section) return this._defaults.__contains__(this.xform(option));
    if (!this._sections.__contains__(section)) return false;
    const key = this.xform(option);
    return this._sections.__getitem__(section as string).__contains__(key) || this._defaults.__contains__(key);
  }
  set(section: unknown, option: unknown, value: unknown = null): null {
    if (truthy(value)) value = call(getattr(this._interpolation, "before_set"), this, section, option, value);
    this.sectionDict(section).__setitem__(this.xform(option), value);
    return null;
  }
  /** The options of SECTION (DEFAULT's for None, "" or the default section's name). */
  private sectionDict(section: unknown): Section {
    if (!truthy(section) || section === this.default_section) return this._defaults;
    if (!this._sections.__contains__(section)) throw new NoSectionError(section);
    return this._sections.__getitem__(section as string);
  }
  write(fp: unknown, space_around_delimiters: unknown = true): null {
    const delim = String(this._delimiters[0]);
    const d = truthy(space_around_delimiters) ? ` ${delim} ` : delim;
    if (truthy(this._defaults)) this.self()._write_section(fp, this.default_section, this._defaults.items(), d);
    for (const section of this._sections.keys() as Iterable<string>) {
      this.self()._write_section(fp, section, this._sections.__getitem__(section).items(), d);
    }
    return null;
  }
  _write_section(fp: unknown, section_name: unknown, section_items: unknown, delimiter: unknown): null {
    const write = getattr(fp, "write");
    call(write, `[${str(section_name)}]\n`);
    for (const kv of toIterable(section_items)) {
      const [key, raw] = [...toIterable(kv)];
      const value = call(getattr(this._interpolation, "before_write"), this, section_name, key, raw);
      const text = value !== null || !this._allow_no_value ? String(delimiter) + str(value).replace(/\n/g, "\n\t") : "";
      call(write, `${str(key)}${text}\n`);
    }
    call(write, "\n");
    return null;
  }
  remove_option(section: unknown, option: unknown): boolean {
    const d = this.sectionDict(section);
    const key = this.xform(option);
    const existed = d.__contains__(key);
    if (existed) d.__delitem__(key);
    return existed;
  }
  remove_section(section: unknown): boolean {
    const existed = this._sections.__contains__(section);
    if (existed) {
      this._sections.__delitem__(section as string);
      this._proxies.__delitem__(section as string);
    }
    return existed;
  }

  __getitem__(key: unknown): SectionProxy {
    if (key !== this.default_section && !this.self().has_section(key)) throw new KeyError(key);
    return this._proxies.__getitem__(key as string);
  }
  __setitem__(key: unknown, value: unknown): null {
    if (this.__contains__(key) && this.__getitem__(key) === value) return null;
    if (key === this.default_section) this._defaults.clear();
    else if (this._sections.__contains__(key)) this._sections.__getitem__(key as string).clear();
    this.self().read_dict(PyDict.fromEntries([[key, value]]));
    return null;
  }
  __delitem__(key: unknown): null {
    if (key === this.default_section) throw new ValueError("Cannot remove the default section.");
    if (!this.self().has_section(key)) throw new KeyError(key);
    this.self().remove_section(key);
    return null;
  }
  __contains__(key: unknown): boolean {
    return key === this.default_section || this.self().has_section(key);
  }
  __len__(): bigint {
    return this._sections.__len__() + 1n;
  }
  __iter__(): Iterator<unknown> {
    return [this.default_section, ...(this._sections.keys() as Iterable<string>)][Symbol.iterator]();
  }

  /** Reads the lines of FP (any iterable of lines), named FPNAME in errors. */
  _read(fp: unknown, fpname: unknown): null {
    const added = new Set<string>();
    // Each section's values as lists of lines, joined into its dict at the end (also after an error).
    const read = new Map<Section, { name: string; values: Map<string, string[] | null> }>();
    let cursect: Map<string, string[] | null> | null = null;
    let sectname: string | null = null;
    let optname: string | null = null;
    let indentLevel = 0;
    let error: ParsingError | null = null;
    const fail = (lineno: number, line: string) => {
      error ??= new ParsingError(fpname);
      error.append(BigInt(lineno), repr(line));
    };
    let lineno = 0;
    try {
      for (const raw of toIterable(fp)) {
        lineno++;
        const line = String(raw);
        const commentStart = this.commentStart(line);
        const value = pyStrip(commentStart === null ? line : line.slice(0, commentStart));
        if (!value) {
          if (!this._empty_lines_in_values) indentLevel = Infinity;
          else if (commentStart === null && cursect !== null && optname) cursect.get(optname)?.push("");
          continue;
        }
        const first = line.search(/\S/);
        const curIndent = first < 0 ? 0 : first;
        if (cursect !== null && optname && curIndent > indentLevel) {
          const lines = cursect.get(optname);
          if (!lines) throw new AttributeError("'NoneType' object has no attribute 'append'");
          lines.push(value);
          continue;
        }
        indentLevel = curIndent;
        const header = /^\[(.+)\]/s.exec(value);
        if (header) {
          sectname = header[1];
          let dict: Section;
          if (this._sections.__contains__(sectname)) {
            if (this._strict && added.has(sectname)) throw new DuplicateSectionError(sectname, fpname, BigInt(lineno));
            dict = this._sections.__getitem__(sectname);
            added.add(sectname);
          } else if (sectname === this.default_section) {
            dict = this._defaults;
          } else {
            dict = new PyDict();
            this._sections.__setitem__(sectname, dict);
            this._proxies.__setitem__(sectname, new SectionProxy(this, sectname));
            added.add(sectname);
          }
          if (!read.has(dict)) read.set(dict, { name: sectname, values: new Map() });
          cursect = read.get(dict)!.values;
          optname = null;
          continue;
        }
        if (cursect === null) throw new MissingSectionHeaderError(fpname, BigInt(lineno), line);
        const mo = this._optcre.exec(value);
        if (!mo) {
          fail(lineno, line);
          continue;
        }
        const [, name, , optval] = mo;
        if (!name) fail(lineno, line);
        optname = this.xform(pyRstrip(name));
        const id = JSON.stringify([sectname, optname]);
        if (this._strict && added.has(id)) throw new DuplicateOptionError(sectname, optname, fpname, BigInt(lineno));
        added.add(id);
        cursect.set(optname, optval === undefined ? null : [pyStrip(optval)]);
      }
    } finally {
      for (const [dict, { name, values }] of read) {
        for (const [key, lines] of values) {
          const joined = lines === null ? null : pyRstrip(lines.join("\n"));
          dict.__setitem__(key, call(getattr(this._interpolation, "before_read"), this, name, key, joined));
        }
      }
    }
    if (error) throw error;
    return null;
  }

  /** Where LINE's comment starts: a whole-line prefix, or an inline one at the start or after whitespace. */
  private commentStart(line: string): number | null {
    if (this._comment_prefixes.some((p) => pyStrip(line).startsWith(p))) return 0;
    let start = Infinity;
    let pending = new Map(this._inline_comment_prefixes.map((p) => [p, -1]));
    while (start === Infinity && pending.size) {
      const next = new Map<string, number>();
      for (const [prefix, from] of pending) {
        const index = line.indexOf(prefix, from + 1);
        if (index === -1) continue;
        next.set(prefix, index);
        if (index === 0 || /\s/.test(line[index - 1])) start = Math.min(start, index);
      }
      pending = next;
    }
    return start === Infinity ? null : start;
  }

  _read_defaults(defaults: unknown): null {
    for (const kv of toIterable(call(getattr(defaults, "items")))) {
      const [key, value] = [...toIterable(kv)];
      this._defaults.__setitem__(this.xform(key), value);
    }
    return null;
  }
  _validate_value_types(...args: unknown[]): null {
    const a = bindArgs("_validate_value_types", args, ["section", "option", "value"], { section: "", option: "", value: "" });
    if (typeof a.section !== "string") throw new TypeError("section names must be strings");
    if (typeof a.option !== "string") throw new TypeError("option keys must be strings");
    if ((!this._allow_no_value || truthy(a.value)) && typeof a.value !== "string") throw new TypeError("option values must be strings");
    return null;
  }
  get converters(): ConverterMapping {
    return this._converters;
  }
  static __module__ = "configparser";
}

/** Python's str.strip()/rstrip() without arguments (whitespace as str.isspace sees it). */
const pyStrip = (s: string) => s.replace(/^[\s\x1c-\x1f\x85]+|[\s\x1c-\x1f\x85]+$/gu, "");
const pyRstrip = (s: string) => s.replace(/[\s\x1c-\x1f\x85]+$/u, "");

/** ConfigParser: BasicInterpolation by default; set() and add_section() take only strings. */
export class ConfigParser extends RawConfigParser {
  static _DEFAULT_INTERPOLATION: Interpolation = new BasicInterpolation();
  set(section: unknown, option: unknown, value: unknown = null): null {
    this.self()._validate_value_types(new KwArgs({ option, value }));
    return super.set(section, option, value);
  }
  add_section(section: unknown): null {
    this.self()._validate_value_types(new KwArgs({ section }));
    return super.add_section(section);
  }
  _read_defaults(defaults: unknown): null {
    const held = this._interpolation;
    this._interpolation = new Interpolation();
    try {
      this.self().read_dict(PyDict.fromEntries([[this.default_section, defaults]]));
    } finally {
      this._interpolation = held;
    }
    return null;
  }
}

/** A section of a parser as a mapping: `parser["server"]["port"]`. */
export class SectionProxy extends MutableMapping {
  declare _parser: any;
  declare _name: string;
  __init__(parser: any, name: string): null {
    this._parser = parser;
    this._name = name;
    for (const conv of toIterable(parser.converters)) this.addGetter(String(conv));
    return null;
  }
  /** `getX(option, fallback=None, *, raw=False, vars=None)`: the parser's getX for this section. */
  addGetter(conv: string): void {
    const key = `get${conv}`;
    const impl = () => getattr(this._parser, key);
    const getter = (...args: unknown[]) => {
      const kw = popKw(args) ?? {};
      return this.get(...args, new KwArgs({ ...kw, _impl: impl() }));
    };
    Object.defineProperty(getter, "name", { value: key });
    setattr(this, key, getter);
  }
  __repr__(): string {
    return `<Section: ${this._name}>`;
  }
  __getitem__(key: unknown): unknown {
    if (!call(getattr(this._parser, "has_option"), this._name, key)) throw new KeyError(key);
    return call(getattr(this._parser, "get"), this._name, key);
  }
  __setitem__(key: unknown, value: unknown): unknown {
    call(getattr(this._parser, "_validate_value_types"), new KwArgs({ option: key, value }));
    return call(getattr(this._parser, "set"), this._name, key, value);
  }
  __delitem__(key: unknown): null {
    if (!(truthy(call(getattr(this._parser, "has_option"), this._name, key)) && truthy(call(getattr(this._parser, "remove_option"), this._name, key)))) {
      throw new KeyError(key);
    }
    return null;
  }
  __contains__(key: unknown): boolean {
    return truthy(call(getattr(this._parser, "has_option"), this._name, key));
  }
  __len__(): bigint {
    return BigInt([...toIterable(this._options())].length);
  }
  __iter__(): Iterator<unknown> {
    return toIterable(this._options())[Symbol.iterator]();
  }
  _options(): unknown {
    if (this._name !== this._parser.default_section) return call(getattr(this._parser, "options"), this._name);
    return call(getattr(this._parser, "defaults"));
  }
  get parser(): unknown {
    return this._parser;
  }
  get name(): string {
    return this._name;
  }
  get(...args: unknown[]): unknown {
    const kw = popKw(args) ?? {};
    const { raw = false, vars = null, _impl = null, ...rest } = kw;
    const a = bindArgs("get", args, ["option", "fallback"], { fallback: null });
    const impl = truthy(_impl) ? _impl : getattr(this._parser, "get");
    return call(impl, this._name, a.option, new KwArgs({ raw, vars, fallback: a.fallback, ...rest }));
  }
  static __module__ = "configparser";
}

/** The parser's converters by name: setting one adds getNAME to the parser and its sections. */
export class ConverterMapping extends MutableMapping {
  declare _parser: any;
  declare _data: PyDict<string, unknown>;
  __init__(parser: any): null {
    this._parser = parser;
    this._data = new PyDict();
    for (const name of ["boolean", "float", "int"]) this._data.__setitem__(name, null);
    return null;
  }
  __getitem__(key: unknown): unknown {
    return this._data.__getitem__(key as string);
  }
  __setitem__(key: unknown, value: unknown): null {
    if (typeof key !== "string") throw new ValueError(`Incompatible key: ${repr(key)} (type: ${repr(call(getattr(key, "__class__")))})`);
    if (!key) throw new ValueError('Incompatible key: cannot use "" as a name');
    this._data.__setitem__(key, value);
    const parser = this._parser;
    const getter = (...args: unknown[]) => {
      const kw = popKw(args) ?? {};
      const a = bindArgs(`get${key}`, args, GET_NAMES);
      return parser._get_conv(a.section, a.option, value, new KwArgs(kw));
    };
    Object.defineProperty(getter, "name", { value: `get${key}` });
    setattr(parser, `get${key}`, getter);
    for (const proxy of toIterable(call(getattr(parser, "values")))) (proxy as SectionProxy).addGetter(key);
    return null;
  }
  __delitem__(key: unknown): null {
    this._data.__delitem__(key as string);
    for (const target of [this._parser, ...toIterable(call(getattr(this._parser, "values")))]) {
      try {
        delete (target as Record<string, unknown>)[`get${key}`];
      } catch {
        // (a getter of the class itself stays)
      }
    }
    return null;
  }
  __iter__(): Iterator<unknown> {
    return this._data.__iter__();
  }
  __len__(): bigint {
    return this._data.__len__();
  }
  static __module__ = "configparser";
}

export { MutableMapping };

// (the parsers and proxies define every abstract method of MutableMapping)
for (const cls of [RawConfigParser, ConfigParser, SectionProxy, ConverterMapping]) update_abstractmethods(cls);
