// Attributes a class's methods read from `self` that only code outside the class sets, declared
// for TS (a `declare x: any` field emits no JS): without it `this.closed` in a method does not
// type-check when the program sets `protocol.closed = loop.create_future()` from outside.
//
//   class P(asyncio.DatagramProtocol):      | class P extends DatagramProtocol {
//       def connection_lost(self, exc):     |   declare closed: any;
//           self.closed.set_result(None)    |   connection_lost(exc) { (this.closed ?? getattr(this, "closed"))... }
//   p.closed = loop.create_future()         | }

import type * as py from "../ast/nodes.js";
import { attributeNames, nodeIndex } from "../ast/node-index.js";

const classAttributeSets = new WeakMap<py.Module, ReadonlySet<string>>();

const classDefSets = new WeakMap<py.Module, ReadonlySet<string>>();

/** The names some class body of the module binds by a def (methods, properties) or annotates. */
function classDefNames(module: py.Module): ReadonlySet<string> {
  let names = classDefSets.get(module);
  if (!names) {
    const out = new Set<string>();
    for (const c of nodeIndex(module).ofType("ClassDef"))
      for (const item of c.body) {
        if (item._type === "FunctionDef" || item._type === "AsyncFunctionDef") out.add(item.name);
        // (`w: int` without a value: a field the class's TS declares)
        if (item._type === "AnnAssign" && item.target._type === "Name") out.add(item.target.id);
      }
    classDefSets.set(module, (names = out));
  }
  return names;
}

/**
 * Whether the module names attribute `attr` anywhere TS can be told of it: assigned as an attribute
 * (`x.attr = ...`), or bound in a class body. One it never does (set through setattr() or
 * object.__setattr__, or by a library) is read through getattr alone: no class declares it.
 */
export function attributeNamedInModule(module: py.Module, attr: string): boolean {
  return attributeNames(module, "stored").has(attr) || classBodyNames(module).has(attr) || classDefNames(module).has(attr);
}

/** The names some class body of the module binds by assignment (`prefix_format = "<L"` of a subclass). */
function classBodyNames(module: py.Module): ReadonlySet<string> {
  let names = classAttributeSets.get(module);
  if (!names) {
    const out = new Set<string>();
    for (const c of nodeIndex(module).ofType("ClassDef"))
      for (const item of c.body) {
        if (item._type === "Assign") for (const t of item.targets) if (t._type === "Name") out.add(t.id);
        if (item._type === "AnnAssign" && item.value && item.target._type === "Name") out.add(item.target.id);
      }
    classAttributeSets.set(module, (names = out));
  }
  return names;
}

/**
 * Finds the attributes `self.name` reads (`selfName.attr`) that the module assigns somewhere (by
 * any object, or as a class attribute of a class: a subclass's that the base's methods read):
 * `visit` is given every node of a method (classes.ts calls it from the walk it does over each
 * method anyway), `found` lists them in the order first read.
 */
export class OutsideAttributeReads {
  readonly found: string[] = [];
  private readonly assigned: ReadonlySet<string>;
  private readonly classAttributes: ReadonlySet<string>;

  constructor(
    module: py.Module,
    private readonly selfName: string,
  ) {
    this.assigned = attributeNames(module, "stored");
    this.classAttributes = classBodyNames(module);
  }

  visit(n: py.Node): void {
    if (
      n._type === "Attribute" &&
      n.ctx._type === "Load" &&
      n.value._type === "Name" &&
      n.value.id === this.selfName &&
      (this.assigned.has(n.attr) || this.classAttributes.has(n.attr)) &&
      !this.found.includes(n.attr)
    )
      this.found.push(n.attr);
  }
}
