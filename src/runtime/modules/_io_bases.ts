// io's abstract bases: IOBase, RawIOBase, BufferedIOBase and TextIOBase. In CPython they are ABCs
// that _io's concrete classes are registered with, so isinstance()/issubclass() (and
// functools.singledispatch, which asks issubclass for what is not in a class's MRO) see open()'s
// file objects, BytesIO, StringIO and the standard streams as their instances. The runtime's file
// classes do not derive from them; each base answers the checks from the classes it stands for.
import { NotImplementedError } from "../builtins/exceptions.js";
import { BufferedRandom, BufferedReader, BufferedWriter, FileIO } from "../builtins/io.js";
import { BytesIO, StringIO } from "../builtins/memio.js";
import { TextIOWrapper } from "../builtins/textio.js";
import { StdStream } from "../builtins/functions.js";
import { StdBinaryWriter } from "../builtins/stdbinary.js";

type Members = () => readonly Function[];

/** The runtime classes whose instances each base takes (a function: the classes load first). */
const MEMBERS = new Map<Function, Members>();

/** Whether runtime class `c` is (or derives from) one `base` stands for; a program's subclass of a base is one too. */
function standsFor(base: Function, c: Function): boolean {
  if (c === base || c.prototype instanceof base) return true;
  return (MEMBERS.get(base)?.() ?? []).some((m) => c === m || c.prototype instanceof m);
}

/**
 * The shared checks. Only the base itself answers from its classes: a program's subclass (which
 * inherits these statics) is checked as any class is, by its instances' prototype chain.
 */
abstract class IoAbstractBase {
  constructor() {
    // Their methods (read() through readinto(), readline() through read(), iteration...) are not
    // provided: a subclass would run without them.
    throw new NotImplementedError(
      `tsyncio does not support instances of io.${(new.target as { __name__?: string }).__name__ ?? "IOBase"} or of its subclasses`,
    );
  }
  static __instancecheck__(this: Function, x: unknown): boolean {
    if (x === null || (typeof x !== "object" && typeof x !== "function")) return false;
    if (!MEMBERS.has(this)) return x instanceof this;
    return standsFor(this, (x as object).constructor as Function);
  }
  static __subclasscheck__(this: Function, c: unknown): boolean {
    if (typeof c !== "function") return false;
    if (!MEMBERS.has(this)) return c === this || c.prototype instanceof this;
    return standsFor(this, c);
  }
}

export class IOBase extends IoAbstractBase {
  static __name__ = "IOBase";
  static __qualname__ = "IOBase";
  static __module__ = "io";
}
export class RawIOBase extends IOBase {
  static __name__ = "RawIOBase";
  static __qualname__ = "RawIOBase";
  static __module__ = "io";
}
export class BufferedIOBase extends IOBase {
  static __name__ = "BufferedIOBase";
  static __qualname__ = "BufferedIOBase";
  static __module__ = "io";
}
export class TextIOBase extends IOBase {
  static __name__ = "TextIOBase";
  static __qualname__ = "TextIOBase";
  static __module__ = "io";
}

const raw: Members = () => [FileIO];
const buffered: Members = () => [BufferedReader, BufferedWriter, BufferedRandom, BytesIO, StdBinaryWriter];
const text: Members = () => [TextIOWrapper, StringIO, StdStream];
MEMBERS.set(RawIOBase, raw);
MEMBERS.set(BufferedIOBase, buffered);
MEMBERS.set(TextIOBase, text);
MEMBERS.set(IOBase, () => [...raw(), ...buffered(), ...text()]);
