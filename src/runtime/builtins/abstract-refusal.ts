// Refusing to instantiate an abstract class, as CPython's object.__new__ does: a subclass of
// abc.ABC or of a collections.abc class with abstract methods left (modules/abc.ts computes them
// when the class is defined).
import { TypeError } from "./exceptions.js";
import { PyObject, className } from "./object.js";

/** A class's abstract method names (own property, set when the class is defined). */
export const ABSTRACT_NAMES: unique symbol = Symbol("abstract methods");

/** CPython's TypeError for an abstract class, its names sorted. */
export function refuse_abstract(cls: Function): void {
  const names = (cls as unknown as { [ABSTRACT_NAMES]?: Set<string> })[ABSTRACT_NAMES];
  if (names === undefined || names.size === 0) return;
  const sorted = [...names].sort();
  const list = sorted.map((n) => `'${n}'`).join(", ");
  throw new TypeError(
    `Can't instantiate abstract class ${className(cls)} without an implementation for abstract method${sorted.length === 1 ? "" : "s"} ${list}`,
  );
}

/**
 * The JS parent of the classes whose instances check (abc.ABC, collections.abc's root classes); no
 * Python class (their Python base is object: mro.ts skips it). A chain of copies for several
 * bases starts from it when one of them checks (mro.ts multiple_bases).
 */
export class RefusesAbstract extends PyObject {
  constructor(...args: any[]) {
    refuse_abstract(new.target);
    super(...args);
  }
}
