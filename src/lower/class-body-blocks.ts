// Control flow in a class body (`if`, `for`, `while`, `with`, `try`): the statement runs where it
// stands when the class statement runs, and the names it binds become class attributes only if it
// bound them. Each such name gets a `let` slot, UNBOUND until a store; the statement is lowered
// with its stores going to the slots, and define_class leaves out an attribute still UNBOUND.
// Reads of a slot name fall back to the module's name (or the builtin) while it is unbound, as
// CPython's class-body lookup does. A def in a branch is a method of the JS class (under another
// JS name when the body defines that name more than once): the branch gives its slot the function.
//
//   class C:                  | let _attr_y: any = UNBOUND;
//       if DEBUG:             | if (DEBUG) {
//           y = 1             |   _attr_y = 1n;
//       else:                 | } else {
//           def y(self): ...  |   _attr_y = method_in_class_body(C, "y", "C.y");
//                             | }
//                             | define_class(C, "C", { attrs: { y: _attr_y } });

import { pythonName } from "./private-names.js";
import type * as py from "../ast/nodes.js";
import type * as ir from "../ir/nodes.js";
import { assignStmt, binop, call, exprStmt, id, ifStmt, lit, member } from "../ir/nodes.js";
import type { Scope } from "./scopes.js";
import { walk } from "../ast/walk.js";
import { type FunctionContext, type LowerContext, PROGRAM, safeName } from "./context.js";
import { classLevelReads } from "./class-body-names.js";

// (and `x += 1`: its name's value so far may be the class's, the module's or the builtin's)
const BLOCK_KINDS = new Set(["If", "For", "While", "With", "Try", "TryStar", "AugAssign"]);

/** A class-body statement this file lowers. */
export function isClassBodyBlock(item: py.Stmt): boolean {
  return BLOCK_KINDS.has(item._type);
}

export type BranchDef = py.FunctionDef | py.AsyncFunctionDef;

/** What a block binds at class level, in order, and the defs written in its branches. */
export interface BlockBindings {
  names: string[];
  defs: BranchDef[];
}

/** What a block holds that this lowering refuses (its node and a description), or null. */
export type Refusal = { node: py.Stmt | py.ExprNode; construct: string } | null;

/** The names a block binds at class level (not inside its defs, classes, lambdas or comprehensions). */
export function blockBindings(item: py.Stmt, neverRuns: (test: py.ExprNode) => boolean): BlockBindings | Refusal {
  const out: BlockBindings = { names: [], defs: [] };
  const add = (n: string) => {
    if (!out.names.includes(n)) out.names.push(n);
  };
  // (attributes and subscripts as targets bind no name)
  const target = (t: py.ExprNode): void => {
    if (t._type === "Name") add(t.id);
    else if (t._type === "Tuple" || t._type === "List") t.elts.forEach(target);
    else if (t._type === "Starred") target(t.value);
  };
  const where = describeBlock(item);
  const stmts = (list: py.Stmt[]): Refusal => {
    for (const st of list) {
      const r = stmt(st);
      if (r) return r;
    }
    return null;
  };
  const stmt = (st: py.Stmt): Refusal => {
    switch (st._type) {
      case "Assign":
        for (const t of st.targets) target(t);
        return walrus(st.value, where);
      case "AugAssign":
        target(st.target);
        return walrus(st.value, where);
      case "Expr":
      case "Raise":
      case "Assert":
        return walrus(st, where);
      case "Pass":
      case "Break":
      case "Continue":
        return null;
      case "Delete":
        if (st.targets.some((t) => t._type === "Name") && !st.targets.every((t) => t._type === "Name"))
          return { node: st, construct: `a del of names and other targets together in ${where}` };
        for (const t of st.targets) target(t);
        return null;
      case "Import":
        for (const a of st.names) {
          if (!a.asname && a.name.includes(".")) return { node: st, construct: `an import of a dotted module name without 'as' in ${where}` };
          add(a.asname ?? a.name);
        }
        return null;
      case "ImportFrom":
        for (const a of st.names) {
          if (a.name === "*") return { node: st, construct: `a star import in ${where}` };
          add(a.asname ?? a.name);
        }
        return null;
      case "FunctionDef":
      case "AsyncFunctionDef":
        if (st.decorator_list.length) return { node: st, construct: `a decorated def in ${where}` };
        if (st.type_params.length) return { node: st, construct: `a generic def in ${where}` };
        add(st.name);
        out.defs.push(st);
        return null;
      case "ClassDef":
        add(st.name);
        return null;
      case "If":
        // (`if TYPE_CHECKING:` binds nothing when the program runs: its body is for type checkers)
        return walrus(st.test, where) ?? (neverRuns(st.test) ? null : stmts(st.body)) ?? stmts(st.orelse);
      case "While":
        return walrus(st.test, where) ?? stmts(st.body) ?? stmts(st.orelse);
      case "For":
        target(st.target);
        return walrus(st.iter, where) ?? stmts(st.body) ?? stmts(st.orelse);
      case "With":
        for (const w of st.items) {
          if (w.optional_vars) target(w.optional_vars);
          const r = walrus(w.context_expr, where);
          if (r) return r;
        }
        return stmts(st.body);
      case "Try":
      case "TryStar":
        return (
          stmts(st.body) ??
          st.handlers.reduce<Refusal>((r, h) => {
            if (r) return r;
            if (h.name) add(h.name);
            return (h.type ? walrus(h.type, where) : null) ?? stmts(h.body);
          }, null) ??
          stmts(st.orelse) ??
          stmts(st.finalbody)
        );
      default:
        return { node: st, construct: `${describeKind(st)} in ${where}` };
    }
  };
  return stmt(item) ?? out;
}

