// What a class inherits along the chain of bases TS sees (one base each: several bases make a base
// TS types `any`): the kind of a member of that name, from the program's own classes and from the
// runtime's (runtime-members.ts). A subclass that assigns `self.daemon` in a threading.Thread
// subclass must not redeclare as a field what the base has as an accessor (TS2610).

import type * as py from "../ast/nodes.js";
import type { LowerContext } from "./context.js";
import { safeProp } from "./context.js";
import { runtimeOrigin } from "./annotations.js";
import { runtimeMemberKind, type MemberKind } from "./runtime-members.js";

/** The kind of the member `attr` (a Python name) that the TS base chain of class `s` has, if any. */
export function inheritedMemberKind(cx: LowerContext, s: py.ClassDef, attr: string): MemberKind | undefined {
  let cls = s;
  for (let depth = 0; depth < 20; depth++) {
    if (cls.bases.length !== 1) return undefined;
    const base = cls.bases[0]._type === "Subscript" ? cls.bases[0].value : cls.bases[0];
    const known = base._type === "Name" ? cx.lookupKnown(base.id) : undefined;
    if (known?.kind === "class") {
      const kind = ownMemberKind(known.node, attr);
      if (kind) return kind;
      cls = known.node;
      continue;
    }
    const origin = runtimeOrigin(cx, base);
    return origin ? runtimeMemberKind(origin.from, origin.name, safeProp(attr)) : undefined;
  }
  return undefined;
}

/** A program class's own member `attr`: a property (an accessor in TS), a method, a class attribute. */
function ownMemberKind(c: py.ClassDef, attr: string): MemberKind | undefined {
  for (const item of c.body) {
    if ((item._type === "FunctionDef" || item._type === "AsyncFunctionDef") && item.name === attr) {
      const names = item.decorator_list.map((d) => (d._type === "Name" ? d.id : d._type === "Attribute" ? d.attr : ""));
      return names.includes("property") || names.includes("setter") ? "accessor" : "method";
    }
  }
  return undefined;
}
