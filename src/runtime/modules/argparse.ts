// argparse: the common subset scripts use for their options: ArgumentParser with optional
// (-x/--long) and positional arguments; actions store, store_true, store_false, store_const,
// append, count; type=, default=, choices=, required=, dest=, nargs ('?', '*', '+', N);
// parse_args()/parse_known_args() over sys.argv[1:]; Namespace. Errors print the usage line and
// "prog: error: ..." on stderr and exit with status 2, as argparse does. -h/--help prints a plain
// help text (usage, description, the arguments with their help strings).
// Not here: subparsers, mutually exclusive groups, argument groups' titles, abbreviations of
// long options. CPython: Lib/argparse.py (documented and observed behaviour).
import { host } from "../host.js";
import { SystemExit, TypeError, ValueError } from "../builtins/exceptions.js";
import { PyDict, PyList } from "../builtins/collections.js";
import { popKw } from "../builtins/object.js";
import { call, toIterable, truthy, eq, getattr } from "../builtins/ops.js";
import { percentFormat } from "../builtins/percent.js";
import { repr, str } from "../builtins/repr.js";
import { stdio } from "../builtins/functions.js";
import { argv as sysArgv } from "./sys.js";

export const SUPPRESS = "==SUPPRESS==";
export const OPTIONAL = "?";
export const ZERO_OR_MORE = "*";
export const ONE_OR_MORE = "+";

export class Namespace {
  [key: string]: unknown;
  constructor(...args: unknown[]) {
    const k = popKw(args) ?? {};
    Object.assign(this, k);
  }
  __repr__(): string {
    return `Namespace(${Object.keys(this)
      .map((k) => `${k}=${repr(this[k])}`)
      .join(", ")})`;
  }
  __eq__(o: unknown): boolean {
    if (!(o instanceof Namespace)) return false;
    const a = Object.keys(this);
    const b = Object.keys(o);
    return a.length === b.length && a.every((k) => k in o && eq(this[k], o[k]));
  }
  __contains__(key: unknown): boolean {
    return typeof key === "string" && key in this;
  }
  static __module__ = "argparse";
}

export class ArgumentError extends ValueError {
  static __module__ = "argparse";
}

interface Action {
  flags: string[];
  dest: string;
  action: string;
  nargs: unknown;
  type: unknown;
  default: unknown;
  const: unknown;
  choices: unknown[] | null;
  required: boolean;
  help: unknown;
  metavar: unknown;
}

const isOptional = (s: string) => s.startsWith("-") && s.length > 1 && !/^-\d/.test(s);
/** Actions that take no value on the command line. */
const ZERO_ARG_ACTIONS = ["store_true", "store_false", "store_const", "count", "help"];

/** An option token resolved: its action (null when unknown), the flag and any attached value. */
interface OptionMatch {
  act: Action | null;
  flag: string;
  inline: string | null;
}

export class ArgumentParser {
  prog: string;
  description: unknown;
  epilog: unknown;
  _actions: Action[] = [];
  _defaults: Record<string, unknown> = {};

  constructor(...args: unknown[]) {
    const k = popKw(args) ?? {};
    const prog = args[0] ?? k.prog ?? null;
    const script = String(sysArgv[0] ?? "");
    this.prog = prog === null ? script.slice(script.lastIndexOf("/") + 1) : String(prog);
    this.description = k.description ?? null;
    this.epilog = k.epilog ?? null;
    if (truthy(k.add_help ?? true)) {
      this._actions.push({
        flags: ["-h", "--help"],
        dest: "help",
        action: "help",
        nargs: 0n,
        type: null,
        default: SUPPRESS,
        const: null,
        choices: null,
        required: false,
        help: "show this help message and exit",
        metavar: null,
      });
    }
  }

