// gc: the collector's switches. JavaScript's collector cannot be driven from a program, so
// collect() finds nothing (CPython returns how many unreachable objects it found: 0 for programs
// without reference cycles) and the switches only remember their state.
import { PyList, PyTuple } from "../builtins/collections.js";

let enabled = true;
let threshold = PyTuple.fromArray([700n, 10n, 10n]);
export const garbage: PyList<unknown> = new PyList();
export const callbacks: PyList<unknown> = new PyList();
export const DEBUG_STATS = 1n;
export const DEBUG_COLLECTABLE = 2n;
export const DEBUG_UNCOLLECTABLE = 4n;
export const DEBUG_SAVEALL = 32n;
export const DEBUG_LEAK = 38n;

export function collect(_generation: unknown = 2n): bigint {
  return 0n;
}
export function enable(): null {
  enabled = true;
  return null;
}
export function disable(): null {
  enabled = false;
  return null;
}
export function isenabled(): boolean {
  return enabled;
}
export function get_threshold(): PyTuple<bigint> {
  return threshold;
}
export function set_threshold(...t: bigint[]): null {
  threshold = PyTuple.fromArray([...t, ...threshold.slice(t.length)]);
  return null;
}
export function get_count(): PyTuple<bigint> {
  return PyTuple.fromArray([0n, 0n, 0n]);
}
export function freeze(): null {
  return null;
}
export function unfreeze(): null {
  return null;
}
export function get_freeze_count(): bigint {
  return 0n;
}
