// argparse: the common subset scripts use for their options: ArgumentParser with optional
// (-x/--long) and positional arguments; actions store, store_true, store_false, store_const,
// append, count; type=, default=, choices=, required=, dest=, nargs ('?', '*', '+', N);
// parse_args()/parse_known_args() over sys.argv[1:]; Namespace. Errors print the usage line and
// "prog: error: ..." on stderr and exit with status 2, as argparse does. -h/--help prints a plain
// help text (usage, description, the arguments with their help strings).
// add_subparsers() (subcommands: each its own ArgumentParser, given the rest of the command line),
// add_argument_group() (titled help sections) and add_mutually_exclusive_group().
// parents= copies other parsers' arguments, groups and defaults.
// Long options may be abbreviated (`--verb` for `--verbose`, unless allow_abbrev=False); an
// abbreviation that fits several is "ambiguous option". formatter_class= (the classes in
// _argparse_formatters.ts) shapes the help text. CPython: Lib/argparse.py (documented and observed behaviour).
import { Exception as PyException, NotImplementedError, OSError, SystemExit, TypeError, ValueError } from "../builtins/exceptions.js";
import { PyDict, PyList, PyTuple } from "../builtins/collections.js";
import { KwArgs, PyObject, kw, popKw } from "../builtins/object.js";
import { call, toIterable, truthy, eq, getattr, getitem, typeName } from "../builtins/ops.js";
import { percentFormat } from "../builtins/percent.js";
import { repr, str } from "../builtins/repr.js";
import { stdio } from "../builtins/functions.js";
import { open } from "../builtins/io.js";
import { argv as sysArgv } from "./sys.js";
import { HelpFormatter, type HelpLayout, helpLayout, splitLines } from "./_argparse_formatters.js";

export {
  HelpFormatter,
  RawDescriptionHelpFormatter,
  RawTextHelpFormatter,
  ArgumentDefaultsHelpFormatter,
  MetavarTypeHelpFormatter,
} from "./_argparse_formatters.js";

export const SUPPRESS = "==SUPPRESS==";
export const OPTIONAL = "?";
export const ZERO_OR_MORE = "*";
export const ONE_OR_MORE = "+";
export const PARSER = "A...";

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

/** Raised by a type= callable to give its own error message. */
export class ArgumentTypeError extends PyException {
  static __module__ = "argparse";
}

/** action=BooleanOptionalAction: `--flag` stores True and `--no-flag` False (the default is None). */
export class BooleanOptionalAction {
  static __module__ = "argparse";
}

/**
 * type=FileType(mode, ...): the argument names a file to open with those settings; "-" is
 * sys.stdin (sys.stdout for a writing mode; their .buffer for a binary one). A file that cannot be
 * opened is an ArgumentTypeError "can't open 'NAME': <the OSError>".
 */
export class FileType {
  constructor(...args: unknown[]) {
    const k = popKw(args) ?? {};
    const names = ["mode", "bufsize", "encoding", "errors"] as const;
    const dflts: unknown[] = ["r", -1n, null, null];
    names.forEach((n, i) => ((this as Record<string, unknown>)[`_${n}`] = args[i] ?? k[n] ?? dflts[i]));
  }
  declare _mode: unknown;
  declare _bufsize: unknown;
  declare _encoding: unknown;
  declare _errors: unknown;
  __call__(name: unknown): unknown {
    const mode = str(this._mode);
    if (name === "-") {
      const stream = mode.includes("r") ? stdio.stdin : /[wax]/.test(mode) ? stdio.stdout : null;
      if (stream === null) throw new ValueError(`argument "-" with mode ${mode}`);
      return mode.includes("b") ? getattr(stream, "buffer") : stream;
    }
    try {
      return open(name, mode, this._bufsize, this._encoding, this._errors);
    } catch (e) {
      if (e instanceof OSError) throw new ArgumentTypeError(`can't open '${str(name)}': ${str(e)}`);
      throw e;
    }
  }
  __repr__(): string {
    const parts = [repr(this._mode)];
    if (this._bufsize !== -1n) parts.push(repr(this._bufsize));
    if (this._encoding !== null) parts.push(`encoding=${repr(this._encoding)}`);
    if (this._errors !== null) parts.push(`errors=${repr(this._errors)}`);
    return `FileType(${parts.join(", ")})`;
  }
  static __module__ = "argparse";
}

