// argparse's formatter classes (`formatter_class=`): HelpFormatter holds the layout (width, the
// help column's limit); RawDescriptionHelpFormatter keeps descriptions and epilogs as written,
// RawTextHelpFormatter the help strings too, ArgumentDefaultsHelpFormatter adds "(default: ...)",
// MetavarTypeHelpFormatter names values by their type.
// ArgumentParser makes one per help text (`formatter_class(prog)`, a class or any callable such as
// `lambda prog: HelpFormatter(prog, max_help_position=40)`) and reads these settings from it.
import { host } from "../host.js";
import { TypeError } from "../builtins/exceptions.js";
import { PyObject, popKw } from "../builtins/object.js";
import { call, truthy } from "../builtins/ops.js";
import { isinstance } from "../builtins/functions.js";

// (a PyObject, so a program's formatter may combine two of them: `class F(ArgumentDefaultsHelpFormatter,
// RawDescriptionHelpFormatter)`; its fields are set by __init__, which such a class's copies keep)
export class HelpFormatter extends PyObject {
  declare _prog: string;
  declare _indent_increment: bigint;
  declare _width: bigint;
  declare _max_help_position: bigint;
  __init__(...args: unknown[]): null {
    const k = popKw(args) ?? {};
    const [prog = k.prog, indent = k.indent_increment ?? 2n, maxHelp = k.max_help_position ?? 24n, width = k.width ?? null] = args;
    if (prog === undefined) throw new TypeError("HelpFormatter.__init__() missing 1 required positional argument: 'prog'");
    this._prog = String(prog);
    this._indent_increment = BigInt(indent as bigint);
    // (the terminal's width less 2; 80 columns when there is no terminal)
    this._width = width === null ? BigInt(Number(host.env?.COLUMNS ?? 80) - 2) : BigInt(width as bigint);
    const limit = this._width - 20n > this._indent_increment * 2n ? this._width - 20n : this._indent_increment * 2n;
    this._max_help_position = (maxHelp as bigint) < limit ? BigInt(maxHelp as bigint) : limit;
    return null;
  }
  static __module__ = "argparse";
}
/** Descriptions, epilogs and group descriptions keep their lines and indentation. */
export class RawDescriptionHelpFormatter extends HelpFormatter {}
/** ...and so do the arguments' help strings. */
export class RawTextHelpFormatter extends RawDescriptionHelpFormatter {}
/** Each help string that does not name %(default) ends with " (default: %(default)s)". */
export class ArgumentDefaultsHelpFormatter extends HelpFormatter {}
/** An argument without metavar or choices is shown by its type's name (`--foo int`). */
export class MetavarTypeHelpFormatter extends HelpFormatter {}

/** What a parser's help text needs to know of its formatter. */
export interface HelpLayout {
  width: number;
  maxHelpPosition: number;
  rawDescription: boolean;
  rawText: boolean;
  showDefaults: boolean;
  metavarType: boolean;
}

/** The layout of `formatterClass(prog)`; a callable giving no HelpFormatter gets the default layout. */
export function helpLayout(formatterClass: unknown, prog: string): HelpLayout {
  const f = formatterClass === HelpFormatter ? null : call(formatterClass, prog);
  const made = f instanceof HelpFormatter || (f !== null && isinstance(f, HelpFormatter)) ? (f as HelpFormatter) : new HelpFormatter(prog);
  return {
    width: Number(made._width),
    maxHelpPosition: Number(made._max_help_position),
    rawDescription: truthy(isinstance(made, RawDescriptionHelpFormatter)),
    rawText: truthy(isinstance(made, RawTextHelpFormatter)),
    showDefaults: truthy(isinstance(made, ArgumentDefaultsHelpFormatter)),
    metavarType: truthy(isinstance(made, MetavarTypeHelpFormatter)),
  };
}

/** str.splitlines() of a help string (RawTextHelpFormatter's lines). */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/);
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}