  add_argument(...args: unknown[]): Action {
    const k = popKw(args) ?? {};
    const flags = args.map((a) => String(a));
    if (flags.length === 0) throw new TypeError("add_argument() missing required argument: 'name'");
    const optional = isOptional(flags[0]);
    let dest = k.dest as string | undefined;
    if (dest === undefined) {
      if (optional) {
        const long = flags.find((f) => f.startsWith("--")) ?? flags[0];
        dest = long.replace(/^-+/, "").replace(/-/g, "_");
      } else dest = flags[0];
    }
    const action = String(k.action ?? "store");
    let dflt = k.default ?? null;
    if (action === "store_true" && k.default === undefined) dflt = false;
    if (action === "store_false" && k.default === undefined) dflt = true;
    const a: Action = {
      flags: optional ? flags : [],
      dest,
      action,
      nargs: k.nargs ?? null,
      type: k.type ?? null,
      default: dflt,
      const: k.const ?? null,
      choices: k.choices === undefined || k.choices === null ? null : Array.from(toIterable(k.choices)),
      // A positional is required unless it may be empty; nargs="*" with no default still counts.
      required: optional ? truthy(k.required ?? false) : k.nargs !== "?" && (k.nargs !== "*" || k.default === undefined),
      help: k.help ?? null,
      metavar: k.metavar ?? null,
    };
    this._actions.push(a);
    return a;
  }

  set_defaults(...args: unknown[]): null {
    Object.assign(this._defaults, popKw(args) ?? {});
    return null;
  }
  get_default(dest: unknown): unknown {
    const a = this._actions.find((x) => x.dest === dest);
    return String(dest) in this._defaults ? this._defaults[String(dest)] : (a?.default ?? null);
  }

  parse_args(args: unknown = null, namespace: unknown = null): Namespace {
    const [ns, extras] = this._parse(args, namespace);
    if (extras.length > 0) this.error(`unrecognized arguments: ${extras.join(" ")}`);
    return ns;
  }
  parse_known_args(args: unknown = null, namespace: unknown = null): unknown {
    const [ns, extras] = this._parse(args, namespace);
    return PyList.fromArray<unknown>([ns, PyList.fromArray(extras)]);
  }

  private _parse(args: unknown, namespace: unknown): [Namespace, string[]] {
    const argv = args === null || args === undefined ? Array.from(sysArgv).slice(1).map(String) : Array.from(toIterable(args), String);
    const ns = (namespace ?? new Namespace()) as Namespace;
    for (const a of this._actions) {
      if (a.action === "help" || a.default === SUPPRESS) continue;
      if (!(a.dest in ns)) ns[a.dest] = a.dest in this._defaults ? this._defaults[a.dest] : this._convertDefault(a);
    }
    for (const [key, v] of Object.entries(this._defaults)) if (!(key in ns)) ns[key] = v;
    const positionals = this._actions.filter((a) => a.flags.length === 0);
    const seen = new Set<Action>();
    const extras: string[] = [];
    const loose: string[] = [];
    let i = 0;
    let onlyPositionals = false;
    while (i < argv.length) {
      let tok = argv[i++];
      if (!onlyPositionals && tok === "--") {
        onlyPositionals = true;
        continue;
      }
      if (onlyPositionals || !isOptional(tok)) {
        loose.push(tok);
        continue;
      }
      const match = this._matchOptional(tok);
      if (match === null) {
        loose.push(tok);
        continue;
      }
      if (match.act === null) {
        extras.push(tok);
        continue;
      }
      // A cluster -abc of single-dash flags taking no value is -a -b -c; a flag that takes a
      // value ends the cluster and takes the rest (-vofile is -v -o file). All are checked
      // before any is applied, as argparse does.
      const steps: [Action, string | null][] = [];
      let { act, flag, inline } = match;
      for (;;) {
        if (inline === null) {
          steps.push([act, null]);
          break;
        }
        const count = this._explicitCount(act);
        if (count === 1) {
          steps.push([act, inline]);
          break;
        }
        if (flag[1] === "-" || inline === "") this._argError(act, `ignored explicit argument ${repr(inline)}`);
        steps.push([act, null]);
        flag = `-${inline[0]}`;
        const next = this._actions.find((a) => a.flags.includes(flag));
        if (!next) this._argError(act, `ignored explicit argument ${repr(inline)}`);
        act = next;
        inline = inline.length > 1 ? inline.slice(1) : null;
      }
      for (const [stepAct, stepInline] of steps) {
        i = this._takeOptional(stepAct, stepInline, argv, i, ns);
        seen.add(stepAct);
      }
    }
    // Positionals take the loose tokens in order.
    let j = 0;
    for (const p of positionals) {
      const n = p.nargs;
      if (n === null) {
        if (j < loose.length) ns[p.dest] = this._convert(p, loose[j++], p.dest);
        else continue;
      } else if (n === "?") {
        if (j < loose.length) ns[p.dest] = this._convert(p, loose[j++], p.dest);
      } else if (n === "*" || n === "+") {
        const rest = loose.slice(j).map((v) => this._convert(p, v, p.dest));
        j = loose.length;
        if (rest.length || n === "+") ns[p.dest] = PyList.fromArray(rest);
        else if (p.default === null) ns[p.dest] = PyList.fromArray([]);
        if (n === "+" && rest.length === 0) continue;
      } else if (typeof n === "bigint") {
        const take = loose.slice(j, j + Number(n));
        j += take.length;
        if (take.length === Number(n)) ns[p.dest] = PyList.fromArray(take.map((v) => this._convert(p, v, p.dest)));
        else continue;
      }
      seen.add(p);
    }
    extras.push(...loose.slice(j));
    const missing = this._actions.filter((a) => a.required && !seen.has(a)).map((a) => (a.flags.length ? a.flags.join("/") : this._metavar(a)));
    if (missing.length) this.error(`the following arguments are required: ${missing.join(", ")}`);
    return [ns, extras];
  }

