// Future states and the text of a Future's repr.
// CPython: Lib/asyncio/base_futures.py (3.12).
import { repr } from "./_compat.js";
import { _format_callback_source, reprlib_repr } from "./format_helpers.js";

export const _PENDING = "PENDING";
export const _CANCELLED = "CANCELLED";
export const _FINISHED = "FINISHED";

/** What the repr helpers read from a Future (or Task). */
export interface FutureLike {
  _state: string;
  _result: unknown;
  _exception: unknown;
  _callbacks_list(): Function[];
  constructor: Function;
}

/** `cb=[a(), <N more>, z()]`. CPython: base_futures._format_callbacks. */
export function _format_callbacks(cbs: Function[]): string {
  const size = cbs.length;
  const f = (cb: Function) => _format_callback_source(cb, []);
  let s = "";
  if (size === 1) s = f(cbs[0] as Function);
  else if (size === 2) s = `${f(cbs[0] as Function)}, ${f(cbs[1] as Function)}`;
  else if (size > 2) s = `${f(cbs[0] as Function)}, <${size - 2} more>, ${f(cbs[size - 1] as Function)}`;
  return `cb=[${s}]`;
}

/** The words inside `<Future ...>`. CPython: base_futures._future_repr_info. */
export function _future_repr_info(fut: FutureLike): string[] {
  const info = [fut._state.toLowerCase()];
  if (fut._state === _FINISHED) {
    if (fut._exception !== null) info.push(`exception=${repr(fut._exception)}`);
    else info.push(`result=${reprlib_repr(fut._result)}`);
  }
  const cbs = fut._callbacks_list();
  if (cbs.length > 0) info.push(_format_callbacks(cbs));
  return info;
}

const _reprRunning = new Set<object>();

/** `<Future pending cb=[...]>`, guarding against recursion like reprlib.recursive_repr. */
export function _future_repr(fut: FutureLike, info: (f: FutureLike) => string[] = _future_repr_info): string {
  if (_reprRunning.has(fut)) return "...";
  _reprRunning.add(fut);
  try {
    return `<${(fut.constructor as { __name__?: string }).__name__ ?? fut.constructor.name} ${info(fut).join(" ")}>`;
  } finally {
    _reprRunning.delete(fut);
  }
}
