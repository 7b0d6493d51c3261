// The descriptor objects a program's class reads through their `__get__` (`C.d` is
// `d.__get__(None, C)`, `C.__dict__['d']` is d itself): kept apart from the class's getter, for the
// class's namespace (class-namespace.ts) and for `del obj.d`, which calls `d.__delete__` (ops.ts).

const descriptors = new WeakMap<Function, Map<string, unknown>>();

/** The descriptor object behind a class attribute read through its `__get__`, if any. */
export function class_descriptor(cls: Function, name: string): unknown {
  return descriptors.get(cls)?.get(name);
}

export function note_class_descriptor(cls: Function, name: string, value: unknown): void {
  let own = descriptors.get(cls);
  if (!own) descriptors.set(cls, (own = new Map()));
  own.set(name, value);
}
