// Symbols for the runtime's internal fast paths. A leaf module (no imports): the builtins modules
// import each other in cycles, and a symbol must exist before any module's top level installs it.

/**
 * A runtime type's `obj[start:stop:step]` without a slice object (bytes: a slice per item in
 * byte loops). It must do what `__getitem__(slice(...))` does, overridden `__getitem__` included.
 */
export const FAST_SLICE: unique symbol = Symbol("tsyncio.getslice");
