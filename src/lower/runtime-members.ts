// What the runtime's classes have (src/lower/runtime-class-members.ts, generated from the runtime's
// declarations): the kind of a member a class has or inherits, and how many type parameters it
// takes. For the TS the lowering writes: a subclass must not redeclare as a field what its runtime
// base has as an accessor, and an annotation naming a generic runtime class gives it
// its type arguments.

import { RUNTIME_CLASS_MEMBERS } from "./runtime-class-members.js";

/** (a program class's method is "method"; the runtime table leaves methods out) */
export type MemberKind = "accessor" | "method" | "field";

interface ClassEntry {
  base: string;
  typeParams: number;
  members: Map<string, MemberKind>;
}

const entries = new Map<string, ClassEntry | null>();

/** The entry of `name` as runtime module `from` exports it (parsed on first use). */
function entry(from: string, name: string): ClassEntry | undefined {
  return entryByKey(`${from} ${name}`, 0);
}

function entryByKey(key: string, depth: number): ClassEntry | undefined {
  const known = entries.get(key);
  if (known !== undefined) return known ?? undefined;
  const text = RUNTIME_CLASS_MEMBERS[key];
  let parsed: ClassEntry | undefined;
  if (text?.startsWith("=")) parsed = depth < 5 ? entryByKey(text.slice(1), depth + 1) : undefined;
  else if (text !== undefined) {
    const [base, typeParams, accessors, fields] = text.split("|");
    const members = new Map<string, MemberKind>();
    const add = (names: string, kind: MemberKind) => {
      for (const n of names.split(" ")) if (n) members.set(n, kind);
    };
    add(fields, "field");
    add(accessors, "accessor");
    parsed = { base, typeParams: Number(typeParams), members };
  }
  entries.set(key, parsed ?? null);
  return parsed;
}

/** Whether the runtime module `from` exports a class `name` the table describes. */
export function isDescribedRuntimeClass(from: string, name: string): boolean {
  return entry(from, name) !== undefined;
}

/** The kind of the (public) member `member` (its JS name) that runtime class `name` of `from` has or inherits. */
export function runtimeMemberKind(from: string, name: string, member: string): MemberKind | undefined {
  let e = entry(from, name);
  for (let depth = 0; e && depth < 30; depth++) {
    const kind = e.members.get(member);
    if (kind) return kind;
    e = e.base ? entryByKey(e.base, 0) : undefined;
  }
  return undefined;
}

/** How many type parameters runtime class `name` of `from` takes (undefined: not a class the table has). */
export function runtimeTypeParamCount(from: string, name: string): number | undefined {
  return entry(from, name)?.typeParams;
}
