// def / async def / lambda ⇒ JS functions: parameters (defaults evaluated once at `def` time,
// *args, keyword-only, **kwargs through `bind_rest`), decorators, and the coroutine wrapper.
//
//   async def speak():          | const speak = coroutine_function(function* (): Generator<unknown, any, any> {
//       await asyncio.sleep(1)  |   yield* asyncio.sleep(1n);
//       return 'D'              |   return "D";
//                               | }, { qualname: "speak", filename: __file__, firstlineno: 1 });

import { pythonName } from "./private-names.js";
import type * as py from "../ast/nodes.js";
import { walk } from "../ast/walk.js";
import { namesAny, nodeIndex } from "../ast/node-index.js";
import type * as ir from "../ir/nodes.js";
import { array, assignStmt, binop, call, exprStmt, id, index, lit, member, returnStmt, throwStmt } from "../ir/nodes.js";
import { ASYNCIO, type LowerContext, PROGRAM, safeName } from "./context.js";
import { RUNTIME } from "./stdlib.js";
import { annotationType, splitUnion, typeVarConstraint, typeVarsIn } from "./annotations.js";
import { admitting, passedTypes } from "./passed-types.js";
import { assignName, functionBody } from "./bindings.js";
import { closingHeldGenerators } from "./dropped-generators.js";
import { isRuntimeFunction } from "./known-results.js";
import { docstring, firstLine } from "./syntax.js";
import { lowerTypeParams } from "./type-params.js";
import { positionalArgs } from "../ast/arguments.js";
import { eachOwnStatement } from "./binding-facts.js";
import type { Scope } from "./scopes.js";
import { asksForSignatures, signatureRecord } from "./signatures.js";

/** How a def of a class body is lowered as a JS method. */
export interface MethodOptions {
  className: string;
  /** The first parameter, which the body reads as `this`. */
  selfName?: string;
  selfIsClass?: boolean;
  selfHasSetattr?: boolean;
  selfOnRuntimeBase?: boolean;
  /**
   * The first parameter has a default (`def make(n=3)`, a helper the class body calls): it is a
   * local taking `this` when there is one (a call through an instance or with an argument), else
   * the default.
   */
  receiverDefault?: boolean;
}

