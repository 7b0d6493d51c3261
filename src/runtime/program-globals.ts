// `globals()`: the module's namespace as a dict, made when the call runs. Translated code keeps
// module-level names as JS variables, not in a dict, so the compiler passes each name with a
// function reading its variable (src/lower/globals-call.ts); a name not bound yet (a variable in
// its temporal dead zone, one holding UNBOUND, or a NameError) is left out, as CPython's dict does
// not hold it yet. Writes to the dict do not reach the variables: the compiler refuses them.

import { PyDict } from "./builtins/collections.js";
import { PyObject } from "./builtins/object.js";
import { addressOf } from "./builtins/names.js";

/** Stands for the loader of the main script (CPython's importlib SourceFileLoader). */
class SourceFileLoader extends PyObject {
  __repr__(): string {
    return `<_frozen_importlib_external.SourceFileLoader object at 0x${addressOf(this).toString(16)}>`;
  }
}

/** Stands for the builtins module in `__builtins__` (its repr is CPython's). */
class BuiltinsModule extends PyObject {
  __repr__(): string {
    return "<module 'builtins' (built-in)>";
  }
}

// The features of CPython's __future__ module: (optional release, mandatory release, compiler flag).
const FUTURE_FEATURES: Record<string, string> = {
  nested_scopes: "(2, 1, 0, 'beta', 1), (2, 2, 0, 'alpha', 0), 16",
  generators: "(2, 2, 0, 'alpha', 1), (2, 3, 0, 'final', 0), 0",
  division: "(2, 2, 0, 'alpha', 2), (3, 0, 0, 'alpha', 0), 131072",
  absolute_import: "(2, 5, 0, 'alpha', 1), (3, 0, 0, 'alpha', 0), 262144",
  with_statement: "(2, 5, 0, 'alpha', 1), (2, 6, 0, 'alpha', 0), 524288",
  print_function: "(2, 6, 0, 'alpha', 2), (3, 0, 0, 'alpha', 0), 1048576",
  unicode_literals: "(2, 6, 0, 'alpha', 2), (3, 0, 0, 'alpha', 0), 2097152",
  barry_as_FLUFL: "(3, 1, 0, 'alpha', 2), (4, 0, 0, 'alpha', 0), 4194304",
  generator_stop: "(3, 5, 0, 'beta', 1), (3, 7, 0, 'alpha', 0), 8388608",
  annotations: "(3, 7, 0, 'beta', 1), None, 16777216",
};

/** A `from __future__ import name` binding's value, as a `globals()` entry (its repr is CPython's). */
class Feature extends PyObject {
  constructor(private readonly releases: string) {
    super();
  }
  __repr__(): string {
    return `_Feature(${this.releases})`;
  }
}

const features = new Map<string, Feature>();

export function future_feature(name: string): unknown {
  let f = features.get(name);
  if (!f) features.set(name, (f = new Feature(FUTURE_FEATURES[name] ?? "")));
  return f;
}

let loader: SourceFileLoader | undefined;
let builtinsModule: BuiltinsModule | undefined;

/** The values of the `__loader__` and `__builtins__` entries (one object each, as in CPython). */
export function module_dunder(name: "__loader__" | "__builtins__"): unknown {
  if (name === "__loader__") return (loader ??= new SourceFileLoader());
  return (builtinsModule ??= new BuiltinsModule());
}

/**
 * `globals_of(dunders, ["x", "f"], () => x, () => f)`: the module's fixed entries, then each name
 * whose variable holds a value now, in the order the module first binds them.
 */
export function globals_of(dunders: [string, unknown][], names: string[], ...read: (() => unknown)[]): PyDict<string, unknown> {
  const d = new PyDict<string, unknown>();
  for (const [k, v] of dunders) d.__setitem__(k, v);
  for (let i = 0; i < names.length; i++) {
    let value: unknown;
    try {
      value = read[i]();
    } catch {
      // (a `let`/`const` not reached yet, or the NameError of a name the module binds later)
      continue;
    }
    if (value !== undefined && !isUnbound(value)) d.__setitem__(names[i], value);
  }
  return d;
}

// (program.ts's UNBOUND, recognized by its description: importing program.ts here would be circular)
function isUnbound(value: unknown): boolean {
  return typeof value === "symbol" && value.description === "unbound";
}