  /**
   * What an option-looking token names: an exact flag, `--flag=value`/`-f=value`, or a short flag
   * with text attached (`-fvalue`, `-abc`); null when it is a positional after all (it holds a
   * space). Abbreviated long options are not supported.
   */
  private _matchOptional(tok: string): OptionMatch | null {
    const byFlag = (flag: string) => this._actions.find((a) => a.flags.includes(flag)) ?? null;
    const exact = byFlag(tok);
    if (exact) return { act: exact, flag: tok, inline: null };
    const eqAt = tok.indexOf("=");
    if (eqAt > 0) {
      const act = byFlag(tok.slice(0, eqAt));
      if (act) return { act, flag: tok.slice(0, eqAt), inline: tok.slice(eqAt + 1) };
    }
    if (!tok.startsWith("--")) {
      const act = byFlag(tok.slice(0, 2));
      if (act) return { act, flag: tok.slice(0, 2), inline: tok.slice(2) };
    }
    if (tok.includes(" ")) return null;
    return { act: null, flag: tok, inline: null };
  }

  /** How many values an attached value gives `act`: 0 for flags, 1 for options taking one. */
  private _explicitCount(act: Action): number {
    if (ZERO_ARG_ACTIONS.includes(act.action)) return 0;
    const n = act.nargs;
    if (typeof n === "bigint" && n !== 1n) this._argError(act, `expected ${n} arguments`);
    return 1;
  }

  private _argError(act: Action, message: string): never {
    this.error(`argument ${act.flags.length ? act.flags.join("/") : this._metavar(act)}: ${message}`);
  }

  /** Applies option `act` with its attached value, or the values after index `i`; the next index. */
  private _takeOptional(act: Action, inline: string | null, argv: string[], i: number, ns: Namespace): number {
    const label = act.flags.join("/");
    switch (act.action) {
      case "help":
        this.print_help();
        throw new SystemExit(0n);
      case "store_true":
      case "store_false":
      case "store_const":
        ns[act.dest] = act.action === "store_const" ? act.const : act.action === "store_true";
        return i;
      case "count":
        ns[act.dest] = (typeof ns[act.dest] === "bigint" ? (ns[act.dest] as bigint) : 0n) + 1n;
        return i;
    }
    const values: string[] = [];
    const n = act.nargs;
    if (inline !== null) values.push(inline);
    else if (n === "?" || n === "*" || n === "+" || typeof n === "bigint") {
      const max = n === "?" ? 1 : typeof n === "bigint" ? Number(n) : Infinity;
      while (i < argv.length && values.length < max && !isOptional(argv[i])) values.push(argv[i++]);
    } else if (i < argv.length && !isOptional(argv[i])) values.push(argv[i++]);
    if (n === null && values.length === 0) this.error(`argument ${label}: expected one argument`);
    if (n === "+" && values.length === 0) this.error(`argument ${label}: expected at least one argument`);
    if (typeof n === "bigint" && values.length !== Number(n)) this.error(`argument ${label}: expected ${n} arguments`);
    const converted = values.map((v) => this._convert(act, v, label));
    let value: unknown;
    if (n === null) value = converted[0];
    else if (n === "?") value = converted.length ? converted[0] : act.const;
    else value = PyList.fromArray(converted);
    if (act.action === "append") {
      const prev = ns[act.dest];
      const list = prev instanceof PyList ? PyList.fromArray(Array.from(prev)) : PyList.fromArray<unknown>([]);
      list.push(value);
      ns[act.dest] = list;
    } else ns[act.dest] = value;
    return i;
  }