export function functionDef(cx: LowerContext, s: py.FunctionDef | py.AsyncFunctionDef): ir.Stmt[] {
  const coroutine = s._type === "AsyncFunctionDef";
  const decorators = s.decorator_list;
  const scope = cx.fn.scope;
  if ((scope.bindCount.get(s.name) ?? 0) === 1 && !scope.writtenElsewhere.has(s.name) && !decorators.length)
    cx.knownIn(scope).set(s.name, { kind: "def", node: s, coroutine });
  const qualname = cx.fn.qualname ? `${cx.fn.qualname}.<locals>.${pythonName(s)}` : pythonName(s);
  const isPlainGenerator = !coroutine && !!cx.scopes.get(s)?.isGenerator;
  const fnExpr = functionExpression(cx, s, coroutine, qualname);
  // (what inspect.signature() reads, when the program asks for it)
  const signature = asksForSignatures(cx.module) ? signatureRecord(cx, s, fnExpr.params) : null;
  if (s._type === "AsyncFunctionDef" && cx.legacy.has(s) && (s as { deprecatedDecorator?: boolean }).deprecatedDecorator) {
    // CPython 3.10 warns as the decorator runs, just before the name is bound.
    fnExpr.hoisted.push(exprStmt(call(cx.helperFrom("warn_legacy_coroutine", PROGRAM), cx.fileExpr(), lit(s.lineno)), s.lineno));
  }
  // Decorated: the function expression stays anonymous, so that its name inside the body means the
  // decorated function (what Python's name lookup finds), e.g. recursion through @lru_cache.
  let value: ir.Expr = fnExpr.value;
  // `f.__type_params__` (PEP 695), set before any decorator sees the function.
  const typeParamValues = fnExpr.typeParamValues;
  const setTypeParams = (f: ir.Expr): ir.Expr => call(id(cx.helperFrom("set_type_params", PROGRAM)), f, array(typeParamValues!));
  if (decorators.length && fnExpr.fn) {
    // ...and carries its Python identity (decorators such as functools.wraps read it).
    fnExpr.fn.name = undefined;
    const doc = docstring(s.body);
    const info: { key: string; value: ir.Expr }[] = [
      { key: "name", value: lit(pythonName(s)) },
      { key: "qualname", value: lit(qualname) },
    ];
    if (doc !== null) info.push({ key: "doc", value: lit(doc) });
    if (signature) info.push({ key: "signature", value: signature });
    // `@f.register` on an annotated def (functools.singledispatch): the decorator reads `__annotations__`.
    if (decorators.some((d) => d._type === "Attribute" && d.attr === "register")) {
      const annotated = [...s.args.posonlyargs, ...s.args.args].filter((a) => a.annotation);
      if (annotated.length)
        info.push({ key: "annotations", value: { k: "object", props: annotated.map((a) => ({ key: a.arg, value: cx.expr(a.annotation!) })) } });
    }
    value = call(cx.helperFrom("define_function", PROGRAM), value, { k: "object", props: info });
  }
  // (a decorated coroutine function, which define_function does not name: its signature before the decorators see it)
  if (signature && decorators.length && !fnExpr.fn) value = call(cx.helperFrom("set_signature", PROGRAM), value, signature);
  if (typeParamValues) value = setTypeParams(value);
  for (const d of [...decorators].reverse()) value = cx.callValue(cx.expr(d), [value], isRuntimeFunction(cx, d));
  // A plain function keeps the familiar declaration form when nothing rebinds its name.
  const once = (scope.bindCount.get(s.name) ?? 0) === 1 && !scope.writtenElsewhere.has(s.name);
  // (not when the name is declared already: read before the def, it was hoisted as UNBOUND)
  if (!coroutine && !decorators.length && once && fnExpr.fn && isTopLevelOf(cx, s) && !cx.fn.declared.has(s.name)) {
    cx.fn.declared.add(s.name);
    // The docstring becomes `__doc__` only when the program reads some `__doc__`.
    const doc = cx.readsDoc ? docstring(s.body) : null;
    const setDoc: ir.Stmt[] = doc === null ? [] : [assignStmt(member(id(safeName(s.name)), "__doc__"), lit(doc), s.lineno)];
    // A generator function names its generator objects (their repr, __name__, __qualname__).
    const markGen: ir.Stmt[] = isPlainGenerator
      ? [exprStmt(call(cx.helperFrom("mark_generator", PROGRAM), id(safeName(s.name)), lit(qualname)), s.lineno)]
      : [];
    const setParams: ir.Stmt[] = typeParamValues ? [exprStmt(setTypeParams(id(safeName(s.name))), s.lineno)] : [];
    const setSignature: ir.Stmt[] = signature ? [exprStmt(call(cx.helperFrom("set_signature", PROGRAM), id(safeName(s.name)), signature), s.lineno)] : [];
    return [...fnExpr.hoisted, { k: "function", fn: fnExpr.fn, line: s.lineno }, ...setDoc, ...markGen, ...setParams, ...setSignature];
  }
  if (isPlainGenerator && !decorators.length) value = call(cx.helperFrom("mark_generator", PROGRAM), value, lit(qualname));
  if (signature && !decorators.length) value = call(cx.helperFrom("set_signature", PROGRAM), value, signature);
  // A coroutine function bound once keeps the type TS infers, `CoroutineFunction<[params], result>`
  // (its generator's signature is fully written out, so recursion does not make the inference circular).
  const inferred = coroutine && !decorators.length && once && !(cx.moduleForm && scope.kind === "module");
  return [...fnExpr.hoisted, assignName(cx, s.name, value, firstLine(s), inferred ? "" : undefined)];
}

/** Whether a statement sits directly in the current function's body (not inside an if/loop/try). */
export function isTopLevelOf(cx: LowerContext, s: py.Stmt): boolean {
  return cx.currentBody.includes(s);
}

