// csv: reader, writer, DictReader, DictWriter and dialects, as CPython 3.12's csv module reads
// and writes (its parser's states and its quoting rules, learnt from the module's documentation
// and behaviour). A reader takes any iterable of strings (a file opened with newline='', a list
// of lines, io.StringIO); a writer any object with a write() method, whose result writerow gives.
import { Exception, StopIteration, TypeError, ValueError } from "../builtins/exceptions.js";
import { PyDict, PyList } from "../builtins/collections.js";
import { KwArgs, PyObject, popKw } from "../builtins/object.js";
import { call, getattr, hasattr, toIterable, truthy, typeName } from "../builtins/ops.js";
import { float } from "../builtins/functions.js";
import { repr, str } from "../builtins/repr.js";
import { addressOf } from "../builtins/names.js";

export const QUOTE_MINIMAL = 0n;
export const QUOTE_ALL = 1n;
export const QUOTE_NONNUMERIC = 2n;
export const QUOTE_NONE = 3n;
export const QUOTE_STRINGS = 4n;
export const QUOTE_NOTNULL = 5n;
const QUOTINGS = [QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE, QUOTE_STRINGS, QUOTE_NOTNULL];

export const __version__ = "1.0";

export class Error extends Exception {
  static __module__ = "_csv";
}

let fieldLimit = 131072n;

/** field_size_limit([new_limit]): the largest field a reader accepts; returns the previous limit. */
export function field_size_limit(...args: unknown[]): bigint {
  const k = popKw(args);
  const old = fieldLimit;
  const limit = args.length ? args[0] : k?.new_limit;
  if (limit !== undefined) {
    if (typeof limit !== "bigint") throw new TypeError("limit must be an integer");
    fieldLimit = limit;
  }
  return old;
}

// ───────────── dialects ─────────────

/** A dialect's settings, checked as CPython's Dialect type checks them. */
interface Settings {
  delimiter: string;
  quotechar: string | null;
  escapechar: string | null;
  doublequote: boolean;
  skipinitialspace: boolean;
  lineterminator: string;
  quoting: bigint;
  strict: boolean;
}

const SETTING_NAMES = ["delimiter", "quotechar", "escapechar", "doublequote", "skipinitialspace", "lineterminator", "quoting", "strict"] as const;

/** `class MyDialect(csv.Dialect)`: settings as class attributes; the base is not usable by itself. */
export class Dialect extends PyObject {
  static __module__ = "csv";
  static _name = "";
  static _valid = false;
  static delimiter: unknown = null;
  static quotechar: unknown = null;
  static escapechar: unknown = null;
  static doublequote: unknown = null;
  static skipinitialspace: unknown = null;
  static lineterminator: unknown = null;
  static quoting: unknown = null;
  static strict: unknown = false;

  constructor(...args: unknown[]) {
    super();
    popKw(args);
    const cls = this.constructor as typeof Dialect;
    if (cls !== Dialect) settingsOf(cls, {});
  }
}

export class excel extends Dialect {
  static delimiter = ",";
  static quotechar = '"';
  static doublequote = true;
  static skipinitialspace = false;
  static lineterminator = "\r\n";
  static quoting: unknown = QUOTE_MINIMAL;
}

export class excel_tab extends excel {
  static delimiter = "\t";
}

export class unix_dialect extends Dialect {
  static delimiter = ",";
  static quotechar = '"';
  static doublequote = true;
  static skipinitialspace = false;
  static lineterminator = "\n";
  static quoting: unknown = QUOTE_ALL;
}

for (const cls of [excel, excel_tab, unix_dialect]) Object.defineProperty(cls, "__module__", { value: "csv", writable: true, configurable: true });

const dialects = new Map<string, Settings>();

function oneChar(name: string, v: unknown, allowNone: boolean): string | null {
  if ((v === null || v === undefined) && allowNone) return null;
  if (typeof v !== "string") throw new TypeError(`"${name}" must be string${allowNone ? " or None" : ""}, not ${typeName(v)}`);
  if ([...v].length !== 1) throw new TypeError(`"${name}" must be a 1-character string`);
  return v;
}