/** A def whose first positional parameter has a default (`def make(n=3)`). */
export function receiverHasDefault(def: BranchDef): boolean {
  const positional = def.args.posonlyargs.length + def.args.args.length;
  return positional > 0 && def.args.defaults.length === positional;
}

/**
 * method_in_class_body's arguments after the qualname, for the body's own calls of a def: null
 * when it has no positional parameter (called as it is), else its first parameter's name when
 * that is not `self` (for CPython's "missing" message), and `true` when that one has a default.
 */
export function firstParameterShape(def: BranchDef): ir.Expr[] {
  const first = (def.args.posonlyargs[0] ?? def.args.args[0])?.arg;
  if (first === undefined) return [lit(null)];
  if (receiverHasDefault(def)) return [lit(first), lit(true)];
  return first !== "self" ? [lit(first)] : [];
}

function describeKind(st: py.Stmt): string {
  switch (st._type) {
    case "AnnAssign":
      return "an annotated assignment";
    case "Global":
      return "a global statement";
    case "Nonlocal":
      return "a nonlocal statement";
    case "Match":
      return "a match statement";
    case "TypeAlias":
      return "a type statement";
    default:
      return `'${st._type}'`;
  }
}

/** `an if statement` */
export function describeBlock(item: py.Stmt): string {
  if (item._type === "AugAssign") return "an augmented assignment";
  const kind = item._type === "TryStar" ? "try" : item._type.toLowerCase();
  return `${kind === "if" ? "an" : "a"} ${kind} statement`;
}

/** `(y := f())` binds y in the class namespace: refused. */
function walrus(e: py.Node, where: string): Refusal {
  let found: py.Node | null = null;
  walk(e, (n) => {
    if (n._type === "NamedExpr" && !found) found = n;
    // (a lambda's or comprehension's own walrus binds elsewhere: still refused, it is rare)
    return !found;
  });
  return found ? { node: found, construct: `an assignment expression (:=) in ${where}` } : null;
}

/**
 * The block with each class-level store of a slotted name renamed to its slot (`y = 1` →
 * `_attr_y = 1`, `except E as e`, `import json as _attr_json`), and each statement `replace`
 * gives a stand-in for (a def, a class, a `del`) replaced. Other nodes are the block's own, so
 * what the lowering keyed by node (reads of earlier names, guarded imports) still finds them.
 */