/** `@property def x` or `@x.setter def x`: what the class makes a TS accessor. */
function isAccessorDef(s: py.FunctionDef | py.AsyncFunctionDef): boolean {
  return s.decorator_list.some((d) => (d._type === "Name" && d.id === "property") || (d._type === "Attribute" && d.attr === "setter"));
}

/**
 * A Python function as a JS function expression (and, for coroutines, wrapped by
 * `coroutine_function`). Defaults that are not literals are evaluated once, at `def` time, into
 * constants declared before the function, as Python does.
 */
export function functionExpression(
  cx: LowerContext,
  s: py.FunctionDef | py.AsyncFunctionDef | py.Lambda,
  coroutine: boolean,
  qualname: string,
  method?: MethodOptions,
): { value: ir.Expr; fn?: ir.FunctionLike; hoisted: ir.Stmt[]; typeParamValues?: ir.Expr[]; params?: ir.Param[] } {
  // The TypeVars the signature uses that no enclosing generic class binds: the function's own TS type parameters.
  // (none for a property's getter or setter: a TS accessor takes no type parameters, its TypeVars are `any`)
  const typeVars = s._type === "Lambda" || (method && isAccessorDef(s)) ? [] : signatureTypeVars(cx, s).filter((t) => !cx.boundTypeVars.has(t));
  // `def clear(self: T) -> T`: the instance's own type, TS's `this` (a type parameter would not be).
  // (a function nested in such a method is no member: there the TypeVar is its own again)
  const selfType = selfTypeVar(s, method);
  const thisType = selfType && typeVars.includes(selfType) ? selfType : undefined;
  if (thisType !== cx.selfTypeVar) {
    const saved = cx.selfTypeVar;
    cx.selfTypeVar = thisType;
    try {
      return functionExpression(cx, s, coroutine, qualname, method);
    } finally {
      cx.selfTypeVar = saved;
    }
  }
  const typeParams = typeVars.filter((t) => t !== thisType);
  // (an `async def` that is no method defaults its TypeVars to `any`, as below for PEP 695's)
  if (s._type === "Lambda" || !s.type_params.length)
    return cx.withTypeParams(typeParams, () =>
      functionExpressionTyped(
        cx,
        s,
        coroutine,
        qualname,
        typeParams.map((t) => t + typeVarConstraint(cx, t) + (coroutine && !method ? " = any" : "")),
        method,
      ),
    );
  // `def f[T](x: T)` (PEP 695): its TypeVars, declared before the function, are TS type parameters too.
  // An `async def` that is no method is seen by TS through its wrapper (coroutine_function), which
  // cannot keep them generic: the default `T = any` makes TS read its parameters as `any` there
  // (without one, as `unknown`: a `Queue<T>` argument would be refused).
  const own = lowerTypeParams(cx, s.name, s.type_params, s);
  const all = [...own.tsParams, ...typeParams.filter((t) => !own.tsParams.includes(t))];
  const ownDeclared = (t: string) => own.tsDeclared[own.tsParams.indexOf(t)] + (coroutine && !method ? " = any" : "");
  const declared = all.map((t) => (own.tsParams.includes(t) ? ownDeclared(t) : t));
  const lowered = cx.withTypeParams(all, () => functionExpressionTyped(cx, s, coroutine, qualname, declared, method));
  return { ...lowered, hoisted: [...lowered.hoisted, ...own.decls], typeParamValues: own.values };
}

/** The TypeVar an instance method's `self` is annotated with, if it is one. */
function selfTypeVar(s: py.FunctionDef | py.AsyncFunctionDef | py.Lambda, method?: MethodOptions): string | undefined {
  if (s._type === "Lambda" || !method?.selfName || method.selfIsClass || method.receiverDefault) return undefined;
  const self = [...s.args.posonlyargs, ...s.args.args][0];
  return self?.annotation?._type === "Name" ? self.annotation.id : undefined;
}

