// Warnings that asyncio (and coroutine objects) write to stderr, in CPython's format:
//
//   FILE:LINE: RuntimeWarning: coroutine 'f' was never awaited
//     f()
//   RuntimeWarning: Enable tracemalloc to get the object allocation traceback
//
// The "default" warning filter shows a given (text, category, module, line) once; this module
// keeps that registry. The source line comes from a provider the host installs (the CLI knows the
// .py text); without one the line is left out, as CPython does when the file cannot be read.
// CPython: Lib/warnings.py (_formatwarnmsg_impl, "default" action).
import { host } from "./_compat.js";

export type SourceLineProvider = (filename: string, lineno: number) => string | null | undefined;

let _getline: SourceLineProvider | null = null;
const _shown = new Set<string>();

/** @internal test support: forget which warnings were shown. */
export function _reset_warnings_state(): void {
  _shown.clear();
}

/**
 * Installs the source-line lookup used by warnings (linecache.getline). TODO(lead): a shared
 * linecache/warnings module in the runtime should own this; asyncio only needs the lookup.
 */
export function set_source_line_provider(fn: SourceLineProvider | null): void {
  _getline = fn;
}

// Lines of CPython's own asyncio files that a warning can name (no text of the library is at hand):
// the loop's callback line, where a coroutine dies with the frame of a task's coroutine.
const LIBRARY_LINES = new Map<string, string>([
  ["/usr/lib/python3.12/asyncio/events.py:84", "self._context.run(self._callback, *self._args)"],
  ["/usr/lib/python3.10/asyncio/events.py:80", "self._context.run(self._callback, *self._args)"],
]);

/** The line of a file the source-line provider knows (linecache.getline), or null. */
export function _source_line(filename: string, lineno: number): string | null {
  return _getline?.(filename, lineno) ?? LIBRARY_LINES.get(`${filename}:${lineno}`) ?? null;
}

/**
 * The warnings module, once loaded, decides what happens to the runtime's warnings (its filters,
 * showwarning, catch_warnings): `trailer` is text CPython prints after the source line, `module`
 * the dotted name of the module the file is (null: derived from the file name).
 */
export type WarningRouter = (filename: string, lineno: number, message: string, category: string, trailer: string, withSource: boolean) => void;
let _router: WarningRouter | null = null;

export function _set_warning_router(fn: WarningRouter | null): void {
  _router = fn;
}

/** Writes one warning unless the same one was already shown from the same place. */
export function _warn_at(filename: string, lineno: number, message: string, category: string, withSource: boolean, tracemallocHint = false): void {
  if (_router !== null) {
    _router(filename, lineno, message, category, tracemallocHint ? `${category}: Enable tracemalloc to get the object allocation traceback\n` : "", withSource);
    return;
  }
  const key = `${filename}\0${lineno}\0${category}\0${message}`;
  if (_shown.has(key)) return;
  _shown.add(key);
  let s = `${filename}:${lineno}: ${category}: ${message}\n`;
  if (withSource) {
    const line = _source_line(filename, lineno);
    if (line) s += `  ${line.trim()}\n`;
  }
  if (tracemallocHint) s += `${category}: Enable tracemalloc to get the object allocation traceback\n`;
  host.write(2, s);
}

/** The RuntimeWarning CPython gives when an unstarted coroutine object is destroyed. */
export function _warn_unawaited(qualname: string, filename: string, lineno: number): void {
  _warn_at(filename, lineno, `coroutine '${qualname}' was never awaited`, "RuntimeWarning", true, true);
}
