// Attributes a class's methods read from `self` that only code outside the class sets, declared
// for TS (a `declare x: any` field emits no JS): without it `this.closed` in a method does not
// type-check when the program sets `protocol.closed = loop.create_future()` from outside.
//
//   class P(asyncio.DatagramProtocol):      | class P extends DatagramProtocol {
//       def connection_lost(self, exc):     |   declare closed: any;
//           self.closed.set_result(None)    |   connection_lost(exc) { (this.closed ?? getattr(this, "closed"))... }
//   p.closed = loop.create_future()         | }

import type * as py from "../ast/nodes.js";
import { attributeNames } from "../ast/node-index.js";
import { walk } from "../ast/walk.js";

/** The attributes `self.name` reads in `method` that the module assigns somewhere (by any object). */
export function attributesSetOutside(module: py.Module, method: py.FunctionDef | py.AsyncFunctionDef, selfName: string): string[] {
  const assigned = attributeNames(module, "stored");
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