function signatureTypeVars(cx: LowerContext, s: py.FunctionDef | py.AsyncFunctionDef): string[] {
  const out: string[] = [];
  const a = s.args;
  for (const p of [...a.posonlyargs, ...a.args, ...a.kwonlyargs]) typeVarsIn(cx, p.annotation, out);
  return typeVarsIn(cx, s.returns, out);
}

/** The TS return type of a def: its annotation (`-> None` is `void`), or `any`. */
function returnType(cx: LowerContext, s: py.FunctionDef | py.AsyncFunctionDef | py.Lambda): string {
  if (s._type === "Lambda" || !s.returns) return "any";
  const t = annotationType(cx, s.returns, "return");
  if (t === "any") return t;
  // `async def f() -> Awaitable[int]` says what awaiting the call gives, wrongly: not trusted.
  if (s._type === "AsyncFunctionDef" && /^\$?(Awaitable|Coroutine|Future|Task)</.test(t)) return "any";
  // `return None` is `return null`; a body that can end without `return` returns undefined (None
  // too), or null (a property getter): `| null | void` says so.
  if (t === "void") return returnsValue(s.body) ? "null | void" : "void";
  // `-> float` admits ints; a def proven to return floats returns numbers.
  if (t === "number | bigint" && cx.analysis.types.returnOf(s) === "float") return "number";
  return endsAbruptly(s.body) ? t : `${t} | null | void`;
}

/** A generator's type: `Iterator<T>` / `Iterable<T>` when annotated so, else `Generator<unknown, any, any>`. */
function generatorType(cx: LowerContext, s: py.FunctionDef | py.AsyncFunctionDef | py.Lambda): string {
  if (s._type === "Lambda" || !s.returns) return CORO_TYPE;
  const t = annotationType(cx, s.returns, "return");
  return /^Iter(ator|able)</.test(t) ? t : CORO_TYPE;
}

/** Whether a body has a `return` with a value (outside nested functions and classes). */
function returnsValue(body: py.Stmt[]): boolean {
  let found = false;
  eachOwnStatement(body, (s) => {
    if (s._type === "Return" && s.value) found = true;
  });
  return found;
}

/** Whether control never runs off the end of `body` (what TS also proves, approximately and conservatively). */
function endsAbruptly(body: py.Stmt[]): boolean {
  const last = body[body.length - 1];
  if (!last) return false;
  switch (last._type) {
    case "Return":
    case "Raise":
      return true;
    case "While":
      return last.test._type === "Constant" && last.test.value === true && !last.orelse.length && !hasBreak(last.body);
    case "If":
      return last.orelse.length > 0 && endsAbruptly(last.body) && endsAbruptly(last.orelse);
  }
  return false;
}

function hasBreak(body: py.Stmt[]): boolean {
  return body.some((s) => {
    if (s._type === "Break") return true;
    if (
      s._type === "For" ||
      s._type === "AsyncFor" ||
      s._type === "While" ||
      s._type === "FunctionDef" ||
      s._type === "AsyncFunctionDef" ||
      s._type === "ClassDef"
    )
      return false;
    const inner = s as unknown as Record<string, unknown>;
    const lists = ["body", "orelse", "finalbody"].map((k) => inner[k]).filter(Array.isArray) as py.Stmt[][];
    if (s._type === "Try" || s._type === "TryStar") lists.push(...s.handlers.map((h) => h.body));
    if (s._type === "Match") lists.push(...s.cases.map((c) => c.body));
    return lists.some(hasBreak);
  });
}

function functionExpressionTyped(
  cx: LowerContext,
  s: py.FunctionDef | py.AsyncFunctionDef | py.Lambda,
  coroutine: boolean,
  qualname: string,
  typeParams: string[],
  method?: MethodOptions,
): { value: ir.Expr; fn?: ir.FunctionLike; hoisted: ir.Stmt[]; params?: ir.Param[] } {
  // A body finds the type parameters around it through the scopes (see typeParamOverride).
  return cx.withTypeParamNames(null, () => functionExpressionBody(cx, s, coroutine, qualname, typeParams, method));
}

