// Private name mangling, as CPython's compiler does it: inside a class statement, an identifier
// `__x` (two leading underscores, not two trailing ones) means `_Class__x`, Class being the
// innermost enclosing class's name without its leading underscores.
//
//   class Cache:                    |   class Cache:
//       def __init__(self):         |       def __init__(self):
//           self.__data = {}        |           self._Cache__data = {}
//       def __evict(self): ...      |       def _Cache__evict(self): ...
//
// Mangled: names read and bound (variables, parameters, def and class names, except-as, match
// captures, global/nonlocal), attribute names, import bindings; in the class body, its methods,
// their nested functions, lambdas and comprehensions. Not mangled: keyword argument names of calls,
// strings (getattr(self, "__x") reads `__x`), and the class statement's own bases, keywords and
// decorators (they run outside its body). A class named only with underscores mangles nothing.
// A def or class whose name was mangled keeps its written name for __name__, __qualname__ and
// tracebacks: `pythonName(def)`.

import type * as py from "../ast/nodes.js";
import { mapChildren, walk } from "../ast/walk.js";
import { nodeIndex } from "../ast/node-index.js";

/** A def or class statement whose bound name was mangled: `name` is `_C__x`, `writtenName` `__x`. */
type Renamed = { writtenName?: string };

/** The name a def or class statement was written with (its __name__), before any mangling. */
export function pythonName(s: py.FunctionDef | py.AsyncFunctionDef | py.ClassDef): string {
  return (s as Renamed).writtenName ?? s.name;
}

export function isPrivateName(name: string): boolean {
  return name.length > 2 && name.startsWith("__") && !name.endsWith("__") && !name.includes(".");
}

/** `name` as written inside class `owner` (its name already stripped of leading underscores; "" mangles nothing). */
function mangle(name: string, owner: string): string {
  return owner !== "" && isPrivateName(name) ? `_${owner}${name}` : name;
}

/** The mangled tree, or `module` itself when no class uses a private name. */
export function manglePrivateNames(module: py.Module): py.Module {
  const index = nodeIndex(module);
  const classes = index.ofType("ClassDef");
  if (classes.length === 0) return module;
  // (most modules have no private identifier at all: asked of the index first, then per class)
  const anywhere =
    index.ofType("Name").some(privateId) ||
    index.ofType("Attribute").some(privateAttr) ||
    index.ofType("arg").some(privateArg) ||
    classes.some(privateDefName) ||
    index.ofType("FunctionDef").some(privateDefName) ||
    index.ofType("AsyncFunctionDef").some(privateDefName);
  if (!anywhere || !classes.some(usesPrivateName)) return module;
  return mangleIn(module, "") as py.Module;
}

// (module-level predicates, not arrows made per module: their optimized code outlives a lowering, see bench/NOTES.md round 18)
function privateId(n: py.Name): boolean {
  return isPrivateName(n.id);
}
function privateAttr(n: py.Attribute): boolean {
  return isPrivateName(n.attr);
}
function privateArg(n: py.Arg): boolean {
  return isPrivateName(n.arg);
}
function privateDefName(n: py.ClassDef | py.FunctionDef | py.AsyncFunctionDef): boolean {
  return isPrivateName(n.name);
}

function usesPrivateName(c: py.ClassDef): boolean {
  let found = false;
  for (const s of c.body) walk(s, (n) => !(found ||= namesOf(n).some(isPrivateName)));
  return found;
}

/** The identifiers a node itself holds (not its children's). */
function namesOf(n: py.Node): string[] {
  switch (n._type) {
    case "Name":
      return [n.id];
    case "Attribute":
      return [n.attr];
    case "arg":
      return [n.arg];
    case "FunctionDef":
    case "AsyncFunctionDef":
    case "ClassDef":
      return [n.name];
    case "Global":
    case "Nonlocal":
      return n.names;
    case "ExceptHandler":
    case "MatchAs":
    case "MatchStar":
      return n.name === null ? [] : [n.name];
    case "MatchMapping":
      return n.rest === null ? [] : [n.rest];
    case "alias":
      return [n.asname ?? n.name];
    default:
      return [];
  }
}

/** `node` with the private names in it mangled for class `owner` ("" outside any class). */
function mangleIn(node: py.Node, owner: string): py.Node {
  switch (node._type) {
    case "ClassDef": {
      // Bases, keywords and decorators run where the statement is; the body is the class's own.
      const inner = node.name.replace(/^_+/, "");
      const outside = mapChildren(node, (child, field) => (field === "body" ? child : mangleIn(child, owner)));
      const body = node.body.map((s) => mangleIn(s, inner) as py.Stmt);
      return renamed({ ...outside, body: body.some((s, i) => s !== node.body[i]) ? body : node.body }, node, owner);
    }
    case "FunctionDef":
    case "AsyncFunctionDef":
      return renamed(
        mapChildren(node, (child) => mangleIn(child, owner)),
        node,
        owner,
      );
    default:
      break;
  }
  const mapped = mapChildren(node, (child) => mangleIn(child, owner));
  if (owner === "") return mapped;
  switch (mapped._type) {
    case "Name":
      return isPrivateName(mapped.id) ? { ...mapped, id: mangle(mapped.id, owner) } : mapped;
    case "Attribute":
      return isPrivateName(mapped.attr) ? { ...mapped, attr: mangle(mapped.attr, owner) } : mapped;
    case "arg":
      return isPrivateName(mapped.arg) ? { ...mapped, arg: mangle(mapped.arg, owner) } : mapped;
    case "Global":
    case "Nonlocal":
      return mapped.names.some(isPrivateName) ? { ...mapped, names: mapped.names.map((n) => mangle(n, owner)) } : mapped;
    case "ExceptHandler":
    case "MatchAs":
    case "MatchStar":
      return mapped.name !== null && isPrivateName(mapped.name) ? { ...mapped, name: mangle(mapped.name, owner) } : mapped;
    case "MatchMapping":
      return mapped.rest !== null && isPrivateName(mapped.rest) ? { ...mapped, rest: mangle(mapped.rest, owner) } : mapped;
    case "alias": {
      // `import __m` binds `_C__m` to module `__m`.
      const bound = mapped.asname ?? mapped.name;
      return isPrivateName(bound) ? { ...mapped, asname: mangle(bound, owner) } : mapped;
    }
    default:
      return mapped;
  }
}

/** A def or class statement `changed` (its parts mangled) bound under its mangled name in `owner`. */
function renamed<T extends py.FunctionDef | py.AsyncFunctionDef | py.ClassDef>(changed: T, original: T, owner: string): T {
  const name = mangle(original.name, owner);
  if (name === original.name) return changed;
  return Object.assign({ ...changed, name }, { writtenName: original.name } satisfies Renamed);
}