export function renameStores(
  item: py.Stmt,
  neverRuns: (test: py.ExprNode) => boolean,
  slots: ReadonlyMap<string, string>,
  replace: (st: py.Stmt) => py.Stmt | null,
  renamed: (from: py.Stmt, to: py.Stmt) => void,
): py.Stmt {
  const target = (t: py.ExprNode): py.ExprNode => {
    if (t._type === "Name") {
      const slot = slots.get(t.id);
      return slot ? { ...t, id: slot } : t;
    }
    if (t._type === "Tuple" || t._type === "List") return { ...t, elts: t.elts.map(target) };
    if (t._type === "Starred") return { ...t, value: target(t.value) };
    return t;
  };
  const stmts = (list: py.Stmt[]): py.Stmt[] => list.map(stmt);
  const stmt = (st: py.Stmt): py.Stmt => {
    const stand = replace(st);
    if (stand) return stand;
    let out: py.Stmt;
    switch (st._type) {
      case "Assign":
        out = { ...st, targets: st.targets.map(target) };
        break;
      case "AugAssign":
        out = { ...st, target: target(st.target) as py.Name };
        break;
      case "Import":
      case "ImportFrom":
        out = { ...st, names: st.names.map((a) => (slots.has(a.asname ?? a.name) ? { ...a, asname: slots.get(a.asname ?? a.name)! } : a)) };
        break;
      case "If":
        out = { ...st, body: neverRuns(st.test) ? [{ ...st, _type: "Pass" } as py.Pass] : stmts(st.body), orelse: stmts(st.orelse) };
        break;
      case "While":
        out = { ...st, body: stmts(st.body), orelse: stmts(st.orelse) };
        break;
      case "For":
        out = { ...st, target: target(st.target), body: stmts(st.body), orelse: stmts(st.orelse) };
        break;
      case "With":
        out = { ...st, items: st.items.map((w) => (w.optional_vars ? { ...w, optional_vars: target(w.optional_vars) } : w)), body: stmts(st.body) };
        break;
      case "Try":
      case "TryStar":
        out = {
          ...st,
          body: stmts(st.body),
          handlers: st.handlers.map((h) => ({ ...h, name: h.name ? (slots.get(h.name) ?? h.name) : h.name, body: stmts(h.body) })),
          orelse: stmts(st.orelse),
          finalbody: stmts(st.finalbody),
        };
        break;
      default:
        return st;
    }
    renamed(st, out);
    return out;
  };
  return stmt(item);
}

/**
 * The scope the renamed block is lowered in: the slots are its own variables (declared already),
 * every other name resolves as from the class body (the enclosing function's, the module's, a builtin).
 */
export function slotScope(classScope: Scope, outerNode: py.Node, slots: Iterable<string>): Scope {
  const names = new Set(slots);
  return {
    kind: "function",
    node: outerNode,
    parent: classScope.parent,
    bound: names,
    params: new Set(),
    globals: new Set(),
    nonlocals: new Set(),
    used: new Set(names),
    // (bound more than once: never a const, never a loop-only name)
    bindCount: new Map([...names].map((n) => [n, 2])),
    deleted: new Set(),
    captured: new Set(),
    writtenElsewhere: new Set(),
    importedFrom: new Map(),
    repeatedImports: new Map(),
    isGenerator: false,
    hasAwait: false,
    hasYieldFrom: false,
    typeParams: classScope.typeParams,
    resolved: undefined,
  };
}

/** A stand-in statement's lowering: `marker` is what its one expression lowered to. */
export interface StandIn {
  marker: ir.Expr;
  stmts: ir.Stmt[];
}

/** The lowered block with each stand-in's statement replaced (in place: the IR's nodes keep their identity) by what it stands for. */
export function replaceStandIns(stmts: ir.Stmt[], standIns: StandIn[]): ir.Stmt[] {
  const byMarker = new Map(standIns.map((s) => [s.marker, s.stmts]));
  const seen = new Set<object>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== "object" || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) {
        const x = node[i] as { k?: string; expr?: ir.Expr } | null;
        const replaced = x?.k === "expr" ? byMarker.get(x.expr!) : undefined;
        if (replaced) {
          node.splice(i, 1, ...replaced);
          byMarker.delete(x!.expr!);
        } else visit(x);
      }
      return;
    }
    // (not into the Python nodes positions point at)
    for (const [key, v] of Object.entries(node)) if (key !== "pyMark") visit(v);
  };
  const out = [...stmts];
  visit(out);
  // (every stand-in is a statement of its own in the lowered block)
  if (byMarker.size) throw new Error("internal error: a class-body block's def, class or del was not found in its lowering");
  return out;
}