function functionExpressionBody(
  cx: LowerContext,
  s: py.FunctionDef | py.AsyncFunctionDef | py.Lambda,
  coroutine: boolean,
  qualname: string,
  typeParams: string[],
  method?: MethodOptions,
): { value: ir.Expr; fn?: ir.FunctionLike; hoisted: ir.Stmt[]; params?: ir.Param[] } {
  const scope = cx.scopes.get(s)!;
  const hoisted: ir.Stmt[] = [];
  const params = parameters(cx, s.args, hoisted, method?.selfName ?? (method?.receiverDefault ? positionalArgs(s.args)[0].arg : undefined), scope);
  // (evaluated where the def runs, as the other defaults)
  const receiverDefault = method?.receiverDefault ? defaultValue(cx, s.args.defaults[0], hoisted) : undefined;
  const outer = cx.fn;
  const isGenerator = scope.isGenerator && !coroutine;
  cx.fn = cx.newFunctionContext(scope, qualname, coroutine, isGenerator);
  cx.fn.className = method?.className;
  cx.fn.selfIsClass = method?.selfIsClass;
  cx.fn.selfHasSetattr = method?.selfHasSetattr;
  cx.fn.selfOnRuntimeBase = method?.selfOnRuntimeBase;
  if (method?.selfName) {
    cx.fn.selfName = method.selfName;
    cx.fn.selfBox = { used: false };
  } else if (outer.selfName && !scope.bound.has(outer.selfName)) {
    // A nested function has its own `this`: it reaches the method's receiver through `self`.
    cx.fn.selfName = outer.selfName;
    cx.fn.selfIsClass = outer.selfIsClass;
    cx.fn.selfHasSetattr = outer.selfHasSetattr;
    cx.fn.selfOnRuntimeBase = outer.selfOnRuntimeBase;
    cx.fn.selfAlias = outer.selfAlias ?? "self";
    cx.fn.selfBox = outer.selfBox;
  }
  let body: ir.Stmt[];
  const extra: ir.Stmt[] = bindingPrologue(cx, s.args);
  if (receiverDefault) {
    const receiver: ir.Expr = { k: "as", expr: { k: "this" }, type: "any" };
    const value: ir.Expr = { k: "cond", test: binop("===", receiver, lit(undefined)), then: receiverDefault, else: receiver };
    extra.unshift({ k: "var", decl: "let", name: safeName(positionalArgs(s.args)[0].arg), type: "any", init: value });
  }
  if (s._type === "Lambda") {
    body = [...extra, returnStmt(cx.expr(s.body))];
    if (cx.fn.temps.length) body.unshift({ k: "vars", names: cx.fn.temps.map((name) => ({ name, type: "any" })) });
  } else {
    body = functionBody(cx, s.body, extra);
    if (cx.fn.heldGenerators !== undefined) body = closingHeldGenerators(cx, cx.fn.heldGenerators, body);
    if (isGenerator) {
      // PEP 479: a StopIteration escaping a generator's body becomes a RuntimeError.
      const escaping = cx.temp("_e");
      cx.fn.temps.pop();
      body = [{ k: "try", body, catchName: escaping, handler: [throwStmt(call(cx.helper("generator_stop"), id(escaping)))] }];
    } else if (coroutine && !scope.isGenerator && mentionsStopIteration(cx.module) && raisesStopIteration(s.body)) {
      // The same for a coroutine: the Task converts what escapes the outermost one, but an awaited
      // coroutine is delegated to with `yield*` (no boundary of its own), so it converts itself.
      const escaping = cx.temp("_e");
      cx.fn.temps.pop();
      body = [{ k: "try", body, catchName: escaping, handler: [throwStmt(call(cx.helper("coroutine_stop"), id(escaping)))] }];
    }
  }
  const needsSelfAlias = method?.selfName ? cx.fn.selfBox?.used : false;
  cx.fn = outer;
  if (needsSelfAlias && method?.selfName) body.unshift({ k: "var", decl: "const", name: "self", init: { k: "this" } });
  if (s._type === "Lambda" && !coroutine) {
    return { value: { k: "arrow", params: params.list, body, returnType: "any", pyName: "<lambda>" }, hoisted, params: params.list };
  }
  const name = s._type === "Lambda" ? undefined : safeName(s.name);
  const fn: ir.FunctionLike = {
    // A coroutine's generator stays anonymous: a named function expression would bind its own
    // name inside the body, so a recursive call would get the bare generator, not the coroutine.
    name: method || coroutine ? undefined : name,
    pyName: s._type === "Lambda" ? "<lambda>" : pythonName(s),
    params: params.list,
    typeParams: typeParams.length ? typeParams : undefined,
    // An annotated async generator's own generator returns nothing (its annotation says what it yields).
    returnType: isGenerator
      ? generatorType(cx, s)
      : coroutine
        ? scope.isGenerator && s._type !== "Lambda" && s.returns
          ? ASYNC_GEN_TYPE
          : coroutineType(returnType(cx, s))
        : returnType(cx, s),
    body,
    generator: coroutine || isGenerator,
    line: s.lineno,
  };
  if (!coroutine) return { value: { k: "function", fn }, fn, hoisted, params: params.list };
  const info: ir.Expr & { k: "object" } = {
    k: "object",
    props: [
      { key: "qualname", value: lit(qualname) },
      { key: "filename", value: cx.fileExpr() },
      { key: "firstlineno", value: lit(firstLine(s)) },
    ],
  };
  // Its docstring becomes `__doc__` when the program reads some `__doc__` (as a plain def's).
  const doc = cx.readsDoc && s._type !== "Lambda" ? docstring(s.body) : null;
  if (doc !== null) info.props.push({ key: "doc", value: lit(doc) });
  // (CPython makes generators of these, not coroutine objects)
  if (s._type === "AsyncFunctionDef" && cx.legacy.has(s)) {
    info.props.push({ key: "legacy", value: lit(true) });
    // (types.coroutine, unlike asyncio's decorator, leaves no mark asyncio.iscoroutinefunction sees)
    if (!(s as { deprecatedDecorator?: boolean }).deprecatedDecorator) info.props.push({ key: "unmarked", value: lit(true) });
  }
  const wrapper = scope.isGenerator && s._type === "AsyncFunctionDef" && !cx.legacy.has(s) ? "async_generator_function" : "coroutine_function";
  return { value: call(cx.helperFrom(wrapper, ASYNCIO), { k: "function", fn }, info), hoisted, params: params.list };
}

