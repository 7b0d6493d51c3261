// asyncio's logger. CPython logs through logging.getLogger("asyncio"); with logging not configured,
// Python's last-resort handler writes the bare message (and the traceback) to stderr, which is
// what this does. A logging module, when the runtime has one, can take over with _set_logger().
// CPython: Lib/asyncio/log.py, Lib/logging/__init__.py (lastResort).
import { host } from "./_compat.js";
import { format_exception } from "../modules/traceback.js";
import { ASYNCIO_LIB } from "./format_helpers.js";

/** Formats an exception as `traceback.format_exception` does (traceback + last line). */
export type ExceptionFormatter = (exc: unknown) => string;

function defaultFormat(exc: unknown): string {
  // traceback.format_exception: frames come from the frame formatter the host installs.
  return format_exception(exc).join("");
}

let _formatException: ExceptionFormatter = defaultFormat;

/** Replaces the traceback formatter (default: the runtime's traceback.format_exception). */
export function _set_exception_formatter(f: ExceptionFormatter | null): void {
  _formatException = f ?? defaultFormat;
}

export function _format_exception(exc: unknown): string {
  return _formatException(exc);
}

/** Where CPython's asyncio makes a logging call (a record's pathname, lineno and funcName). */
export interface LogOrigin {
  filename: string;
  lineno: number;
  name: string;
}

/** CPython 3.12.1's `logger.x(...)` call at `line` of asyncio's `file`, in function `func`. */
export function _origin(file: string, line: number, func: string): LogOrigin {
  return { filename: `${ASYNCIO_LIB}/${file}`, lineno: line, name: func };
}

/** The asyncio logger's sink: (level, message, exception or null, where CPython logs it). */
export type LogSink = (level: "DEBUG" | "INFO" | "WARNING" | "ERROR", message: string, exc: unknown, origin?: LogOrigin) => void;

let _sink: LogSink | null = null;

/** Lets a logging module receive asyncio's records (logger name "asyncio"). */
export function _set_logger(sink: LogSink | null): void {
  _sink = sink;
}

/** logger.error(message, exc_info=exc). */
export function _log_error(message: string, exc: unknown = null, origin?: LogOrigin): void {
  if (_sink !== null) return _sink("ERROR", message, exc, origin);
  let s = message + "\n";
  if (exc !== null && exc !== undefined) s += _formatException(exc);
  host.write(2, s);
}

/** logger.warning(message): shown by the last-resort handler (level WARNING). */
export function _log_warning(message: string, origin?: LogOrigin): void {
  if (_sink !== null) return _sink("WARNING", message, null, origin);
  host.write(2, message + "\n");
}

/** logger.debug/info: dropped unless a logging module is attached (last resort is WARNING). */
export function _log_debug(message: string, origin?: LogOrigin): void {
  if (_sink !== null) _sink("DEBUG", message, null, origin);
}
