// traceback: format_exc / print_exc / format_exception in CPython's layout. Frames come from a
// pluggable formatter (the CLI installs one that maps JS stacks back to .py lines).
import { AttributeError, BaseException, BaseExceptionGroup, NameError, toPyException, wasRaised } from "../builtins/exceptions.js";
import { closestName, missingNameOf } from "../builtins/suggestions.js";
import { hasattr } from "../builtins/ops.js";
import { PyList } from "../builtins/collections.js";
import { str } from "../builtins/repr.js";
import { popKw } from "../builtins/object.js";
import { dir, stdio } from "../builtins/functions.js";
import { exception as currentException } from "./sys.js";

/** Returns the "  File ..., line N, in f\n    source\n" lines for an exception (outermost first). */
export type FrameFormatter = (exc: BaseException) => string[];
let frameFormatter: FrameFormatter = () => [];
export function _set_frame_formatter(f: FrameFormatter): void {
  frameFormatter = f;
}

function typeLabel(e: BaseException): string {
  return e.name; // module-qualified except for builtins / __main__
}

export function format_exception_only(exc: unknown, value?: unknown): PyList<string> {
  return exceptionOnly(toPyException(value !== undefined && value !== null ? value : exc), false);
}

/** The exception's last lines; `withTraceback`: printed below its frames (a NameError's suggestion looks at them). */
function exceptionOnly(e: BaseException, withTraceback: boolean): PyList<string> {
  const s = safeStr(e) + suggestionText(e, withTraceback);
  const lines = [s === "" ? `${typeLabel(e)}\n` : `${typeLabel(e)}: ${s}\n`];
  if (e.__notes__) for (const n of e.__notes__) lines.push(`${str(n)}\n`);
  return PyList.fromArray(lines);
}

/** Whether the report being formatted is the interpreter's own (an uncaught exception's): its suggestions follow other rules. */
let interpreterRules = false;

/** The report of the exception that ended the program, as the interpreter prints it. */
export function _format_uncaught(exc: BaseException): string {
  interpreterRules = true;
  try {
    return format_exception(exc).join("");
  } finally {
    interpreterRules = false;
  }
}

/** CPython 3.12's "Did you mean: 'x'?" and "Did you forget to import 'm'?" after a NameError or AttributeError the runtime raised. */
function suggestionText(e: BaseException, withTraceback: boolean): string {
  const missing = missingNameOf(e);
  if (missing === undefined) return "";
  const { name } = missing;
  let suggestion: string | null = null;
  try {
    if (e instanceof NameError) {
      // (the frame's names come from the traceback: format_exception_only(e) has none)
      if (!withTraceback) suggestion = null;
      else if (missing.self !== undefined && hasattr(missing.self.value, name)) suggestion = `self.${name}`;
      else suggestion = (interpreterRules ? missing.interpreterSuggestion : missing.tracebackSuggestion) ?? null;
    } else if (e instanceof AttributeError) {
      const names = [...dir(missing.obj)].filter((n): n is string => typeof n === "string");
      suggestion = closestName(name, names, interpreterRules ? "interpreter" : "traceback");
    }
  } catch {
    // (an attribute hook or dir() that raises: no suggestion, as in CPython)
    suggestion = null;
  }
  let text = suggestion === null ? "" : `. Did you mean: '${suggestion}'?`;
  if (e instanceof NameError && missing.stdlibModule) {
    text += suggestion === null ? `. Did you forget to import '${name}'` : ` Or did you forget to import '${name}'`;
    // (only the interpreter's report ends the question with a question mark)
    if (interpreterRules) text += "?";
  }
  return text;
}

function safeStr(e: BaseException): string {
  try {
    return e.__str__();
  } catch {
    return "<exception str() failed>";
  }
}

// CPython's limits for printing exception groups (traceback.TracebackException defaults).
const MAX_GROUP_WIDTH = 15;
const MAX_GROUP_DEPTH = 10;

/** State of one traceback print: exceptions already shown, the group nesting, a box left open. */
interface PrintState {
  seen: Set<BaseException>;
  /** Group nesting: each level indents by two spaces and draws a margin. */
  depth: number;
  /** The last box of a group still needs its closing line (a nested last group closes it once). */
  needClose: boolean;
  out: string[];
}

/** Writes text at the current nesting: inside a group every line, blank ones too, gets the margin. */
function emit(st: PrintState, text: string | string[], margin = "|"): void {
  const prefix = st.depth > 0 ? `${" ".repeat(2 * st.depth)}${margin} ` : "";
  for (const chunk of typeof text === "string" ? [text] : text) {
    if (prefix === "") st.out.push(chunk);
    else
      st.out.push(
        chunk
          .split(/(?<=\n)/)
          .map((line) => prefix + line)
          .join(""),
      );
  }
}

