// Attributes a class's methods read from `self` that only code outside the class sets, declared
// for TS (a `declare x: any` field emits no JS): without it `this.closed` in a method does not
// type-check when the program sets `protocol.closed = loop.create_future()` from outside.
//
//   class P(asyncio.DatagramProtocol):      | class P extends DatagramProtocol {
//       def connection_lost(self, exc):     |   declare closed: any;
//           self.closed.set_result(None)    |   connection_lost(exc) { (this.closed ?? getattr(this, "closed"))... }
//   p.closed = loop.create_future()         | }

import type * as py from "../ast/nodes.js";
import { nodeIndex } from "../ast/node-index.js";
import { walk } from "../ast/walk.js";

const stored = new WeakMap<py.Module, Set<string>>();

/** Attribute names the module assigns somewhere (`obj.name = ...`, augmented or annotated). */
function storedAttributes(module: py.Module): Set<string> {
  let out = stored.get(module);
  if (!out) {
    out = new Set();
    for (const n of nodeIndex(module).ofType("Attribute")) if (n.ctx._type === "Store") out.add(n.attr);
    stored.set(module, out);
  }
  return out;
}

/** The attributes `self.name` reads in `method` that the module assigns somewhere (by any object). */
export function attributesSetOutside(module: py.Module, method: py.FunctionDef | py.AsyncFunctionDef, selfName: string): string[] {
  const assigned = storedAttributes(module);
  const out: string[] = [];
  walk(method, (n) => {
    if (
      n._type === "Attribute" &&
      n.ctx._type === "Load" &&
      n.value._type === "Name" &&
      n.value.id === selfName &&
      assigned.has(n.attr) &&
      !out.includes(n.attr)
    )
      out.push(n.attr);
  });
  return out;
}