  private _convertDefault(a: Action): unknown {
    return typeof a.default === "string" && a.type !== null ? this._convert(a, a.default, a.dest) : a.default;
  }

  private _convert(a: Action, text: string, label: string): unknown {
    let v: unknown = text;
    if (a.type !== null) {
      try {
        v = call(a.type, text);
      } catch (e) {
        if (e instanceof TypeError || e instanceof ValueError) {
          const tname = (a.type as { __name__?: string; name?: string }).__name__ ?? (a.type as { name?: string }).name ?? "value";
          this.error(`argument ${a.flags.length ? a.flags.join("/") : label}: invalid ${tname} value: ${repr(text)}`);
        }
        throw e;
      }
    }
    if (a.choices !== null && !a.choices.some((c) => eq(c, v))) {
      this.error(
        `argument ${a.flags.length ? a.flags.join("/") : label}: invalid choice: ${repr(v)} (choose from ${a.choices.map((c) => repr(c)).join(", ")})`,
      );
    }
    return v;
  }

  private _metavar(a: Action): string {
    if (a.metavar !== null) return String(a.metavar);
    if (a.flags.length === 0) return a.dest;
    if (a.choices !== null) return `{${a.choices.map((c) => str(c)).join(",")}}`;
    return a.dest.toUpperCase();
  }

  private _argUsage(a: Action): string {
    const mv = this._metavar(a);
    const n = a.nargs;
    let vals: string;
    if (["store_true", "store_false", "store_const", "count", "help"].includes(a.action)) vals = "";
    else if (n === "?") vals = `[${mv}]`;
    else if (n === "*") vals = a.flags.length ? `[${mv} ...]` : `[${mv} ...]`;
    else if (n === "+") vals = `${mv} [${mv} ...]`;
    else if (typeof n === "bigint") vals = Array(Number(n)).fill(mv).join(" ");
    else vals = mv;
    if (a.flags.length === 0) return vals;
    return vals ? `${a.flags[0]} ${vals}` : a.flags[0];
  }

  format_usage(): string {
    const parts = this._actions.map((a) => {
      const u = this._argUsage(a);
      return a.flags.length && !a.required ? `[${u}]` : u;
    });
    const opts = parts.filter((_, i) => this._actions[i].flags.length);
    const pos = parts.filter((_, i) => !this._actions[i].flags.length);
    const prefix = "usage: ";
    const oneLine = [this.prog, ...opts, ...pos].join(" ");
    // argparse wraps the usage at the terminal width less 2 (80 columns when not a terminal),
    // continuing under the first argument.
    const width = Math.max(Number(host.env?.COLUMNS ?? 80) - 2, 11);
    if (prefix.length + oneLine.length <= width || prefix.length + this.prog.length > 0.75 * width) return `${prefix}${oneLine}\n`;
    const indent = " ".repeat(prefix.length + this.prog.length + 1);
    const getLines = (items: string[], first: boolean): string[] => {
      const lines: string[] = [];
      let line: string[] = [];
      let len = first ? prefix.length - 1 : indent.length - 1;
      for (const part of items) {
        if (len + 1 + part.length > width && line.length) {
          lines.push(indent + line.join(" "));
          line = [];
          len = indent.length - 1;
        }
        line.push(part);
        len += part.length + 1;
      }
      if (line.length) lines.push(indent + line.join(" "));
      if (first) lines[0] = lines[0].slice(indent.length);
      return lines;
    };
    const lines = opts.length ? [...getLines([this.prog, ...opts], true), ...getLines(pos, false)] : getLines([this.prog, ...pos], true);
    return `${prefix}${lines.join("\n")}\n`;
  }