const isBooleanOptional = (action: unknown): boolean =>
  typeof action === "function" && (action === BooleanOptionalAction || action.prototype instanceof BooleanOptionalAction);

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
  /** The titled group whose help section lists it (null: "positional arguments" or "options"). */
  section?: _ArgumentGroup | null;
  mutex?: _MutuallyExclusiveGroup | null;
  /** action=<a program's Action subclass>: the instance whose __call__ stores the values. */
  instance?: Action_ | null;
}

const isOptional = (s: string) => s.startsWith("-") && s.length > 1 && !/^-\d/.test(s);
/** Actions that take no value on the command line. */
const ZERO_ARG_ACTIONS = ["store_true", "store_false", "store_const", "count", "help", "boolean_optional"];
/** Whether the action takes no value (a program's Action class: when its nargs is 0). */
const takesNoValue = (a: Action): boolean => ZERO_ARG_ACTIONS.includes(a.action) || (a.action === "custom" && a.nargs === 0n);
/** nargs=REMAINDER: the positional takes every token left, options too. */
export const REMAINDER = "...";

/** An option token resolved: its action (null when unknown), the flag and any attached value. */
interface OptionMatch {
  act: Action | null;
  flag: string;
  inline: string | null;
}

/**
 * Action(option_strings, dest, nargs=None, ...): the base of a program's own actions, whose
 * __call__(parser, namespace, values, option_string=None) stores what the command line gave.
 */
export class Action_ extends PyObject {
  declare option_strings: unknown;
  declare dest: unknown;
  declare nargs: unknown;
  declare const: unknown;
  declare default: unknown;
  declare type: unknown;
  declare choices: unknown;
  declare required: unknown;
  declare help: unknown;
  declare metavar: unknown;
  __init__(...args: unknown[]): null {
    const k = popKw(args) ?? {};
    const names = ["option_strings", "dest", "nargs", "const", "default", "type", "choices", "required", "help", "metavar"];
    for (const key of Object.keys(k)) if (!names.includes(key)) throw new TypeError(`Action.__init__() got an unexpected keyword argument '${key}'`);
    names.forEach((name, i) => {
      const value = i < args.length ? args[i] : name in k ? k[name] : name === "required" ? false : null;
      if (i < 2 && value === null && !(name in k) && i >= args.length)
        throw new TypeError(`Action.__init__() missing 1 required positional argument: '${name}'`);
      (this as Record<string, unknown>)[name] = value;
    });
    return null;
  }
  __call__(..._args: unknown[]): unknown {
    throw new NotImplementedError(".__call__() not defined");
  }
  format_usage(): unknown {
    return getitem(this.option_strings, 0n);
  }
  __repr__(): string {
    const names = ["option_strings", "dest", "nargs", "const", "default", "type", "choices", "required", "help", "metavar"];
    return `${typeName(this)}(${names.map((n) => `${n}=${repr((this as Record<string, unknown>)[n])}`).join(", ")})`;
  }
  static __module__ = "argparse";
  static __name__ = "Action";
  static __qualname__ = "Action";
}
export { Action_ as Action };

export class ArgumentParser {
  prog: string;
  description: unknown;
  epilog: unknown;
  _actions: Action[] = [];
  _defaults: Record<string, unknown> = {};
  _groups: _ArgumentGroup[] = [];
  _mutexGroups: _MutuallyExclusiveGroup[] = [];
  formatter_class: unknown;
  allow_abbrev: boolean;

  constructor(...args: unknown[]) {
    const k = popKw(args) ?? {};
    const prog = args[0] ?? k.prog ?? null;
    const script = String(sysArgv[0] ?? "");
    this.prog = prog === null ? script.slice(script.lastIndexOf("/") + 1) : String(prog);
    this.description = k.description ?? null;
    this.epilog = k.epilog ?? null;
    this.formatter_class = k.formatter_class ?? HelpFormatter;
    this.allow_abbrev = truthy(k.allow_abbrev ?? true);
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
    for (const parent of k.parents ? Array.from(toIterable(k.parents)) : []) this._inherit(parent as ArgumentParser);
  }

  /** add_argument(): the Action object (a program's Action class: its instance). */
  add_argument(...args: unknown[]): Action | Action_ {
    const a = this._addArgument(...args);
    return a.instance ?? a;
  }