/** The frames of an exception that was raised; one only constructed has no traceback. */
function framesOf(e: BaseException): string[] {
  // unittest's assertRaises keeps the exception without its traceback (exc.with_traceback(None)).
  if ((e as { __traceback_cleared__?: boolean }).__traceback_cleared__) return [];
  return wasRaised(e) ? frameFormatter(e) : [];
}

/** One exception with the chain of causes/contexts before it, as CPython prints them. */
function formatChain(e: BaseException, st: PrintState): void {
  const chain: Array<[string | null, BaseException]> = [];
  let msg: string | null = null;
  for (let cur: BaseException | null = e; cur !== null;) {
    st.seen.add(cur);
    chain.push([msg, cur]);
    const cause: BaseException | null = cur.__cause__ instanceof BaseException ? cur.__cause__ : null;
    const context: BaseException | null = cur.__context__ instanceof BaseException ? cur.__context__ : null;
    if (cause !== null) {
      cur = st.seen.has(cause) ? null : cause;
      msg = "\nThe above exception was the direct cause of the following exception:\n\n";
    } else if (context !== null && !cur.__suppress_context__) {
      cur = st.seen.has(context) ? null : context;
      msg = "\nDuring handling of the above exception, another exception occurred:\n\n";
    } else {
      cur = null;
    }
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    const [before, exc] = chain[i];
    formatSingle(exc, st);
    if (before !== null) emit(st, before);
  }
}

function formatSingle(e: BaseException, st: PrintState): void {
  if (!(e instanceof BaseExceptionGroup)) {
    const frames = framesOf(e);
    if (frames.length > 0) {
      emit(st, "Traceback (most recent call last):\n");
      emit(st, frames);
    }
    emit(st, [...exceptionOnly(e, true)]);
    return;
  }
  if (st.depth > MAX_GROUP_DEPTH) {
    emit(st, `... (max_group_depth is ${MAX_GROUP_DEPTH})\n`);
    return;
  }
  // The outermost group opens the boxes: its header carries a '+' in the margin.
  const outermost = st.depth === 0;
  if (outermost) st.depth = 1;
  const frames = framesOf(e);
  if (frames.length > 0) {
    emit(st, "Exception Group Traceback (most recent call last):\n", outermost ? "+" : "|");
    emit(st, frames);
  }
  emit(st, [...exceptionOnly(e, true)]);
  const members = [...e.exceptions];
  const shown = Math.min(members.length, MAX_GROUP_WIDTH + 1);
  st.needClose = false;
  for (let i = 0; i < shown; i++) {
    const last = i === shown - 1;
    if (last) st.needClose = true;
    const truncated = i >= MAX_GROUP_WIDTH;
    const title = truncated ? "..." : String(i + 1);
    st.out.push(`${" ".repeat(2 * st.depth)}${i === 0 ? "+-" : "  "}+---------------- ${title} ----------------\n`);
    st.depth++;
    if (truncated) {
      const more = members.length - MAX_GROUP_WIDTH;
      emit(st, `and ${more} more exception${more > 1 ? "s" : ""}\n`);
    } else {
      formatChain(members[i], st);
    }
    if (last && st.needClose) {
      st.out.push(`${" ".repeat(2 * st.depth)}+------------------------------------\n`);
      st.needClose = false;
    }
    st.depth--;
  }
  if (outermost) st.depth = 0;
}

export function format_exception(exc: unknown, value?: unknown, _tb?: unknown, ...rest: unknown[]): PyList<string> {
  popKw(rest);
  const e = toPyException(value !== undefined && value !== null ? value : exc);
  const st: PrintState = { seen: new Set(), depth: 0, needClose: false, out: [] };
  formatChain(e, st);
  return PyList.fromArray(st.out);
}

export function format_exc(..._args: unknown[]): string {
  const e = currentException();
  if (e === null || e === undefined) return "NoneType: None\n";
  return format_exception(e).join("");
}

export function print_exc(...args: unknown[]): null {
  const k = popKw(args);
  const file = (k?.file as { write(s: string): unknown } | undefined) ?? stdio.stderr;
  file.write(format_exc());
  return null;
}

export function print_exception(exc: unknown, ...args: unknown[]): null {
  const k = popKw(args);
  const file = (k?.file as { write(s: string): unknown } | undefined) ?? stdio.stderr;
  file.write(format_exception(exc, args[0]).join(""));
  return null;
}

export function format_tb(_tb: unknown): PyList<string> {
  return PyList.fromArray([]);
}
export function print_stack(..._args: unknown[]): null {
  return null;
}
export function format_stack(..._args: unknown[]): PyList<string> {
  return PyList.fromArray([]);
}
