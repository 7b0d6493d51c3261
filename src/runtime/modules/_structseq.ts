// Named tuple-like records (time.struct_time, sys.version_info, namedtuple instances).
import { markPythonClass } from "../builtins/js-names.js";
import { PyTuple } from "../builtins/collections.js";
import { repr } from "../builtins/repr.js";

export type StructSeqClass = {
  new (values: ArrayLike<unknown>): PyTuple<unknown> & Record<string, unknown>;
  _fields: PyTuple<string>;
  __name__: string;
};

/** A PyTuple subclass with named, read-only fields and repr `qualname(f=v, ...)`. */
export function structseq(qualname: string, fields: string[], nVisible = fields.length): StructSeqClass {
  const name = qualname.split(".").pop()!;
  // Created with its name (a computed key names the class): redefining a class's `name` would
  // leave it in V8's slow dictionary mode.
  const C = {
    [name]: class extends PyTuple<unknown> {
      constructor(values: ArrayLike<unknown>) {
        super();
        for (let i = 0; i < nVisible; i++) this.push(values[i]);
        for (let i = nVisible; i < fields.length; i++) {
          Object.defineProperty(this, fields[i], { value: values[i], enumerable: false });
        }
        Object.freeze(this);
      }
      __repr__(): string {
        const parts: string[] = [];
        for (let i = 0; i < nVisible; i++) parts.push(`${fields[i]}=${repr(this[i])}`);
        return `${qualname}(${parts.join(", ")})`;
      }
      static get [Symbol.species](): ArrayConstructor {
        return Array;
      }
    },
  }[name];
  markPythonClass(C); // its attributes are Python's (js-names.ts)
  fields.slice(0, nVisible).forEach((f, i) => {
    Object.defineProperty(C.prototype, f, {
      get(this: unknown[]) {
        return this[i];
      },
    });
  });
  Object.defineProperty(C, "__name__", { value: name });
  Object.defineProperty(C, "__qualname__", { value: name });
  Object.defineProperty(C, "__module__", { value: qualname.includes(".") ? qualname.slice(0, qualname.lastIndexOf(".")) : "__main__" });
  Object.defineProperty(C, "_fields", { value: PyTuple.fromArray(fields.slice(0, nVisible)) });
  // Instances answer `_fields` too (shutil.disk_usage(p)._fields).
  Object.defineProperty(C.prototype, "_fields", { get: () => (C as unknown as StructSeqClass)._fields });
  return C as unknown as StructSeqClass;
}