/** The settings of a dialect (a name, a Dialect class or instance, any object with the attributes) with `overrides` on top. */
function settingsOf(dialect: unknown, overrides: Record<string, unknown>): Settings {
  let base: Partial<Record<(typeof SETTING_NAMES)[number], unknown>> = {};
  if (typeof dialect === "string") {
    const known = dialects.get(dialect);
    if (known === undefined) throw new Error("unknown dialect");
    base = { ...known };
  } else if (dialect !== null && dialect !== undefined) {
    for (const n of SETTING_NAMES) if (hasattr(dialect, n)) base[n] = getattr(dialect, n);
  }
  const get = (n: (typeof SETTING_NAMES)[number], dflt: unknown) => (n in overrides ? overrides[n] : n in base && base[n] !== undefined ? base[n] : dflt);
  const quoting = get("quoting", QUOTE_MINIMAL);
  if (typeof quoting !== "bigint") throw new TypeError('"quoting" must be an integer');
  if (!QUOTINGS.includes(quoting)) throw new TypeError('bad "quoting" value');
  const delimiter = oneChar("delimiter", get("delimiter", ","), false)!;
  const quotechar = oneChar("quotechar", get("quotechar", '"'), true);
  const escapechar = oneChar("escapechar", get("escapechar", null), true);
  const lineterminator = get("lineterminator", "\r\n");
  if (lineterminator === null || lineterminator === undefined) throw new TypeError("lineterminator must be set");
  if (typeof lineterminator !== "string") throw new TypeError('"lineterminator" must be a string');
  // (without a quote character, minimal quoting escapes instead: writerow says when it must)
  if (quotechar === null && quoting !== QUOTE_NONE && quoting !== QUOTE_MINIMAL) throw new TypeError("quotechar must be set if quoting enabled");
  return {
    delimiter,
    quotechar,
    escapechar,
    doublequote: truthy(get("doublequote", true)),
    skipinitialspace: truthy(get("skipinitialspace", false)),
    lineterminator,
    quoting,
    strict: truthy(get("strict", false)),
  };
}

/** The dialect and the keyword settings of a reader() or writer() call (`args` after the file). */
function callSettings(args: unknown[]): Settings {
  const k = popKw(args) ?? {};
  const { dialect, ...overrides } = k;
  return settingsOf(args.length ? args[0] : (dialect ?? "excel"), overrides);
}

/** A dialect object as reader.dialect and get_dialect() show it (its attributes read only). */
class DialectView extends PyObject {
  static __module__ = "_csv";
  static __qualname__ = "Dialect";
  static __name__ = "Dialect";
  declare delimiter: string;
  declare quotechar: string | null;
  declare escapechar: string | null;
  declare doublequote: boolean;
  declare skipinitialspace: boolean;
  declare lineterminator: string;
  declare quoting: bigint;
  declare strict: boolean;
  constructor(s: Settings) {
    super();
    for (const n of SETTING_NAMES) Object.defineProperty(this, n, { value: s[n], enumerable: true });
  }

  __repr__(): string {
    return `<_csv.Dialect object at 0x${addressOf(this).toString(16)}>`;
  }
}

export function register_dialect(name: unknown, ...args: unknown[]): void {
  if (typeof name !== "string") throw new TypeError("dialect name must be a string");
  const k = popKw(args) ?? {};
  dialects.set(name, settingsOf(args.length ? args[0] : null, k));
}

export function unregister_dialect(name: unknown): void {
  if (typeof name !== "string" || !dialects.delete(name)) throw new Error("unknown dialect");
}

export function get_dialect(name: unknown): PyObject {
  const s = typeof name === "string" ? dialects.get(name) : undefined;
  if (s === undefined) throw new Error("unknown dialect");
  return new DialectView(s);
}

export function list_dialects(): PyList<string> {
  return PyList.fromArray([...dialects.keys()]);
}

dialects.set("excel", settingsOf(excel, {}));
dialects.set("excel-tab", settingsOf(excel_tab, {}));
dialects.set("unix", settingsOf(unix_dialect, {}));

// ───────────── reading ─────────────

const enum State {
  StartRecord,
  StartField,
  EscapedChar,
  InField,
  InQuotedField,
  EscapeInQuotedField,
  QuoteInQuotedField,
  EatCrNl,
  AfterEscapedCrNl,
}

/** End of a line of input (not a character). */
const EOL = "";

class Reader extends PyObject {
  static __module__ = "_csv";
  static __qualname__ = "reader";
  static __name__ = "reader";
  line_num = 0n;
  readonly dialect: PyObject;
  private readonly lines: Iterator<unknown>;
  private state = State.StartRecord;
  private fields: unknown[] = [];
  private field = "";
  /** The field began with a quote (QUOTE_NONNUMERIC reads unquoted fields as numbers). */
  private quoted = false;
  private unquotedNumber = false;

