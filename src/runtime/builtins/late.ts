// Calls from a lower layer of the builtins up to a higher one (docs/architecture.md, "The runtime's
// layers"). Python's object model is recursive (an exception's args are a tuple, a tuple's index()
// raises an exception; getattr finds str.format, which calls getattr), but the files import each
// other in one direction only: where a lower file needs a higher one, the higher file registers the
// function or class here when it loads, and the lower file reads it through `late` at run time.
// builtins/index.ts loads every layer before any program code runs; nothing may use `late` while the
// modules are still loading (an unregistered entry throws, naming the file that should have set it).
import type { repr, str } from "./repr.js";
import type { toIterable } from "./protocol.js";
import type { PyDict, PyFrozenSet, PyList, PySetBase, PyTuple } from "./collections.js";
import type { getattr, getitem, object_getattribute, plainSetattr, sequenceDelitem, sequenceGetitem, sequenceSetitem } from "./ops.js";
import type { applyArgs } from "./keywords.js";
import type { primitiveDunder } from "./primitive-dunders.js";
import type { KwArgs } from "./object.js";

export interface LateBound {
  // repr.ts
  repr: typeof repr;
  str: typeof str;
  // protocol.ts
  toIterable: typeof toIterable;
  // collections.ts
  PyList: typeof PyList;
  PyTuple: typeof PyTuple;
  PyDict: typeof PyDict;
  PySetBase: typeof PySetBase;
  PyFrozenSet: typeof PyFrozenSet;
  // ops.ts
  getattr: typeof getattr;
  getitem: typeof getitem;
  object_getattribute: typeof object_getattribute;
  plainSetattr: typeof plainSetattr;
  sequenceGetitem: typeof sequenceGetitem;
  sequenceSetitem: typeof sequenceSetitem;
  sequenceDelitem: typeof sequenceDelitem;
  // keywords.ts
  applyArgs: typeof applyArgs;
  // primitive-dunders.ts
  primitiveDunder: typeof primitiveDunder;
  // object.ts
  KwArgs: typeof KwArgs;
  // object.ts: `__init__` called with a trailing KwArgs, bound by name
  keywordInit: (self: object, args: unknown[]) => void;
}

/** A stand-in that fails loudly on any use (call, `new`, property, `instanceof`). */
function unregistered(name: string, owner: string): never {
  const fail = (): never => {
    throw new Error(`tsyncio runtime: ${name} used before ${owner} loaded (import the runtime through builtins/index.ts)`);
  };
  return new Proxy(fail, { get: fail, apply: fail, construct: fail }) as never;
}

export const late: LateBound = {
  repr: unregistered("repr", "repr.ts"),
  str: unregistered("str", "repr.ts"),
  toIterable: unregistered("toIterable", "protocol.ts"),
  PyList: unregistered("PyList", "collections.ts"),
  PyTuple: unregistered("PyTuple", "collections.ts"),
  PyDict: unregistered("PyDict", "collections.ts"),
  PySetBase: unregistered("PySetBase", "collections.ts"),
  PyFrozenSet: unregistered("PyFrozenSet", "collections.ts"),
  getattr: unregistered("getattr", "ops.ts"),
  getitem: unregistered("getitem", "ops.ts"),
  object_getattribute: unregistered("object_getattribute", "ops.ts"),
  plainSetattr: unregistered("plainSetattr", "ops.ts"),
  sequenceGetitem: unregistered("sequenceGetitem", "ops.ts"),
  sequenceSetitem: unregistered("sequenceSetitem", "ops.ts"),
  sequenceDelitem: unregistered("sequenceDelitem", "ops.ts"),
  applyArgs: unregistered("applyArgs", "keywords.ts"),
  primitiveDunder: unregistered("primitiveDunder", "primitive-dunders.ts"),
  KwArgs: unregistered("KwArgs", "object.ts"),
  keywordInit: unregistered("keywordInit", "object.ts"),
};

/** Called once by each higher file when it loads, with what it provides. */
export function registerLate(provided: Partial<LateBound>): void {
  Object.assign(late, provided);
}