export function parameters(cx: LowerContext, args: py.Arguments, hoisted: ir.Stmt[], selfName?: string, scope?: Scope): { list: ir.Param[] } {
  const list: ir.Param[] = [];
  const positional = positionalArgs(args);
  const firstDefault = positional.length - args.defaults.length;
  positional.forEach((a, i) => {
    if (i === 0 && selfName) return;
    const d = i >= firstDefault ? args.defaults[i - firstDefault] : null;
    // (a default of a parameter typed by a TypeVar, `start: T = 0`, is no T in TS's eyes: cast)
    const init = d ? defaultValue(cx, d, hoisted) : undefined;
    list.push({
      name: safeName(a.arg),
      type: provenType(cx, a, scope),
      init: init && mentionsTypeVar(cx, a.annotation) ? { k: "as", expr: init, type: "any" } : init,
    });
  });
  if (args.vararg || args.kwonlyargs.length || args.kwarg) list.push({ name: restName(args), type: "any[]", rest: true });
  return { list };
}

/** A parameter's TS type: its annotation's, admitting what the program passes (passed-types.ts). */
export function declaredType(cx: LowerContext, a: py.Arg): string {
  if (!a.annotation) return "any";
  const t = annotationType(cx, a.annotation);
  // (a signature over TypeVars takes what TS infers for them)
  if (mentionsTypeVar(cx, a.annotation)) return t;
  return admitting(t, passedTypes(cx.module, cx.scopes).get(a), splitUnion);
}