/** `if (slot === UNBOUND) name_error("x"); slot = UNBOUND;`: `del x` of a class-body name. */
export function deleteSlot(slot: string, unbound: ir.Expr, nameError: ir.Expr, line: number): ir.Stmt[] {
  return [ifStmt(binop("===", id(slot), unbound), [exprStmt(nameError, line)], undefined, line), assignStmt(id(slot), unbound, line)];
}

/** A read of a slot: its value, or (while unbound) what the name finds outside the class. */
export function slotRead(slot: string, unbound: ir.Expr, outside: ir.Expr): ir.Expr {
  return { k: "cond", test: binop("!==", id(slot), unbound), then: id(slot), else: outside };
}

/** The parts of classes.ts's state for one class body that its blocks read and extend. */
export interface ClassBodyState {
  hoisted: ir.Stmt[];
  bodyValues: Map<string, ir.Expr>;
  boundSoFar: Map<string, "def" | "attr">;
  classAttrs: { key: string; value: ir.Expr }[];
  bodyNames: Set<string>;
  /** What names the class made before its body's values (the class statement's JS name or a temp). */
  classRef: string | null;
  /** How classes.ts maps a class-level read of a name no block binds (an earlier value, a global). */
  mapRead: (n: py.Name, item: py.Stmt) => void;
  /** classes.ts's lowering of a class statement nested in this one (its value kept in the const `binding`). */
  nestedClass: (c: py.ClassDef, nested: { qualname: string; binding: string }) => ir.Stmt[];
}

/**
 * Names a block may not bind: the lowering decides by the body's top-level statements how the
 * class is made and its attributes written (`__slots__`, `__setattr__`, `__new__`...), and
 * define_class makes some defs class methods by their name; `constructor` is JS's.
 */
const DECIDED_STATICALLY = new Set([
  "__slots__",
  "__setattr__",
  "__delattr__",
  "__getattribute__",
  "__new__",
  "__init_subclass__",
  "__class_getitem__",
  "constructor",
]);

/** The blocks of one class body: their slots, their branch defs, and what they give the class. */
export class ClassBodyBlocks {
  private readonly info = new Map<py.Stmt, BlockBindings | Refusal>();
  private readonly blockOfDef = new Map<BranchDef, py.Stmt>();
  private readonly jsNames = new Map<BranchDef, string>();
  private readonly slots = new Map<py.Stmt, Map<string, string>>();
  /** Each name's slot while the last binding of it was a block's. */
  private readonly slotOf = new Map<string, string>();
  private readonly setups = new Map<BranchDef, ir.Stmt[]>();
  private unbound!: ir.Expr;

  /** null when the body has no block (then nothing here runs). */
  static of(cx: LowerContext, s: py.ClassDef, outer: FunctionContext, classScope: Scope, qualname: string): ClassBodyBlocks | null {
    return s.body.some(isClassBodyBlock) ? new ClassBodyBlocks(cx, s, outer, classScope, qualname) : null;
  }

  private constructor(
    private readonly cx: LowerContext,
    private readonly s: py.ClassDef,
    private readonly outer: FunctionContext,
    private readonly classScope: Scope,
    private readonly qualname: string,
  ) {
    const count = new Map<string, number>();
    for (const item of s.body) if (item._type === "FunctionDef" || item._type === "AsyncFunctionDef") count.set(item.name, (count.get(item.name) ?? 0) + 1);
    for (const item of s.body) {
      if (!isClassBodyBlock(item)) continue;
      // (the class namespace itself, which the slots stand in for, is not to be had)
      const namespace = classLevelReads(item).find((n) => n.id === "locals" || n.id === "vars");
      const b = namespace ? { node: namespace, construct: `${namespace.id}() in ${describeBlock(item)}` } : blockBindings(item, this.neverRuns);
      const decided = b && !("node" in b) ? b.names.find((n) => DECIDED_STATICALLY.has(n)) : undefined;
      this.info.set(item, decided ? { node: item, construct: `${decided} bound in ${describeBlock(item)}` } : b);
      if (!b || "node" in b || decided) continue;
      for (const d of b.defs) {
        this.blockOfDef.set(d, item);
        count.set(d.name, (count.get(d.name) ?? 0) + 1);
      }
    }
    const seen = new Map<string, number>();
    for (const d of this.blockOfDef.keys()) {
      const n = (seen.get(d.name) ?? 0) + 1;
      seen.set(d.name, n);
      this.jsNames.set(d, count.get(d.name) === 1 ? d.name : `${d.name}$${n}`);
      const refusal = this.defRefusal(d);
      if (refusal) this.info.set(this.blockOfDef.get(d)!, refusal);
    }
  }