  constructor(
    source: unknown,
    private readonly s: Settings,
  ) {
    super();
    this.lines = toIterable(source)[Symbol.iterator]();
    this.dialect = new DialectView(s);
  }

  [Symbol.iterator](): Iterator<PyList<unknown>> {
    return { next: () => this.step() };
  }

  __iter__(): this {
    return this;
  }

  __next__(): PyList<unknown> {
    const r = this.step();
    if (r.done) throw new StopIteration();
    return r.value;
  }

  __repr__(): string {
    return `<_csv.reader object at 0x${addressOf(this).toString(16)}>`;
  }

  private step(): IteratorResult<PyList<unknown>> {
    this.fields = [];
    this.state = State.StartRecord;
    this.field = "";
    this.quoted = false;
    this.unquotedNumber = false;
    do {
      const r = this.lines.next();
      if (r.done) {
        // What a last line left open (a quoted field without its closing quote) is a record.
        if (this.field.length !== 0 || (this.state as State) === State.InQuotedField) {
          if (this.s.strict) throw new Error("unexpected end of data");
          this.saveField();
          break;
        }
        return { value: undefined, done: true };
      }
      const line = r.value;
      if (typeof line !== "string") throw new Error(`iterator should return strings, not ${typeName(line)} (the file should be opened in text mode)`);
      this.line_num++;
      for (const c of line) this.process(c);
      this.process(EOL);
    } while (this.state !== State.StartRecord);
    return { value: PyList.fromArray(this.fields), done: false };
  }

  private add(c: string): void {
    if (BigInt(this.field.length) >= fieldLimit) throw new Error(`field larger than field limit (${fieldLimit})`);
    this.field += c;
  }

  private saveField(): void {
    let value: unknown = this.field;
    const q = this.s.quoting;
    // (3.12's reader reads QUOTE_STRINGS and QUOTE_NOTNULL as QUOTE_MINIMAL: they shape writing only)
    if (!this.quoted && q === QUOTE_NONNUMERIC && this.unquotedNumber) value = float(this.field);
    this.fields.push(value);
    this.field = "";
    this.quoted = false;
    this.unquotedNumber = false;
  }

  private endOfLine(c: string): boolean {
    return c === EOL || c === "\n" || c === "\r";
  }

  private process(c: string): void {
    const s = this.s;
    switch (this.state) {
      case State.StartRecord:
        if (c === EOL) return; // an empty line: a record of no field
        if (c === "\n" || c === "\r") {
          this.state = State.EatCrNl;
          return;
        }
        this.state = State.StartField;
      // falls through: the record's first character starts its first field
      case State.StartField:
        if (this.endOfLine(c)) {
          this.saveField();
          this.state = c === EOL ? State.StartRecord : State.EatCrNl;
        } else if (c === s.quotechar && s.quoting !== QUOTE_NONE) {
          this.quoted = true;
          this.state = State.InQuotedField;
        } else if (c === s.escapechar) {
          this.state = State.EscapedChar;
        } else if (c === " " && s.skipinitialspace) {
          // ignored before a field
        } else if (c === s.delimiter) {
          this.saveField();
        } else {
          this.unquotedNumber = s.quoting === QUOTE_NONNUMERIC;
          this.add(c);
          this.state = State.InField;
        }
        return;
      case State.EscapedChar:
        if (c === "\n" || c === "\r") {
          this.add(c);
          this.state = State.AfterEscapedCrNl;
          return;
        }
        this.add(c === EOL ? "\n" : c);
        this.state = State.InField;
        return;
      case State.AfterEscapedCrNl:
        if (c === EOL) return;
        this.state = State.InField;
      // falls through
      case State.InField:
        if (this.endOfLine(c)) {
          this.saveField();
          this.state = c === EOL ? State.StartRecord : State.EatCrNl;
        } else if (c === s.escapechar) {
          this.state = State.EscapedChar;
        } else if (c === s.delimiter) {
          this.saveField();
          this.state = State.StartField;
        } else this.add(c);
        return;
      case State.InQuotedField:
        if (c === EOL) return; // the line's own newline characters were added already
        if (c === s.escapechar) this.state = State.EscapeInQuotedField;
        else if (c === s.quotechar && s.quoting !== QUOTE_NONE) this.state = s.doublequote ? State.QuoteInQuotedField : State.InField;
        else this.add(c);
        return;
      case State.EscapeInQuotedField:
        this.add(c === EOL ? "\n" : c);
        this.state = State.InQuotedField;
        return;
      case State.QuoteInQuotedField:
        if (s.quoting !== QUOTE_NONE && c === s.quotechar) {
          this.add(c);
          this.state = State.InQuotedField;
        } else if (c === s.delimiter) {
          this.saveField();
          this.state = State.StartField;
        } else if (this.endOfLine(c)) {
          this.saveField();
          this.state = c === EOL ? State.StartRecord : State.EatCrNl;
        } else if (!s.strict) {
          this.add(c);
          this.state = State.InField;
        } else throw new Error(`'${s.delimiter}' expected after '${s.quotechar}'`);
        return;
      case State.EatCrNl:
        if (c === "\n" || c === "\r") return;
        if (c === EOL) {
          this.state = State.StartRecord;
          return;
        }
        throw new Error("new-line character seen in unquoted field - do you need to open the file in universal-newline mode?");
    }
  }
}

