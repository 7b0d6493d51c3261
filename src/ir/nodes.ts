// The TS-subset IR: what the lowering produces and the printer knows how to write.
// It is deliberately small: only the TypeScript constructs translated Python needs.
// Types are kept as TypeScript text (`TsType`), printed in TS mode and dropped in JS mode.
// Every statement may carry `line`, the Python line it came from: the printer turns those into the
// line map that tracebacks use.

export type TsType = string;

export type Stmt =
  | { k: "var"; decl: "let" | "const"; name: string; type?: TsType; init?: Expr; line?: number }
  | { k: "vars"; names: { name: string; type?: TsType }[]; line?: number }
  | { k: "expr"; expr: Expr; line?: number }
  | { k: "if"; test: Expr; then: Stmt[]; else?: Stmt[]; line?: number }
  | { k: "while"; test: Expr; body: Stmt[]; label?: string; line?: number }
  | { k: "for_of"; decl?: "const" | "let"; target: Expr; iter: Expr; body: Stmt[]; label?: string; line?: number }
  | { k: "break"; label?: string; line?: number }
  | { k: "continue"; label?: string; line?: number }
  | { k: "return"; value?: Expr; line?: number }
  | { k: "throw"; value: Expr; line?: number }
  | { k: "try"; body: Stmt[]; catchName?: string; handler?: Stmt[]; finalizer?: Stmt[]; line?: number }
  | { k: "function"; fn: FunctionLike; line?: number }
  | { k: "class"; name: string; base?: Expr; members: ClassMember[]; typeParams?: string[]; baseTypeArgs?: string[]; line?: number }
  /** TypeScript-only text (`interface C { ... }`, the standalone entry's import): dropped in JavaScript. */
  | { k: "ts_decl"; text: string; line?: number }
  | { k: "import"; from: string; namespace?: string; named?: { name: string; alias?: string }[]; typeOnly?: boolean; default?: string; localModule?: string }
  /** `export default x;` in TypeScript; in JavaScript for the runner, `return x;` (a module file's value). */
  | { k: "export_default"; expr: Expr; line?: number }
  | { k: "block"; body: Stmt[]; label?: string; line?: number }
  | { k: "comment"; text: string }
  | { k: "blank" };

export interface Param {
  name: string;
  /** `name?: T` in TS (a method overriding one that takes fewer parameters). */
  optional?: boolean;
  type?: TsType;
  init?: Expr;
  rest?: boolean;
}

export interface FunctionLike {
  name?: string;
  /** TS type parameters (`<T>`, from the Python TypeVars the signature uses). */
  typeParams?: string[];
  params: Param[];
  returnType?: TsType;
  body: Stmt[];
  generator?: boolean;
  /** Python line of the `def`, for the line map. */
  line?: number;
  /** The Python function's name (co_name), which tracebacks show for the lines of its body. */
  pyName?: string;
}

export type ClassMember =
  | { k: "method"; fn: FunctionLike & { name: string }; static?: boolean; accessor?: "get" | "set"; line?: number }
  | { k: "field"; name: string; type?: TsType; declare?: boolean; static?: boolean; init?: Expr; line?: number };

export type Expr =
  | { k: "id"; name: string }
  | { k: "lit"; value: string | number | bigint | boolean | null | undefined }
  | { k: "template"; quasis: string[]; exprs: Expr[] }
  /** `jsOnly`: printed as `object.prop` in JavaScript, as `object` alone in TypeScript (a fast path the runner takes). */
  | { k: "member"; object: Expr; prop: string; jsOnly?: boolean }
  | { k: "index"; object: Expr; index: Expr }
  | { k: "call"; callee: Expr; args: Expr[]; typeArgs?: TsType[] }
  | { k: "new"; callee: Expr; args: Expr[]; typeArgs?: TsType[] }
  | { k: "binary"; op: BinaryOp; left: Expr; right: Expr }
  | { k: "unary"; op: "!" | "-" | "+" | "~" | "typeof" | "void"; arg: Expr }
  | { k: "cond"; test: Expr; then: Expr; else: Expr }
  | { k: "assign"; op: "=" | "+=" | "-=" | "??="; target: Expr; value: Expr }
  | { k: "array"; elements: Expr[] }
  | { k: "object"; props: { key: string; value: Expr }[] }
  | { k: "arrow"; params: Param[]; body: Expr | Stmt[]; returnType?: TsType; pyName?: string }
  | { k: "function"; fn: FunctionLike }
  | { k: "yield"; delegate: boolean; arg?: Expr }
  // ownArray: `arg` is a plain array made for this spread alone (an argument array may be it)
  | { k: "spread"; arg: Expr; ownArray?: true }
  | { k: "as"; expr: Expr; type: TsType }
  | { k: "seq"; exprs: Expr[] }
  | { k: "class"; name: string; base?: Expr; members: ClassMember[]; typeParams?: string[]; baseTypeArgs?: string[] }
  | { k: "this" }
  | { k: "super" };

export type BinaryOp =
  | "+"
  | "-"
  | "*"
  | "/"
  | "%"
  | "**"
  | "<<"
  | ">>"
  | "&"
  | "|"
  | "^"
  | "=="
  | "!="
  | "==="
  | "!=="
  | "<"
  | "<="
  | ">"
  | ">="
  | "&&"
  | "||"
  | "??"
  | "instanceof"
  | "in";

// Small constructors, so the lowering reads as what it builds.
export const id = (name: string): Expr => ({ k: "id", name });
export const lit = (value: string | number | bigint | boolean | null | undefined): Expr => ({ k: "lit", value });
export const call = (callee: Expr | string, ...args: Expr[]): Expr => ({
  k: "call",
  callee: typeof callee === "string" ? id(callee) : callee,
  args,
});
export const member = (object: Expr, prop: string): Expr => ({ k: "member", object, prop });
export const index = (object: Expr, index: Expr): Expr => ({ k: "index", object, index });
export const newExpr = (callee: Expr, args: Expr[]): Expr => ({ k: "new", callee, args });
/** `target = value` as an expression. */
export const assign = (target: Expr, value: Expr): Expr => ({ k: "assign", op: "=", target, value });
export const binop = (op: BinaryOp, left: Expr, right: Expr): Expr => ({ k: "binary", op, left, right });
export const not = (arg: Expr): Expr => ({ k: "unary", op: "!", arg });
export const array = (elements: Expr[]): Expr => ({ k: "array", elements });
export const spread = (arg: Expr): Expr => ({ k: "spread", arg });
/** `yield* arg`: delegation to a generator (how `await` and `yield from` are lowered). */
export const yieldStar = (arg: Expr): Expr => ({ k: "yield", delegate: true, arg });
export const yieldValue = (arg: Expr): Expr => ({ k: "yield", delegate: false, arg });

export const exprStmt = (expr: Expr, line?: number): Stmt => ({ k: "expr", expr, line });
/** `target = value;` */
export const assignStmt = (target: Expr, value: Expr, line?: number): Stmt => exprStmt(assign(target, value), line);
export const ifStmt = (test: Expr, then: Stmt[], otherwise?: Stmt[], line?: number): Stmt => ({ k: "if", test, then, else: otherwise, line });
export const throwStmt = (value: Expr, line?: number): Stmt => ({ k: "throw", value, line });
export const returnStmt = (value?: Expr, line?: number): Stmt => ({ k: "return", value, line });
