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

/**
 * Finds the attributes `self.name` reads (`selfName.attr`) that the module assigns somewhere (by
 * any object): `visit` is given every node of a method (classes.ts calls it from the walk it does
 * over each method anyway), `found` lists them in the order first read.
 */
export class OutsideAttributeReads {
  readonly found: string[] = [];
  private readonly assigned: ReadonlySet<string>;

  constructor(
    module: py.Module,
    private readonly selfName: string,
  ) {
    this.assigned = attributeNames(module, "stored");
  }

  visit(n: py.Node): void {
    if (
      n._type === "Attribute" &&
      n.ctx._type === "Load" &&
      n.value._type === "Name" &&
      n.value.id === this.selfName &&
      this.assigned.has(n.attr) &&
      !this.found.includes(n.attr)
    )
      this.found.push(n.attr);
  }
}
