// Everything builtins/ offers the rest of the runtime (one import for many names). The public entry
// (../index.ts, tsyncio/runtime) re-exports the part programs use; internal.ts re-exports it all.
export * from "./exceptions.js";
export { multiple_bases, super_method, mro_of } from "./mro.js";
export { PyList, PyTuple, PyDict, PyDictView, PySet, PySetBase, PyFrozenSet, PyRange, RangeIterator, sortInPlace } from "./collections.js";
export { ListSubclassRoot, DictSubclassRoot, SetSubclassRoot } from "./subclassable.js";
export { PyObject, KwArgs, kw, popKw, addressOf, hexAddress, className, classModule, classQualname } from "./object.js";
export { floatRepr, strRepr, isClass, reprActive } from "./repr.js";
export {
  NotImplemented, Ellipsis, typeName, truthy, not_, is_, is_not, eq, ne, lt, le, gt, ge, hashNum, toIterable,
  call, index, intToFloat, add, sub, mul, truediv, floordiv, mod, divmod, pow, matmul, lshift, rshift, bitand,
  bitor, bitxor, neg, pos, invert, iadd, isub, imul, itruediv, ifloordiv, imod, ipow, imatmul, ilshift, irshift,
  iand, ior, ixor, codePoints, strLen, PySlice, sliceIndices, getslice, getitem, setitem, setslice_ as setslice,
  delitem, contains, not_contains, hasattr, setattr, delattr, callm, callv_method, pytype,
} from "./ops.js";
export { callv } from "./protocol.js";
export { format_value, fstr, percentFormat, strFormat, strFormatMap, ascii, fixedDigits, sciDigits } from "./format.js";
export { strMethod, intMethod, floatMethod, pystr } from "./strmethods.js";
export { PyBytes, PyByteArray, bytesData, needBytes, wrapBytes, copyBytes, bytesLiteral as bytes_literal } from "./bytes.js";
export { PyMemoryView } from "./memoryview.js";
export { encodeString, decodeBytes } from "./codecs.js";
export { open, TextIOWrapper } from "./io.js";
export {
  print, input, StdStream, stdio, NoneType, str, int, float, bool, list, tuple, dict, set, frozenset, range,
  slice, bytes, type, object, isinstance, issubclass, repr, len, sorted, reversed, enumerate, zip, map, filter,
  max, min, sum, abs, round, any, all, id, hash, chr, ord, hex, oct, bin, callable, iter, next, exit, quit, vars,
  dir, format, getattr, breakpoint, globals, memoryview, bytearray,
} from "./functions.js";