  /** `TYPE_CHECKING` of typing (false when the program runs), or `typing.TYPE_CHECKING`. */
  private readonly neverRuns = (test: py.ExprNode): boolean => {
    const cx = this.cx;
    if (test._type === "Name") {
      const k = cx.withOuter(this.outer, () => cx.lookupKnown(test.id));
      return k?.kind === "runtime-name" && k.module === "typing" && k.name === "TYPE_CHECKING";
    }
    if (test._type !== "Attribute" || test.attr !== "TYPE_CHECKING" || test.value._type !== "Name") return false;
    const module = test.value.id;
    const k = cx.withOuter(this.outer, () => cx.lookupKnown(module));
    return k?.kind === "module" && k.name === "typing";
  };

  private defRefusal(d: BranchDef): Refusal {
    const where = describeBlock(this.blockOfDef.get(d)!);
    if (!d.args.posonlyargs.length && !d.args.args.length) return { node: d, construct: `a def without a self parameter in ${where}` };
    return null;
  }

  /** The body with each block's defs just before it (classes.ts lowers them as methods there). */
  items(): py.Stmt[] {
    const out: py.Stmt[] = [];
    for (const item of this.s.body) {
      const b = this.info.get(item);
      if (b && !("node" in b)) out.push(...b.defs);
      out.push(item);
    }
    return out;
  }

  /** The block a statement of `items()` belongs to (a branch def's, or the block itself), if any. */
  blockOf(item: py.Stmt): py.Stmt | undefined {
    return this.blockOfDef.get(item as BranchDef) ?? (this.info.has(item) ? item : undefined);
  }

  /** Whether the block (of a branch def) is refused: its defs are not lowered then. */
  refused(block: py.Stmt): boolean {
    const b = this.info.get(block);
    return !b || "node" in b;
  }

  /** The JS name of a branch def's method. */
  jsName(d: BranchDef): string {
    return this.jsNames.get(d)!;
  }

  /** Whether the class must be made before the body's values: a branch reads a method (its own def, or an earlier def it rebinds). */
  needsClassEarly(defNames: readonly string[]): boolean {
    return [...this.info.values()].some((b) => b && !("node" in b) && (b.defs.length > 0 || b.names.some((n) => defNames.includes(n))));
  }

  /** The names the blocks of the body bind (for the class namespace's order). */
  namesOf(item: py.Stmt): string[] {
    const b = this.info.get(item);
    return b && !("node" in b) ? b.names : [];
  }

  /** Whether a block bound `n` last (its slot then says at run time whether the class has it). */
  binds(n: string): boolean {
    return this.slotOf.has(n);
  }

  /** The block's slots (`let _attr_x: any = <x's value so far, or UNBOUND>`) and its class-level reads: at its first statement. */
  prepare(block: py.Stmt, st: ClassBodyState): void {
    if (this.slots.has(block) || this.refused(block)) return;
    const info = this.info.get(block) as BlockBindings;
    const cx = this.cx;
    this.unbound = cx.unboundMarker();
    const slots = new Map<string, string>();
    for (const n of info.names) {
      const earlier = this.slotOf.get(n);
      const init = earlier ? id(earlier) : st.boundSoFar.has(n) ? st.bodyValues.get(n) : this.unbound;
      if (!init) {
        this.info.set(block, { node: block, construct: `${n} bound again in ${describeBlock(block)} after a decorated def or an alias of that name` });
        return;
      }
      const slot = this.declaredName(`_attr_${safeName(n)}`);
      st.hoisted.push({ k: "var", decl: "let", name: slot, type: "any", init, line: block.lineno });
      slots.set(n, slot);
    }
    this.slots.set(block, slots);
    for (const n of classLevelReads(block)) {
      const slot = slots.get(n.id);
      if (slot) cx.classBodyReads.set(n, this.read(slot, n));
      else st.mapRead(n, block);
    }
  }