  _addArgument(...args: unknown[]): Action {
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
    const booleanOptional = isBooleanOptional(k.action);
    if (!booleanOptional && typeof k.action === "function") return this._addCustom(k.action, optional ? flags : [], dest, k);
    const action = booleanOptional ? "boolean_optional" : String(k.action ?? "store");
    // BooleanOptionalAction: each --flag also gets its --no-flag, which stores False.
    if (booleanOptional && optional) flags.push(...flags.filter((f) => f.startsWith("--")).map((f) => `--no-${f.slice(2)}`));
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

  /** action=SomeAction: the class made with the argument's keywords, as argparse makes it; returns the instance. */
  private _addCustom(cls: Function, flags: string[], dest: string, k: Record<string, unknown>): Action {
    const given: Record<string, unknown> = { ...k };
    delete given.action;
    const instance = call(cls, new KwArgs({ ...given, option_strings: PyList.fromArray([...flags]), dest })) as Action_;
    const field = (name: string) => getattr(instance, name, null);
    const choices = field("choices");
    const optional = flags.length > 0;
    const a: Action = {
      flags,
      dest: String(field("dest")),
      action: "custom",
      nargs: field("nargs"),
      type: field("type"),
      default: field("default"),
      const: field("const"),
      choices: choices === null ? null : Array.from(toIterable(choices)),
      required: optional ? truthy(field("required")) : k.nargs !== "?" && k.nargs !== "*" && k.nargs !== REMAINDER,
      help: field("help"),
      metavar: field("metavar"),
      instance,
    };
    this._actions.push(a);
    return a;
  }

  /** Stores an argument's value: its action's __call__ for a program's Action class, else the attribute. */
  private _store(act: Action, value: unknown, ns: Namespace, optionString: string | null): void {
    if (act.instance) call(act.instance, this, ns, value, optionString);
    else ns[act.dest] = value;
  }

  /** parents=: the parent's arguments (the same objects, as argparse shares them), groups and defaults. */
  private _inherit(parent: ArgumentParser): void {
    const mine = new Set(this._actions.flatMap((a) => a.flags));
    for (const a of parent._actions) {
      const clash = a.flags.filter((f) => mine.has(f));
      if (clash.length) throw new ArgumentError(`argument ${a.flags.join("/")}: conflicting option strings: ${clash.join(", ")}`);
    }
    this._actions.push(...parent._actions);
    this._groups.push(...parent._groups);
    this._mutexGroups.push(...parent._mutexGroups);
    Object.assign(this._defaults, parent._defaults);
  }

  add_argument_group(...args: unknown[]): _ArgumentGroup {
    const k = popKw(args) ?? {};
    const group = new _ArgumentGroup(this, args[0] ?? k.title ?? null, args[1] ?? k.description ?? null);
    this._groups.push(group);
    return group;
  }

  add_mutually_exclusive_group(...args: unknown[]): _MutuallyExclusiveGroup {
    const k = popKw(args) ?? {};
    return this._addMutex(null, truthy(args[0] ?? k.required ?? false));
  }

  _addMutex(section: _ArgumentGroup | null, required: boolean): _MutuallyExclusiveGroup {
    const group = new _MutuallyExclusiveGroup(this, section, required);
    this._mutexGroups.push(group);
    return group;
  }

  add_subparsers(...args: unknown[]): _SubParsersAction {
    const k = popKw(args) ?? {};
    if (this._actions.some((a) => a instanceof _SubParsersAction)) this.error("cannot have multiple subparser arguments");
    // A subcommand's prog is this prog and the positionals before the command, then its name.
    const before = this._actions.filter((a) => a.flags.length === 0).map((a) => this._argUsage(a));
    const prog = k.prog !== undefined && k.prog !== null ? String(k.prog) : [this.prog, ...before].join(" ");
    const act = new _SubParsersAction(prog, k);
    this._actions.push(act);
    if (k.title !== undefined || k.description !== undefined) {
      this.add_argument_group(kw({ title: k.title ?? "subcommands", description: k.description ?? null }))._file(act);
    }
    return act;
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
    return PyTuple.fromArray<unknown>([ns, PyList.fromArray(extras)]);
  }

  _parse(args: unknown, namespace: unknown): [Namespace, string[]] {
    const argv = args === null || args === undefined ? Array.from(sysArgv).slice(1).map(String) : Array.from(toIterable(args), String);
    const ns = (namespace ?? new Namespace()) as Namespace;
    for (const a of this._actions) {
      if (a.action === "help" || a.default === SUPPRESS || a.dest === SUPPRESS) continue;
      if (!(a.dest in ns)) ns[a.dest] = a.dest in this._defaults ? this._defaults[a.dest] : this._convertDefault(a);
    }
    for (const [key, v] of Object.entries(this._defaults)) if (!(key in ns)) ns[key] = v;
    const positionals = this._actions.filter((a) => a.flags.length === 0);
    // With subcommands, the token in the command's place and all after it go to the subparser;
    // the fixed positionals before it take the loose tokens before it.
    const sub = positionals.find((a): a is _SubParsersAction => a instanceof _SubParsersAction) ?? null;
    const beforeSub = sub
      ? positionals.slice(0, positionals.indexOf(sub)).reduce((n, p) => n + (p.nargs === null ? 1 : typeof p.nargs === "bigint" ? Number(p.nargs) : 0), 0)
      : 0;
    let subArgs: string[] | null = null;
    // nargs=REMAINDER: once the positionals before it have their tokens, the next token and all
    // after it are its values (an option before any positional is still an option when it is first).
    const rest = positionals.find((a) => a.nargs === REMAINDER) ?? null;
    const beforeRest = rest
      ? positionals.slice(0, positionals.indexOf(rest)).reduce((n, p) => n + (p.nargs === null ? 1 : typeof p.nargs === "bigint" ? Number(p.nargs) : 0), 0)
      : 0;
    let remainder: string[] | null = null;
    const seen = new Set<Action>();
    // A member of a mutually exclusive group conflicts with a member seen before it.
    const markSeen = (act: Action) => {
      const other = act.mutex?._group_actions.find((o) => o !== act && seen.has(o));
      if (other) this._argError(act, `not allowed with argument ${this._name(other)}`);
      seen.add(act);
    };
    const extras: string[] = [];
    const loose: string[] = [];
    let i = 0;
    let onlyPositionals = false;
    while (i < argv.length) {
      let tok = argv[i++];
      if (rest && loose.length === beforeRest && (loose.length > 0 || onlyPositionals || !isOptional(tok))) {
        remainder = argv.slice(i - 1);
        break;
      }
      if (!onlyPositionals && tok === "--") {
        onlyPositionals = true;
        continue;
      }
      const match = onlyPositionals || !isOptional(tok) ? null : this._matchOptional(tok);
      if (match === null) {
        if (sub && loose.length === beforeSub) {
          subArgs = argv.slice(i - 1);
          break;
        }
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
      const steps: [Action, string, string | null][] = [];
      let { act, flag, inline } = match;
      for (;;) {
        if (inline === null) {
          steps.push([act, flag, null]);
          break;
        }
        const count = this._explicitCount(act);
        if (count === 1) {
          steps.push([act, flag, inline]);
          break;
        }
        if (flag[1] === "-" || inline === "") this._argError(act, `ignored explicit argument ${repr(inline)}`);
        steps.push([act, flag, null]);
        flag = `-${inline[0]}`;
        const next = this._actions.find((a) => a.flags.includes(flag));
        if (!next) this._argError(act, `ignored explicit argument ${repr(inline)}`);
        act = next;
        inline = inline.length > 1 ? inline.slice(1) : null;
      }
      for (const [stepAct, stepFlag, stepInline] of steps) {
        markSeen(stepAct);
        i = this._takeOptional(stepAct, stepFlag, stepInline, argv, i, ns);
      }
    }
    // Positionals take the loose tokens in order.
    let j = 0;
    for (const p of positionals) {
      const n = p.nargs;
      if (p === sub) {
        if (subArgs === null) continue;
        markSeen(p);
        this._dispatch(sub, subArgs, ns, extras);
        continue;
      }
      if (n === REMAINDER) {
        this._store(p, PyList.fromArray(remainder ?? []), ns, null);
      } else if (n === null) {
        if (j < loose.length) this._store(p, this._convert(p, loose[j++]), ns, null);
        else continue;
      } else if (n === "?") {
        if (j < loose.length) this._store(p, this._convert(p, loose[j++]), ns, null);
        else if (p.instance) this._store(p, p.default, ns, null);
      } else if (n === "*" || n === "+") {
        const rest = loose.slice(j).map((v) => this._convert(p, v));
        j = loose.length;
        if (rest.length || n === "+") this._store(p, PyList.fromArray(rest), ns, null);
        else if (p.default === null) this._store(p, PyList.fromArray([]), ns, null);
        if (n === "+" && rest.length === 0) continue;
      } else if (typeof n === "bigint") {
        const take = loose.slice(j, j + Number(n));
        j += take.length;
        if (take.length === Number(n)) this._store(p, PyList.fromArray(take.map((v) => this._convert(p, v))), ns, null);
        else continue;
      }
      markSeen(p);
    }
    extras.push(...loose.slice(j));
    const missing = this._actions.filter((a) => a.required && !seen.has(a)).map((a) => this._name(a));
    if (missing.length) this.error(`the following arguments are required: ${missing.join(", ")}`);
    for (const g of this._mutexGroups) {
      if (g.required && !g._group_actions.some((a) => seen.has(a))) {
        this.error(`one of the arguments ${g._group_actions.map((a) => this._name(a)).join(" ")} is required`);
      }
    }
    return [ns, extras];
  }

  /** Runs the chosen subcommand's parser over `subArgs` (its name first) into `ns`. */
  private _dispatch(sub: _SubParsersAction, subArgs: string[], ns: Namespace, extras: string[]): void {
    const [name, ...rest] = subArgs;
    const parser = sub._parsers.get(name);
    if (parser === undefined) {
      this._argError(sub, `invalid choice: ${repr(name)} (choose from ${sub.choices.map((c) => repr(c)).join(", ")})`);
    }
    if (sub.dest !== SUPPRESS) ns[sub.dest] = name;
    // The subparser's values (its defaults too) win over the parent's.
    const [subNs, subExtras] = parser._parse(rest, null);
    for (const key of Object.keys(subNs)) ns[key] = subNs[key];
    extras.push(...subExtras);
  }

  /** How errors name an argument: its flags, else its metavar, dest or choices. */
  _name(a: Action): string {
    if (a.flags.length) return a.flags.join("/");
    if (a.metavar !== null && a.metavar !== SUPPRESS) return String(a.metavar);
    if (a.dest !== SUPPRESS) return a.dest;
    return this._metavar(a);
  }

  /**
   * What an option-looking token names: an exact flag, `--flag=value`/`-f=value`, the one long
   * option it abbreviates (`--verb`, `--verb=value`), or a short flag with text attached
   * (`-fvalue`, `-abc`); null when it is a positional after all (it holds a space). A token that
   * could be several options is an error.
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
    const candidates = this._optionCandidates(tok);
    if (candidates.length > 1) this.error(`ambiguous option: ${tok} could match ${candidates.map((c) => c.flag).join(", ")}`);
    if (candidates.length === 1) return candidates[0];
    if (tok.includes(" ")) return null;
    return { act: null, flag: tok, inline: null };
  }

  /**
   * The options a token that is no flag could stand for: `--pre[=value]` every long option starting
   * with `--pre` (when abbreviations are allowed); `-xrest` the short option `-x` with `rest`
   * attached, and every option starting with `-xrest`.
   */
  private _optionCandidates(tok: string): OptionMatch[] {
    const found: OptionMatch[] = [];
    const each = (visit: (act: Action, flag: string) => void) => {
      for (const act of this._actions) for (const flag of act.flags) visit(act, flag);
    };
    if (tok.startsWith("--")) {
      if (!this.allow_abbrev) return found;
      const eqAt = tok.indexOf("=");
      const prefix = eqAt < 0 ? tok : tok.slice(0, eqAt);
      const inline = eqAt < 0 ? null : tok.slice(eqAt + 1);
      each((act, flag) => {
        if (flag.startsWith(prefix)) found.push({ act, flag, inline });
      });
    } else {
      const short = tok.slice(0, 2);
      each((act, flag) => {
        if (flag === short) found.push({ act, flag, inline: tok.slice(2) });
        else if (flag.startsWith(tok)) found.push({ act, flag, inline: null });
      });
    }
    return found;
  }

  /** How many values an attached value gives `act`: 0 for flags, 1 for options taking one. */
  private _explicitCount(act: Action): number {
    if (takesNoValue(act)) return 0;
    const n = act.nargs;
    if (typeof n === "bigint" && n !== 1n) this._argError(act, `expected ${n} arguments`);
    return 1;
  }

  private _argError(act: Action, message: string): never {
    this.error(`argument ${this._name(act)}: ${message}`);
  }

  /** Applies option `act` with its attached value, or the values after index `i`; the next index. */
  private _takeOptional(act: Action, flag: string, inline: string | null, argv: string[], i: number, ns: Namespace): number {
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
      case "boolean_optional":
        ns[act.dest] = !flag.startsWith("--no-");
        return i;
      case "count":
        ns[act.dest] = (typeof ns[act.dest] === "bigint" ? (ns[act.dest] as bigint) : 0n) + 1n;
        return i;
      case "custom":
        if (act.nargs === 0n) {
          this._store(act, PyList.fromArray([]), ns, flag);
          return i;
        }
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
    const converted = values.map((v) => this._convert(act, v));
    let value: unknown;
    if (n === null) value = converted[0];
    else if (n === "?") value = converted.length ? converted[0] : act.const;
    else value = PyList.fromArray(converted);
    if (act.action === "append") {
      const prev = ns[act.dest];
      const list = prev instanceof PyList ? PyList.fromArray(Array.from(prev)) : PyList.fromArray<unknown>([]);
      list.push(value);
      ns[act.dest] = list;
    } else this._store(act, value, ns, flag);
    return i;
  }

  private _convertDefault(a: Action): unknown {
    return typeof a.default === "string" && a.type !== null ? this._convert(a, a.default) : a.default;
  }

  private _convert(a: Action, text: string): unknown {
    let v: unknown = text;
    if (a.type !== null) {
      try {
        v = call(a.type, text);
      } catch (e) {
        // An ArgumentTypeError's message is the whole complaint (FileType's "can't open ...").
        if (e instanceof ArgumentTypeError) this.error(`argument ${this._name(a)}: ${str(e)}`);
        if (e instanceof TypeError || e instanceof ValueError) {
          const tname = (a.type as { __name__?: string; name?: string }).__name__ ?? (a.type as { name?: string }).name ?? "value";
          this.error(`argument ${this._name(a)}: invalid ${tname} value: ${repr(text)}`);
        }
        throw e;
      }
    }
    if (a.choices !== null && !a.choices.some((c) => eq(c, v))) {
      this.error(`argument ${this._name(a)}: invalid choice: ${repr(v)} (choose from ${a.choices.map((c) => repr(c)).join(", ")})`);
    }
    return v;
  }

  _metavar(a: Action): string {
    if (a.metavar !== null) return String(a.metavar);
    if (a.choices !== null) return `{${a.choices.map((c) => str(c)).join(",")}}`;
    // (MetavarTypeHelpFormatter: the type's name, which an argument without a type lacks, as in CPython)
    if (this.formatter_class !== HelpFormatter && this._layout().metavarType) return String(getattr(a.type, "__name__"));
    return a.flags.length === 0 ? a.dest : a.dest.toUpperCase();
  }

  private _argUsage(a: Action): string {
    if (a.action === "boolean_optional") return a.flags.join(" | ");
    if (takesNoValue(a)) return a.flags[0];
    const vals = this._formatArgs(a);
    if (a.flags.length === 0) return vals;
    return vals ? `${a.flags[0]} ${vals}` : a.flags[0];
  }

  /** The values' part of a usage or help invocation, by nargs (`X [X ...]` for '+'). */
  private _formatArgs(a: Action): string {
    const mv = this._metavar(a);
    const n = a.nargs;
    let vals: string;
    if (n === "?") vals = `[${mv}]`;
    else if (n === "*") vals = a.flags.length ? `[${mv} ...]` : `[${mv} ...]`;
    else if (n === "+") vals = `${mv} [${mv} ...]`;
    else if (typeof n === "bigint") vals = Array(Number(n)).fill(mv).join(" ");
    else if (n === PARSER) vals = `${mv} ...`;
    else if (n === REMAINDER) vals = "...";
    else vals = mv;
    return vals;
  }

  /**
   * The usage words: optionals, then positionals; a mutually exclusive group stands where its
   * first member would, as `[-a | -b]`, or `(-a | -b)` when one is required.
   */
  private _usageParts(optionals: boolean): string[] {
    const parts: string[] = [];
    const done = new Set<_MutuallyExclusiveGroup>();
    for (const a of this._actions.filter(shown)) {
      if (a.flags.length > 0 !== optionals) continue;
      const g = a.mutex;
      if (!g) {
        const u = this._argUsage(a);
        parts.push(a.flags.length && !a.required ? `[${u}]` : u);
        continue;
      }
      if (done.has(g)) continue;
      done.add(g);
      const inner = g._group_actions
        .filter(shown)
        .map((m) => this._argUsage(m))
        .join(" | ");
      parts.push(!g.required ? `[${inner}]` : g._group_actions.length > 1 ? `(${inner})` : inner);
    }
    return parts;
  }

  /** The help text's layout, from a formatter made for this parser (`formatter_class(prog)`). */
  _layout(): HelpLayout {
    return helpLayout(this.formatter_class, this.prog);
  }

  format_usage(layout: HelpLayout = this._layout()): string {
    const opts = this._usageParts(true);
    const pos = this._usageParts(false);
    const prefix = "usage: ";
    const oneLine = [this.prog, ...opts, ...pos].join(" ");
    // argparse wraps the usage at the formatter's width (the terminal's less 2; 80 columns when not
    // a terminal), continuing under the first argument.
    const width = Math.max(layout.width, 11);
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
    const layout = this._layout();
    let s = this.format_usage(layout);
    // A description or epilog is wrapped to the width, or kept as written by the raw formatters.
    const text = (t: unknown, indent: string, width: number): string =>
      layout.rawDescription
        ? splitLinesKeepEnds(this._withProg(t))
            .map((l) => indent + l)
            .join("")
        : wrapWords(this._withProg(t), Math.max(width - indent.length, 11))
            .map((l) => indent + l)
            .join("\n");
    if (this.description !== null) s += `\n${text(this.description, "", layout.width)}\n`;
    const invocation = (a: (typeof this._actions)[number]): string => {
      if (!a.flags.length) return this._metavar(a);
      const takes = !takesNoValue(a);
      return a.flags.map((f) => (takes ? `${f} ${this._formatArgs(a)}` : f)).join(", ");
    };
    // HelpFormatter: the help column is 2 past the longest invocation (indented 2), at most 24;
    // help text is wrapped to what is left of the width (COLUMNS less 2).
    const width = Math.max(layout.width, 11);
    const maxHelpPosition = layout.maxHelpPosition;
    // A subcommand's row (its name and aliases) is indented 2 more, under the subparsers action.
    const subRows = (a: Action): [string, string][] =>
      a instanceof _SubParsersAction ? a._helpRows.map(([names, help]) => [names, percentFormat(str(help), PyDict.fromEntries([["prog", this.prog]]))]) : [];
    const longest = Math.max(
      0,
      ...this._actions.filter(shown).map((a) => invocation(a).length + 2),
      ...this._actions.flatMap((a) => subRows(a).map(([n]) => n.length + 4)),
    );
    const helpPosition = Math.min(longest + 2, maxHelpPosition);
    const helpWidth = Math.max(width - helpPosition, 11);
    const row = (left: string, help: string | null, indent = 2) => {
      const h = help === null ? "" : help;
      const ind = " ".repeat(indent);
      if (!h) return `${ind}${left}\n`;
      const lines = layout.rawText ? splitLines(h) : wrapWords(h, helpWidth);
      const pad = " ".repeat(helpPosition);
      const first =
        left.length <= helpPosition - indent - 2 ? `${ind}${left.padEnd(helpPosition - indent - 2)}  ${lines[0]}\n` : `${ind}${left}\n${pad}${lines[0]}\n`;
      return (
        first +
        lines
          .slice(1)
          .map((l) => `${pad}${l}\n`)
          .join("")
      );
    };
    const ungrouped = this._actions.filter((a) => !a.section);
    const sections: [unknown, unknown, Action[]][] = [
      ["positional arguments", null, ungrouped.filter((a) => a.flags.length === 0)],
      ["options", null, ungrouped.filter((a) => a.flags.length > 0)],
      ...this._groups.map((g): [unknown, unknown, Action[]] => [g.title, g.description, g._group_actions]),
    ];
    // A section with neither arguments nor a description is left out.
    for (const [title, description, all] of sections) {
      const actions = all.filter(shown);
      if (!actions.length && description === null) continue;
      s += "\n";
      if (title !== null) s += `${str(title)}:\n`;
      if (description !== null) s += `${text(description, "  ", width)}\n`;
      if (description !== null && actions.length) s += "\n";
      for (const a of actions) {
        s += row(invocation(a), this._expandHelp(a, layout.showDefaults));
        for (const [names, help] of subRows(a)) s += row(names, help, 4);
      }
    }
    if (this.epilog !== null) s += `\n${text(this.epilog, "", layout.width)}\n`;
    // As HelpFormatter ends: no more than one blank line in a row, none at either end.
    return `${s.replace(/\n\n\n+/g, "\n\n").replace(/^\n+|\n+$/g, "")}\n`;
  }

  /**
   * The help string with `%(name)s` replaced by the action's fields and `%(prog)s` (HelpFormatter
   * does `help % fields`): fields whose value is SUPPRESS are left out (naming one is a KeyError),
   * a value with a __name__ (a type, a function) gives its name, choices are joined with ", ".
   */
  private _expandHelp(a: Action, showDefaults = false): string | null {
    if (a.help === null || !truthy(a.help) || !str(a.help).trim()) return null;
    let help = str(a.help);
    // ArgumentDefaultsHelpFormatter: options, and positionals that may be left out, show their default.
    if (showDefaults && !help.includes("%(default)") && a.default !== SUPPRESS && (a.flags.length > 0 || a.nargs === "?" || a.nargs === "*"))
      help += " (default: %(default)s)";
    const zeroArg = takesNoValue(a);
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
    return percentFormat(help, PyDict.fromEntries(params));
  }

  /** A description or epilog naming %(prog)s gets the prog, as HelpFormatter does. */
  private _withProg(text: unknown): string {
    const t = str(text);
    return t.includes("%(prog)") ? percentFormat(t, PyDict.fromEntries([["prog", this.prog]])) : t;
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

/** help=SUPPRESS hides an argument from the usage and the help. */
const shown = (a: Action) => a.help !== SUPPRESS;

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

/** str.splitlines(keepends=True). */
function splitLinesKeepEnds(text: string): string[] {
  return text.match(/[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]*(?:\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]|$)/g)!.filter((l) => l !== "");
}

/** add_argument_group(): arguments parsed as the parser's own, listed in their own help section. */
export class _ArgumentGroup {
  _group_actions: Action[] = [];
  constructor(
    private readonly parser: ArgumentParser,
    public title: unknown,
    public description: unknown,
  ) {}
  add_argument(...args: unknown[]): Action | Action_ {
    const a = this._file(this.parser._addArgument(...args));
    return a.instance ?? a;
  }
  _file(a: Action): Action {
    a.section = this;
    this._group_actions.push(a);
    return a;
  }
  add_mutually_exclusive_group(...args: unknown[]): _MutuallyExclusiveGroup {
    const k = popKw(args) ?? {};
    return this.parser._addMutex(this, truthy(args[0] ?? k.required ?? false));
  }
  static __module__ = "argparse";
}

/** add_mutually_exclusive_group(): at most one of its arguments (exactly one when required). */
export class _MutuallyExclusiveGroup {
  _group_actions: Action[] = [];
  constructor(
    private readonly parser: ArgumentParser,
    private readonly section: _ArgumentGroup | null,
    public required: boolean,
  ) {}
  add_argument(...args: unknown[]): Action | Action_ {
    const a = this.parser._addArgument(...args);
    if (this.section) this.section._file(a);
    a.mutex = this;
    this._group_actions.push(a);
    return a.instance ?? a;
  }
  static __module__ = "argparse";
}

/** add_subparsers(): the positional naming a subcommand; add_parser() makes each subcommand's parser. */
export class _SubParsersAction implements Action {
  flags: string[] = [];
  dest: string;
  action = "parsers";
  nargs: unknown = PARSER;
  type: unknown = null;
  default: unknown = null;
  const: unknown = null;
  choices: string[] = [];
  required: boolean;
  help: unknown;
  metavar: unknown;
  section: _ArgumentGroup | null = null;
  _parsers = new Map<string, ArgumentParser>();
  /** The help section's rows for subcommands added with help=: "name (alias, ...)" and the help. */
  _helpRows: [string, unknown][] = [];

  constructor(
    private readonly prog: string,
    k: Record<string, unknown>,
  ) {
    this.dest = k.dest === undefined || k.dest === null ? SUPPRESS : String(k.dest);
    this.required = truthy(k.required ?? false);
    this.help = k.help ?? null;
    this.metavar = k.metavar ?? null;
  }

  add_parser(...args: unknown[]): ArgumentParser {
    const k = { ...(popKw(args) ?? {}) };
    const name = String(args[0] ?? k.name);
    const aliases = k.aliases === undefined || k.aliases === null ? [] : Array.from(toIterable(k.aliases), String);
    const help = k.help;
    for (const key of ["name", "aliases", "help"]) delete k[key];
    if (k.prog === undefined || k.prog === null) k.prog = `${this.prog} ${name}`;
    const parser = new ArgumentParser(kw(k));
    for (const n of [name, ...aliases]) {
      this._parsers.set(n, parser);
      this.choices.push(n);
    }
    if (help !== undefined) this._helpRows.push([aliases.length ? `${name} (${aliases.join(", ")})` : name, help]);
    return parser;
  }
  static __module__ = "argparse";
}
