// traceback: format_exc / print_exc / format_exception in CPython's layout. Frames come from a
// pluggable formatter (the CLI installs one that maps JS stacks back to .py lines).
import { BaseException, toPyException } from "../builtins/exceptions.js";
import { PyList } from "../builtins/collections.js";
import { str } from "../builtins/repr.js";
import { popKw } from "../builtins/object.js";
import { stdio } from "../builtins/functions.js";
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
  const e = toPyException(value !== undefined && value !== null ? value : exc);
  const s = safeStr(e);
  const lines = [s === "" ? `${typeLabel(e)}\n` : `${typeLabel(e)}: ${s}\n`];
  if (e.__notes__) for (const n of e.__notes__) lines.push(`${str(n)}\n`);
  return PyList.fromArray(lines);
}

function safeStr(e: BaseException): string {
  try {
    return e.__str__();
  } catch {
    return "<exception str() failed>";
  }
}

function formatOne(e: BaseException, seen: Set<BaseException>, out: string[]): void {
  seen.add(e);
  if (e.__cause__ instanceof BaseException && !seen.has(e.__cause__)) {
    formatOne(e.__cause__, seen, out);
    out.push("\nThe above exception was the direct cause of the following exception:\n\n");
  } else if (!e.__suppress_context__ && e.__context__ instanceof BaseException && !seen.has(e.__context__)) {
    formatOne(e.__context__, seen, out);
    out.push("\nDuring handling of the above exception, another exception occurred:\n\n");
  }
  const frames = frameFormatter(e);
  if (frames.length > 0) {
    out.push("Traceback (most recent call last):\n");
    out.push(...frames);
  }
  out.push(...format_exception_only(e));
}

export function format_exception(exc: unknown, value?: unknown, _tb?: unknown, ...rest: unknown[]): PyList<string> {
  popKw(rest);
  const e = toPyException(value !== undefined && value !== null ? value : exc);
  const out: string[] = [];
  formatOne(e, new Set(), out);
  return PyList.fromArray(out);
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