  /** A fresh JS name of the enclosing function that this file declares itself (not among its temps). */
  private declaredName(prefix: string): string {
    const cx = this.cx;
    return cx.withOuter(this.outer, () => {
      const t = cx.temp(prefix);
      cx.fn.temps.pop();
      return t;
    });
  }

  /** A read of a slot (`node`, the read): its value, or while unbound what the name is outside the class. */
  private read(slot: string, node: py.Name): ir.Expr {
    const cx = this.cx;
    cx.classLevelGlobals.add(node);
    const outside = cx.withOuter(this.outer, () => cx.expr(node));
    return slotRead(slot, this.unbound, outside);
  }

  /** Keeps the setup a branch def's lowering made (its defaults, annotation checks): it runs in the branch. */
  keepSetup(d: BranchDef, stmts: ir.Stmt[], st: ClassBodyState): void {
    const setup: ir.Stmt[] = [];
    for (const x of stmts) {
      // (a const the method reads, such as a default's value: declared beside the class, set in the branch)
      if (x.k === "var" && x.init) {
        st.hoisted.push({ k: "vars", names: [{ name: x.name, type: "any" }] });
        setup.push(assignStmt(id(x.name), x.init, x.line));
      } else if (x.k === "expr" || x.k === "if") setup.push(x);
      // (a declaration the method may name stays beside the class: a block would hide it)
      else st.hoisted.push(x);
    }
    this.setups.set(d, setup);
  }

  /** The block lowered where it stands; the names it binds become the class's attributes (UNBOUND ones are left out). */
  lower(block: py.Stmt, st: ClassBodyState): void {
    const info = this.info.get(block);
    if (!info || "node" in info) {
      const refusal = info ?? { node: block, construct: describeBlock(block) };
      return this.cx.diags.error(refusal.node as Partial<py.Position>, "TSY1013", { construct: refusal.construct });
    }
    const cx = this.cx;
    const slots = this.slots.get(block)!;
    const standIns: StandIn[] = [];
    const standIn = (st0: py.Stmt, stmts: () => ir.Stmt[]): py.Stmt => {
      const marker: ir.Expr = { k: "id", name: "$stand_in" };
      const node = {
        _type: "Name",
        id: "$stand_in",
        ctx: { _type: "Load" },
        lineno: st0.lineno,
        col_offset: st0.col_offset,
        end_lineno: st0.end_lineno,
        end_col_offset: st0.end_col_offset,
      } as py.Name;
      cx.classBodyReads.set(node, marker);
      standIns.push({ marker, stmts: stmts() });
      return {
        _type: "Expr",
        value: node,
        lineno: st0.lineno,
        col_offset: st0.col_offset,
        end_lineno: st0.end_lineno,
        end_col_offset: st0.end_col_offset,
      } as py.Expr;
    };
    const replace = (x: py.Stmt): py.Stmt | null => {
      if (x._type === "FunctionDef" || x._type === "AsyncFunctionDef") {
        const d = x;
        return standIn(d, () => [
          ...(this.setups.get(d) ?? []),
          assignStmt(
            id(slots.get(d.name)!),
            call(
              cx.helperFrom("method_in_class_body", PROGRAM),
              id(st.classRef!),
              lit(this.jsName(d)),
              lit(`${this.qualname}.${pythonName(d)}`),
              ...firstParameterShape(d),
            ),
            d.lineno,
          ),
        ]);
      }
      if (x._type === "ClassDef") {
        const c = x;
        return standIn(c, () => {
          const binding = this.declaredName("_nested");
          const made = cx.withOuter(this.outer, () => st.nestedClass(c, { qualname: `${this.qualname}.${pythonName(c)}`, binding }));
          return [...made, assignStmt(id(slots.get(c.name)!), id(binding), c.lineno)];
        });
      }
      if (x._type === "Delete" && x.targets.every((t) => t._type === "Name")) {
        const del = x;
        return standIn(del, () => (del.targets as py.Name[]).flatMap((t) => this.deleteSlot(slots.get(t.id)!, t.id, del.lineno)));
      }
      return null;
    };
    const renamed = renameStores(block, this.neverRuns, slots, replace, (from, to) => {
      if (cx.guardedImports.has(from)) cx.guardedImports.add(to);
      // `x += 1`: the target read as any read of x is
      if (from._type === "AugAssign" && from.target._type === "Name" && to._type === "AugAssign") {
        const slot = slots.get(from.target.id);
        if (slot) cx.classBodyReads.set(to.target as py.Name, this.read(slot, from.target));
      }
    });
    const scope = slotScope(this.classScope, this.outer.scope.node, slots.values());
    for (const slot of slots.values()) this.outer.declared.add(slot);
    const unboundNames = new Set([...(this.outer.unbound?.names ?? []), ...slots.values()]);
    const inner: FunctionContext = { ...this.outer, scope, unbound: { reads: this.outer.unbound?.reads ?? new Set(), names: unboundNames } };
    const lowered = cx.withOuter(inner, () => cx.stmt(renamed));
    st.hoisted.push(...replaceStandIns(lowered, standIns));
    for (const [n, slot] of slots) {
      this.slotOf.set(n, slot);
      st.bodyValues.set(n, slotRead(slot, this.unbound, this.outsideRead(n, block)));
      st.classAttrs.push({ key: n, value: id(slot) });
      st.bodyNames.add(n);
    }
  }