/** An annotation that names a TypeVar (the def's own, or its generic class's). */
function mentionsTypeVar(cx: LowerContext, a: py.ExprNode | null | undefined): boolean {
  let generic = typeVarsIn(cx, a).length > 0;
  if (a)
    walk(a, (n) => {
      if (n._type === "Name" && cx.boundTypeVars.has(n.id)) generic = true;
    });
  return generic;
}

/**
 * A positional parameter's TS type: declaredType, but a `float` parameter the inference proved
 * holds floats only (every call passes one) is `number`, as the body's arithmetic on it is
 * emitted as plain JavaScript (`time.time() + seconds`), which `number | bigint` would refuse.
 */
function provenType(cx: LowerContext, a: py.Arg, scope: Scope | undefined): string {
  const t = declaredType(cx, a);
  return t === "number | bigint" && scope && cx.analysis.types.typeOf(scope, a.arg) === "float" ? "number" : t;
}

/** `P.args` / `P.kwargs` of a ParamSpec `P`: the whole tuple or dict, of any values. */
function paramSpecPart(cx: LowerContext, a: py.ExprNode): boolean {
  return a._type === "Attribute" && (a.attr === "args" || a.attr === "kwargs") && a.value._type === "Name" && cx.paramSpecs.has(a.value.id);
}

/** The JS rest parameter that receives `*args` and a trailing `kw(...)` for keyword-only and `**kwargs`. */
export function restName(args: py.Arguments): string {
  return args.vararg && !args.vararg.annotation && !args.kwonlyargs.length && !args.kwarg ? safeName(args.vararg.arg) : "$rest";
}

/** Binds *args, keyword-only parameters and **kwargs from the rest parameter. */
export function bindingPrologue(cx: LowerContext, args: py.Arguments): ir.Stmt[] {
  if (!args.vararg && !args.kwonlyargs.length && !args.kwarg) return [];
  if (args.vararg && !args.kwonlyargs.length && !args.kwarg) {
    // *args alone: the rest array becomes a tuple (an annotated one declared with its type: `*args: int`, a tuple of ints).
    const n = safeName(args.vararg.arg);
    if (!args.vararg.annotation) return [assignStmt(id(n), cx.rt("varargs", id(n)))];
    const a = args.vararg.annotation;
    const type = `${cx.imports.type("PyTuple", RUNTIME)}<${paramSpecPart(cx, a) ? "any" : annotationType(cx, a)}>`;
    return [{ k: "var", decl: "let", name: n, type, init: cx.rt("varargs", id("$rest")) }];
  }
  const positional = args.posonlyargs.length + args.args.length;
  const spec: ir.Expr = {
    k: "object",
    props: [
      { key: "name", value: lit(cx.fn.qualname) },
      { key: "positional", value: lit(positional) },
      ...(args.defaults.length ? [{ key: "optional", value: lit(args.defaults.length) }] : []),
      { key: "kwonly", value: array(args.kwonlyargs.map((a) => lit(a.arg))) },
      { key: "defaults", value: array(args.kw_defaults.map((d) => (d ? cx.expr(d) : lit(undefined)))) },
      { key: "varargs", value: lit(!!args.vararg) },
      { key: "kwargs", value: lit(!!args.kwarg) },
    ],
  };
  const bound = cx.temp("_args");
  const out: ir.Stmt[] = [assignStmt(id(bound), cx.rt("bind_rest", id("$rest"), spec))];
  // Declared with the annotations' types (`*args: int` is a tuple of ints, `**kw: str` a dict of strs).
  const elementType = (a: py.Arg) => (!a.annotation || paramSpecPart(cx, a.annotation) ? "any" : annotationType(cx, a.annotation));
  const typed = (a: py.Arg, container: (t: string) => string) => (a.annotation ? container(elementType(a)) : "any");
  if (args.vararg) {
    const type = typed(args.vararg, (t) => `${cx.imports.type("PyTuple", RUNTIME)}<${t}>`);
    out.push({ k: "var", decl: "let", name: safeName(args.vararg.arg), type, init: member(id(bound), "args") });
  }
  for (const a of args.kwonlyargs)
    out.push({
      k: "var",
      decl: "let",
      name: safeName(a.arg),
      type: a.annotation && paramSpecPart(cx, a.annotation) ? "any" : declaredType(cx, a),
      init: index(member(id(bound), "kw"), lit(a.arg)),
    });
  if (args.kwarg) {
    const type = typed(args.kwarg, (t) => `${cx.imports.type("PyDict", RUNTIME)}<string, ${t}>`);
    out.push({ k: "var", decl: "let", name: safeName(args.kwarg.arg), type, init: member(id(bound), "kwargs") });
  }
  for (const a of [...args.kwonlyargs, ...(args.vararg ? [args.vararg] : []), ...(args.kwarg ? [args.kwarg] : [])]) cx.fn.declared.add(a.arg);
  return out;
}