/** csv.reader(csvfile, dialect='excel', **fmtparams) */
export function reader(source: unknown, ...args: unknown[]): Reader {
  return new Reader(source, callSettings(args));
}

// ───────────── writing ─────────────

function isNumber(v: unknown): boolean {
  if (typeof v === "bigint" || typeof v === "number" || typeof v === "boolean") return true;
  return v !== null && typeof v === "object" && (hasattr(v, "__float__") || hasattr(v, "__index__") || hasattr(v, "__int__"));
}

class Writer extends PyObject {
  static __module__ = "_csv";
  static __qualname__ = "writer";
  static __name__ = "writer";
  readonly dialect: PyObject;
  private readonly write: unknown;

  constructor(
    target: unknown,
    private readonly s: Settings,
  ) {
    super();
    if (!hasattr(target, "write")) throw new TypeError('argument 1 must have a "write" method');
    this.write = getattr(target, "write");
    this.dialect = new DialectView(s);
  }

  writerow(row: unknown): unknown {
    let items: Iterable<unknown>;
    try {
      items = toIterable(row);
    } catch (e) {
      if (e instanceof TypeError) throw new Error(`iterable expected, not ${typeName(row)}`);
      throw e;
    }
    const s = this.s;
    const out: string[] = [];
    for (const field of items) {
      let quoted: boolean;
      switch (s.quoting) {
        case QUOTE_NONNUMERIC:
          quoted = !isNumber(field);
          break;
        case QUOTE_ALL:
          quoted = true;
          break;
        case QUOTE_STRINGS:
          quoted = typeof field === "string";
          break;
        case QUOTE_NOTNULL:
          quoted = field !== null && field !== undefined;
          break;
        default:
          quoted = false;
      }
      const text = typeof field === "string" ? field : field === null || field === undefined ? "" : str(field);
      out.push(this.fieldText(text, quoted));
    }
    // A record of one empty field is written quoted (an empty line would read back as no field).
    if (out.length === 1 && out[0] === "") {
      if (s.quoting === QUOTE_NONE) throw new Error("single empty field record must be quoted");
      out[0] = s.quotechar! + s.quotechar!;
    }
    return call(this.write, out.join(s.delimiter) + s.lineterminator);
  }

  writerows(rows: unknown): null {
    for (const row of toIterable(rows)) this.writerow(row);
    return null;
  }

  __repr__(): string {
    return `<_csv.writer object at 0x${addressOf(this).toString(16)}>`;
  }

  private fieldText(text: string, quotedAlready: boolean): string {
    const s = this.s;
    let quoted = quotedAlready;
    let body = "";
    for (const c of text) {
      if (c === s.delimiter || c === s.escapechar || c === s.quotechar || c === "\n" || c === "\r" || s.lineterminator.includes(c)) {
        let escape = false;
        if (s.quoting === QUOTE_NONE || s.quotechar === null) escape = true;
        else {
          if (c === s.quotechar) {
            if (s.doublequote) body += s.quotechar;
            else escape = true;
          } else if (c === s.escapechar) escape = true;
          if (!escape) quoted = true;
        }
        if (escape) {
          if (s.escapechar === null) throw new Error("need to escape, but no escapechar set");
          body += s.escapechar;
        }
      }
      body += c;
    }
    return quoted ? s.quotechar! + body + s.quotechar! : body;
  }
}

/** csv.writer(csvfile, dialect='excel', **fmtparams) */
export function writer(target: unknown, ...args: unknown[]): Writer {
  return new Writer(target, callSettings(args));
}

// ───────────── dict forms ─────────────

/** Keyword arguments of DictReader/DictWriter that are the reader's or writer's settings. */
function passOn(args: unknown[], k: Record<string, unknown>): unknown[] {
  return Object.keys(k).length ? [...args, new KwArgs(k)] : args;
}