  format_help(): string {
    let s = this.format_usage();
    if (this.description !== null) s += `\n${str(this.description)}\n`;
    const invocation = (a: (typeof this._actions)[number]): string => {
      if (!a.flags.length) return this._metavar(a);
      const takes = !["store_true", "store_false", "store_const", "count", "help"].includes(a.action);
      return a.flags.map((f) => (takes ? `${f} ${this._metavar(a)}` : f)).join(", ");
    };
    // HelpFormatter: the help column is 2 past the longest invocation (indented 2), at most 24;
    // help text is wrapped to what is left of the width (COLUMNS less 2).
    const width = Math.max(Number(host.env?.COLUMNS ?? 80) - 2, 11);
    const maxHelpPosition = Math.min(24, Math.max(width - 20, 4));
    const longest = Math.max(0, ...this._actions.map((a) => invocation(a).length + 2));
    const helpPosition = Math.min(longest + 2, maxHelpPosition);
    const helpWidth = Math.max(width - helpPosition, 11);
    const actionWidth = helpPosition - 2 - 2;
    const row = (left: string, help: string | null) => {
      const h = help === null ? "" : help;
      if (!h) return `  ${left}\n`;
      const lines = wrapWords(h, helpWidth);
      const pad = " ".repeat(helpPosition);
      const first = left.length <= actionWidth ? `  ${left.padEnd(actionWidth)}  ${lines[0]}\n` : `  ${left}\n${pad}${lines[0]}\n`;
      return (
        first +
        lines
          .slice(1)
          .map((l) => `${pad}${l}\n`)
          .join("")
      );
    };
    const pos = this._actions.filter((a) => a.flags.length === 0);
    if (pos.length) {
      s += "\npositional arguments:\n";
      for (const a of pos) s += row(invocation(a), this._expandHelp(a));
    }
    const opts = this._actions.filter((a) => a.flags.length);
    if (opts.length) {
      s += "\noptions:\n";
      for (const a of opts) s += row(invocation(a), this._expandHelp(a));
    }
    if (this.epilog !== null) s += `\n${str(this.epilog)}\n`;
    return s;
  }

  /**
   * The help string with `%(name)s` replaced by the action's fields and `%(prog)s` (HelpFormatter
   * does `help % fields`): fields whose value is SUPPRESS are left out (naming one is a KeyError),
   * a value with a __name__ (a type, a function) gives its name, choices are joined with ", ".
   */
  private _expandHelp(a: Action): string | null {
    if (a.help === null || !truthy(a.help) || !str(a.help).trim()) return null;
    const zeroArg = ZERO_ARG_ACTIONS.includes(a.action);
    const fields: [string, unknown][] = [
      ["option_strings", PyList.fromArray([...a.flags])],
      ["dest", a.dest],
      ["nargs", zeroArg ? 0n : a.nargs],
      ["const", a.action === "store_true" ? true : a.action === "store_false" ? false : a.const],
      ["default", a.default],
      ["type", a.type],
      ["choices", a.choices === null ? null : a.choices.map((c) => str(c)).join(", ")],
      ["required", a.required],
      ["help", a.help],
      ["metavar", a.metavar],
      ["prog", this.prog],
    ];
    const none = {};
    const params = fields
      .filter(([, v]) => v !== SUPPRESS)
      .map(([k, v]): [string, unknown] => {
        const name = v === null || (typeof v !== "object" && typeof v !== "function") ? undefined : getattr(v, "__name__", none);
        return [k, name === undefined || name === none ? v : name];
      });
    return percentFormat(str(a.help), PyDict.fromEntries(params));
  }

  print_usage(file: unknown = null): null {
    ((file ?? stdio.stdout) as { write(s: string): unknown }).write(this.format_usage());
    return null;
  }
  print_help(file: unknown = null): null {
    ((file ?? stdio.stdout) as { write(s: string): unknown }).write(this.format_help());
    return null;
  }
  exit(status: unknown = 0n, message: unknown = null): never {
    if (message !== null) (stdio.stderr as { write(s: string): unknown }).write(str(message));
    throw new SystemExit(status);
  }
  error(message: string): never {
    (stdio.stderr as { write(s: string): unknown }).write(this.format_usage());
    this.exit(2n, `${this.prog}: error: ${message}\n`);
  }
  static __module__ = "argparse";
}

/** textwrap.wrap of help text as HelpFormatter does it: runs of whitespace are one space. */
function wrapWords(text: string, width: number): string[] {
  const words = text.replace(/\s+/g, " ").trim().split(" ");
  const lines: string[] = [];
  let line = "";
  for (const w of words) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  lines.push(line);
  return lines;
}
