// Module attributes the program may replace at run time: `socket.socket = Fake`,
// `setattr(socket, "socket", Fake)`, a monkeypatch's `m.setattr(socket, "socket", fake)`,
// `patch.object(socket, "socket")`, or `patch("socket.socket")`. A call of such an
// attribute (`socket.socket(...)`) goes through the runtime's call(), which runs whatever the
// attribute holds then, instead of `new` of the class the module had.
import type * as py from "../ast/nodes.js";
import { nodeIndex } from "../ast/node-index.js";

const DOTTED_PAIR = /^([A-Za-z_]\w*)\.([A-Za-z_]\w*)$/;

/** "NAME.ATTR" for each attribute of a name the program may replace (the name need not be a module). */
export function replacedModuleAttributes(module: py.Module): Set<string> {
  const out = new Set<string>();
  const index = nodeIndex(module);
  // NAME.ATTR = ..., NAME.ATTR += ..., NAME.ATTR: T = ...
  for (const a of index.ofType("Attribute")) {
    if (a.ctx._type === "Store" && a.value._type === "Name") out.add(`${a.value.id}.${a.attr}`);
  }
  for (const c of index.ofType("Call")) {
    const f = c.func;
    const name = f._type === "Name" ? f.id : f._type === "Attribute" ? f.attr : "";
    const [obj, attr] = c.args;
    // setattr(obj, "attr", value), monkeypatch.setattr(obj, "attr", value), patch.object(obj, "attr")
    if ((name === "setattr" || name === "object") && obj?._type === "Name" && attr?._type === "Constant" && typeof attr.value === "string") {
      out.add(`${obj.id}.${attr.value}`);
    }
    // patch("socket.socket"), monkeypatch.setattr("socket.socket", value)
    if ((name === "patch" || name === "setattr") && obj?._type === "Constant" && typeof obj.value === "string") {
      const m = DOTTED_PAIR.exec(obj.value);
      if (m) out.add(`${m[1]}.${m[2]}`);
    }
  }
  return out;
}