  /** What a later read of `n` finds outside the class while the slot is unbound. */
  private outsideRead(n: string, at: py.Stmt): ir.Expr {
    const node = {
      _type: "Name",
      id: n,
      ctx: { _type: "Load" },
      lineno: at.lineno,
      col_offset: at.col_offset,
      end_lineno: at.end_lineno,
      end_col_offset: at.end_col_offset,
    } as py.Name;
    this.cx.classLevelGlobals.add(node);
    return this.cx.withOuter(this.outer, () => this.cx.expr(node));
  }

  private deleteSlot(slot: string, n: string, line: number): ir.Stmt[] {
    return deleteSlot(slot, this.unbound, this.cx.rt("name_error", lit(n)), line);
  }

  /** `del n` at the body's top level of a name a block bound last: the checks on its slot, or null. */
  deleteTop(n: string, line: number): ir.Stmt[] | null {
    const slot = this.slotOf.get(n);
    return slot ? this.deleteSlot(slot, n, line) : null;
  }

  /** A later statement of the body binds `n` anew: its slot no longer gives the value (a def's is the method). */
  rebound(item: py.Stmt, st: ClassBodyState): void {
    const names: string[] = [];
    if (item._type === "FunctionDef" || item._type === "AsyncFunctionDef" || item._type === "ClassDef") names.push(item.name);
    else if (item._type === "Assign") {
      for (const t of item.targets) if (t._type === "Name") names.push(t.id);
    } else if (item._type === "AnnAssign" && item.value && item.target._type === "Name") names.push(item.target.id);
    for (const n of names) {
      const slot = this.slotOf.get(n);
      if (!slot) continue;
      this.slotOf.delete(n);
      if (item._type === "FunctionDef" || item._type === "AsyncFunctionDef")
        for (let i = st.classAttrs.length - 1; i >= 0; i--) if (st.classAttrs[i].key === n && st.classAttrs[i].value.k === "id") st.classAttrs.splice(i, 1);
    }
  }

  /**
   * `__hash__ = None` of a class whose body defines `__eq__` and not `__hash__` (`eq`, `hash`: its
   * top-level statements do): null, the check of a block's `__eq__`, or nothing.
   */
  hashDefault(eq: boolean, hash: boolean): ir.Expr | null {
    const binds = (n: string) => [...this.info.values()].some((b) => b && !("node" in b) && b.names.includes(n));
    if (hash || binds("__hash__")) return null;
    if (eq) return lit(null);
    const slot = this.slotOf.get("__eq__");
    return slot ? { k: "cond", test: binop("!==", id(slot), this.unbound), then: lit(null), else: this.unbound } : null;
  }

  /** The JS methods of defs renamed apart (`m$2`), removed once define_class has made the class. */
  renamedMethodRemovals(cls: string): ir.Stmt[] {
    const out: ir.Stmt[] = [];
    for (const [d, js] of this.jsNames) {
      if (js === d.name || this.refused(this.blockOfDef.get(d)!)) continue;
      for (const owner of [member(id(cls), "prototype"), id(cls)]) out.push(exprStmt(call(member(id("Reflect"), "deleteProperty"), owner, lit(js)), d.lineno));
    }
    return out;
  }
}