export function defaultValue(cx: LowerContext, d: py.ExprNode, hoisted: ir.Stmt[]): ir.Expr {
  if (d._type === "Constant" && typeof d.value !== "object") return cx.expr(d);
  if (d._type === "Constant" && d.value === null) return lit(null);
  if (d._type === "UnaryOp" && d.operand._type === "Constant") return cx.expr(d);
  // Evaluated once, when the `def` runs, like Python's defaults.
  const name = cx.temp("_default");
  cx.fn.temps.pop();
  hoisted.push({ k: "var", decl: "const", name, type: "any", init: cx.expr(d), line: d.lineno });
  return id(name);
}

export const CORO_TYPE = "Generator<unknown, any, any>";
/** The generator behind an `async def` with `yield`: it returns nothing. */
const ASYNC_GEN_TYPE = "Generator<unknown, void, any>";

/** A coroutine's generator type: what it returns is what `await` gives. */
export function coroutineType(returns: string): string {
  return `Generator<unknown, ${returns}, any>`;
}

const STOP_ITERATION_NAMES: ReadonlySet<string> = new Set(["StopIteration", "next"]);
const stopIterationMentioned = new WeakMap<py.Module, boolean>();

/**
 * Whether the module names StopIteration or `next` anywhere (found once per module): most do not,
 * and then no coroutine's body need be walked for them.
 */
// (a module-level predicate, not an arrow made per call: its optimized code outlives a lowering, see bench/NOTES.md round 18)
function namesStopIteration(n: py.Attribute): boolean {
  return n.attr === "StopIteration";
}

function mentionsStopIteration(module: py.Module): boolean {
  let mentioned = stopIterationMentioned.get(module);
  if (mentioned === undefined) {
    mentioned = namesAny(module, STOP_ITERATION_NAMES) || nodeIndex(module).ofType("Attribute").some(namesStopIteration);
    stopIterationMentioned.set(module, mentioned);
  }
  return mentioned;
}

/**
 * Whether a coroutine's own code (not its nested functions, classes or generator expressions) can
 * raise StopIteration itself: a `raise StopIteration...` or a one-argument `next()` (an exhausted
 * iterator). A StopIteration from a function it calls is converted only where it leaves the task.
 */
function raisesStopIteration(body: readonly py.Stmt[]): boolean {
  let found = false;
  const isStop = (e: py.ExprNode | null | undefined): boolean => {
    const target = e?._type === "Call" ? e.func : e;
    return (target?._type === "Name" && target.id === "StopIteration") || (target?._type === "Attribute" && target.attr === "StopIteration");
  };
  for (const stmt of body) {
    walk(stmt, (n) => {
      if (found) return false;
      if (n._type === "FunctionDef" || n._type === "AsyncFunctionDef" || n._type === "ClassDef" || n._type === "Lambda" || n._type === "GeneratorExp")
        return false;
      if (n._type === "Raise" && isStop(n.exc)) found = true;
      else if (n._type === "Call" && n.func._type === "Name" && n.func.id === "next" && n.args.length === 1 && n.keywords.length === 0) found = true;
    });
    if (found) return true;
  }
  return false;
}