export class DictReader extends PyObject {
  static __module__ = "csv";
  restkey: unknown;
  restval: unknown;
  readonly reader: Reader;
  private names: unknown = null;

  constructor(f: unknown, ...args: unknown[]) {
    super();
    const k = { ...(popKw(args) ?? {}) };
    const take = (name: string, at: number): unknown => {
      if (args.length > at) return args[at];
      const v = k[name];
      delete k[name];
      return v ?? null;
    };
    const fieldnames = take("fieldnames", 0);
    this.restkey = take("restkey", 1);
    this.restval = take("restval", 2);
    const rest = args.slice(3);
    if (fieldnames !== null) this.names = fieldnames;
    this.reader = reader(f, ...passOn(rest, k));
  }

  get fieldnames(): unknown {
    if (this.names === null) {
      const r = this.reader[Symbol.iterator]().next();
      if (!r.done) this.names = r.value;
    }
    return this.names;
  }

  set fieldnames(v: unknown) {
    this.names = v;
  }

  get line_num(): bigint {
    return this.reader.line_num;
  }

  get dialect(): PyObject {
    return this.reader.dialect;
  }

  [Symbol.iterator](): Iterator<PyDict<unknown, unknown>> {
    return { next: () => this.step() };
  }

  __iter__(): this {
    return this;
  }

  __next__(): PyDict<unknown, unknown> {
    const r = this.step();
    if (r.done) throw new StopIteration();
    return r.value;
  }

  private step(): IteratorResult<PyDict<unknown, unknown>> {
    if (this.reader.line_num === 0n) void this.fieldnames;
    const rows = this.reader[Symbol.iterator]();
    let r = rows.next();
    // (blank lines are skipped)
    while (!r.done && r.value.length === 0) r = rows.next();
    if (r.done) return { value: undefined, done: true };
    const row = [...r.value];
    const names = this.names === null ? [] : [...toIterable(this.names)];
    const d = new PyDict<unknown, unknown>();
    for (let i = 0; i < Math.min(names.length, row.length); i++) d.__setitem__(names[i], row[i]);
    if (names.length < row.length) d.__setitem__(this.restkey, PyList.fromArray(row.slice(names.length)));
    else for (const key of names.slice(row.length)) d.__setitem__(key, this.restval);
    return { value: d, done: false };
  }
}

export class DictWriter extends PyObject {
  static __module__ = "csv";
  fieldnames: unknown;
  restval: unknown;
  extrasaction: string;
  readonly writer: Writer;

  constructor(f: unknown, ...args: unknown[]) {
    super();
    const k = { ...(popKw(args) ?? {}) };
    const take = (name: string, at: number, dflt: unknown): unknown => {
      if (args.length > at) return args[at];
      if (name in k) {
        const v = k[name];
        delete k[name];
        return v;
      }
      return dflt;
    };
    this.fieldnames = take("fieldnames", 0, undefined);
    if (this.fieldnames === undefined) throw new TypeError("DictWriter.__init__() missing 1 required positional argument: 'fieldnames'");
    this.restval = take("restval", 1, "");
    const action = take("extrasaction", 2, "raise");
    const lowered = typeof action === "string" ? action.toLowerCase() : action;
    if (lowered !== "raise" && lowered !== "ignore") throw new ValueError(`extrasaction (${str(action)}) must be 'raise' or 'ignore'`);
    this.extrasaction = lowered;
    this.writer = writer(f, ...passOn(args.slice(3), k));
  }

  writeheader(): unknown {
    const names = [...toIterable(this.fieldnames)];
    const header = new PyDict<unknown, unknown>();
    for (const n of names) header.__setitem__(n, n);
    return this.writerow(header);
  }

  writerow(rowdict: unknown): unknown {
    return this.writer.writerow(PyList.fromArray(this.values(rowdict)));
  }

  writerows(rowdicts: unknown): null {
    for (const d of toIterable(rowdicts)) this.writerow(d);
    return null;
  }

  private values(rowdict: unknown): unknown[] {
    const names = [...toIterable(this.fieldnames)];
    const d = rowdict as PyDict<unknown, unknown>;
    if (this.extrasaction === "raise") {
      const wrong = [...toIterable(call(getattr(d, "keys")))].filter((key) => !names.some((n) => n === key));
      if (wrong.length) throw new ValueError("dict contains fields not in fieldnames: " + wrong.map((w) => repr(w)).join(", "));
    }
    const get = getattr(d, "get");
    return names.map((n) => call(get, n, this.restval));
  }
}
