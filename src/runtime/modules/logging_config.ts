// logging.config.dictConfig: formatters, filters, handlers, loggers and the root logger from a
// dict (schema version 1). Handler classes are named by dotted path among the runtime's own
// (logging.StreamHandler, logging.NullHandler, logging.handlers.QueueHandler, ...) or given as a
// callable with '()'; `ext://sys.stdout` / `ext://sys.stderr` name the streams. Incremental
// configuration, cfg:// references, fileConfig and listen() raise NotImplementedError.
// CPython: Lib/logging/config.py (behaviour observed and documented, not transliterated).
import { noteModuleNamespace } from "../builtins/module-files.js";
// (its own namespace, which `import logging.config` binds: a module object as a value)
import * as thisModule from "./logging_config.js";
noteModuleNamespace(thisModule, "logging.config");
import { NotImplementedError, ValueError, Exception, caughtException } from "../builtins/exceptions.js";
import { KwArgs } from "../builtins/object.js";
import { PyDict } from "../builtins/collections.js";
import { call, truthy } from "../builtins/ops.js";
import { repr } from "../builtins/repr.js";
import { stdio } from "../builtins/functions.js";
import * as logging from "./logging.js";
import * as handlers from "./logging_handlers.js";

type Config = Map<string, unknown>;

/** A Python dict (or a JS record) as a Map in its own key order. */
function asConfig(x: unknown, what: string): Config {
  if (x instanceof PyDict) {
    const m: Config = new Map();
    for (const k of x) m.set(String(k), x.get(k));
    return m;
  }
  if (x === null || x === undefined) return new Map();
  throw new ValueError(`${what} must be a dict, not ${repr(x)}`);
}

const MODULES: Record<string, Record<string, unknown>> = {
  logging: logging as unknown as Record<string, unknown>,
  "logging.handlers": handlers as unknown as Record<string, unknown>,
};

/** `logging.StreamHandler` and the like: a class of the runtime's logging modules. */
function resolve(name: string): unknown {
  const dot = name.lastIndexOf(".");
  const mod = MODULES[name.slice(0, dot)];
  const value = mod?.[name.slice(dot + 1)];
  if (value !== undefined) return value;
  if (mod || name.startsWith("logging.")) throw new NotImplementedError(`logging.config: ${name} is not available in tsyncio's runtime`);
  throw new NotImplementedError(
    `logging.config: resolving ${repr(name)} (only the logging modules' classes, or a callable under '()') is not supported by tsyncio`,
  );
}

/** CPython's value conversion: `ext://sys.stdout` is that object. */
function convert(value: unknown): unknown {
  if (typeof value !== "string") return value;
  if (value === "ext://sys.stdout") return stdio.stdout;
  if (value === "ext://sys.stderr") return stdio.stderr;
  if (value.startsWith("ext://")) return resolve(value.slice(6));
  if (value.startsWith("cfg://")) throw new NotImplementedError("logging.config: cfg:// references are not supported by tsyncio");
  return value;
}

/** A '()' factory's object, called with the other keys as keywords (less '.', its attributes). */
function fromFactory(cfg: Config): unknown {
  let factory = cfg.get("()");
  if (typeof factory === "string") factory = resolve(factory);
  const kw: Record<string, unknown> = {};
  for (const [k, v] of cfg) if (k !== "()" && k !== "." && /^\w+$/.test(k)) kw[k] = convert(v);
  const made = call(factory, new KwArgs(kw));
  for (const [k, v] of asConfig(cfg.get("."), "'.'")) (made as Record<string, unknown>)[k] = convert(v);
  return made;
}

function makeFormatter(cfg: Config): unknown {
  if (cfg.has("()")) return fromFactory(cfg);
  const cls = cfg.has("class") ? resolve(String(cfg.get("class"))) : logging.Formatter;
  const fmt = cfg.get("format") ?? cfg.get("fmt") ?? null;
  const kw: Record<string, unknown> = { style: cfg.get("style") ?? "%", validate: cfg.get("validate") ?? true };
  if (cfg.has("defaults")) kw.defaults = cfg.get("defaults");
  return call(cls, fmt, cfg.get("datefmt") ?? null, new KwArgs(kw));
}

function makeFilter(cfg: Config): unknown {
  if (cfg.has("()")) return fromFactory(cfg);
  return new logging.Filter(cfg.get("name") ?? "");
}

function named<T>(table: Map<string, T>, name: unknown, what: string): T {
  const v = table.get(String(name));
  if (v === undefined) throw new ValueError(`Unable to set ${what} ${repr(name)}`);
  return v;
}

function addFilters(target: { addFilter(f: unknown): unknown }, names: unknown, filters: Map<string, unknown>): void {
  for (const f of (names ?? []) as Iterable<unknown>) target.addFilter(named(filters, f, "filter"));
}

function makeHandler(cfg: Config, formatters: Map<string, unknown>, filters: Map<string, unknown>): logging.Handler {
  const formatter = cfg.has("formatter") ? named(formatters, cfg.get("formatter"), "formatter") : null;
  let h: logging.Handler;
  if (cfg.has("()")) {
    const rest = new Map([...cfg].filter(([k]) => !["formatter", "level", "filters"].includes(k)));
    h = fromFactory(rest) as logging.Handler;
  } else {
    if (!cfg.has("class")) throw new ValueError("handler configuration needs a 'class'");
    const cls = resolve(String(cfg.get("class")));
    const kw: Record<string, unknown> = {};
    for (const [k, v] of cfg) if (!["class", "formatter", "level", "filters", "."].includes(k)) kw[k] = convert(v);
    h = (Object.keys(kw).length ? call(cls, new KwArgs(kw)) : call(cls)) as logging.Handler;
  }
  if (formatter !== null) h.setFormatter(formatter as logging.Formatter);
  if (cfg.has("level")) h.setLevel(cfg.get("level"));
  addFilters(h, cfg.get("filters"), filters);
  return h;
}

/** A logger's level, handlers (replacing its own), filters and, for a named logger, propagate. */
function configureLogger(
  logger: logging.Logger,
  cfg: Config,
  handlerTable: Map<string, logging.Handler>,
  filters: Map<string, unknown>,
  isRoot: boolean,
): void {
  if (cfg.has("level")) logger.setLevel(cfg.get("level"));
  for (const h of [...logger.handlers]) logger.removeHandler(h);
  for (const name of (cfg.get("handlers") ?? []) as Iterable<unknown>) logger.addHandler(named(handlerTable, name, "handler"));
  addFilters(logger, cfg.get("filters"), filters);
  if (!isRoot && cfg.has("propagate")) logger.propagate = truthy(cfg.get("propagate"));
}

function wrap<T>(what: string, name: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    const exc = caughtException(e);
    if (exc instanceof NotImplementedError || !(exc instanceof Exception)) throw e;
    const err = new ValueError(`Unable to configure ${what} ${repr(name)}`);
    (err as { __cause__?: unknown }).__cause__ = exc;
    throw err;
  }
}

export function dictConfig(config: unknown): null {
  const cfg = asConfig(config, "config");
  const version = cfg.get("version");
  if (version === undefined) throw new ValueError("dictionary doesn't specify a version");
  if (version !== 1n) throw new ValueError(`Unsupported version: ${repr(version)}`);
  if (truthy(cfg.get("incremental") ?? false)) throw new NotImplementedError("logging.config: incremental configuration is not supported by tsyncio");
  const disableExisting = truthy(cfg.get("disable_existing_loggers") ?? true);

  const formatters = new Map<string, unknown>();
  for (const [name, f] of asConfig(cfg.get("formatters"), "formatters"))
    formatters.set(
      name,
      wrap("formatter", name, () => makeFormatter(asConfig(f, name))),
    );
  const filters = new Map<string, unknown>();
  for (const [name, f] of asConfig(cfg.get("filters"), "filters"))
    filters.set(
      name,
      wrap("filter", name, () => makeFilter(asConfig(f, name))),
    );
  const handlerTable = new Map<string, logging.Handler>();
  const handlerCfg = asConfig(cfg.get("handlers"), "handlers");
  for (const name of [...handlerCfg.keys()].sort()) {
    const h = wrap("handler", name, () => makeHandler(asConfig(handlerCfg.get(name), name), formatters, filters));
    h.name = name;
    handlerTable.set(name, h);
  }

  // Loggers made before and not named now are disabled (or, under a named one, reset).
  const existing = logging._logger_names().sort();
  const children: string[] = [];
  const loggerCfg = asConfig(cfg.get("loggers"), "loggers");
  for (const [name, l] of loggerCfg) {
    // (CPython keeps a placeholder for every parent of a logger made: `name` may be one)
    for (const other of existing) if (other.startsWith(`${name}.`)) children.push(other);
    const i = existing.indexOf(name);
    if (i >= 0) existing.splice(i, 1);
    wrap("logger", name, () => configureLogger(logging.getLogger(name), asConfig(l, name), handlerTable, filters, false));
  }
  for (const name of existing) {
    const logger = logging.getLogger(name);
    if (children.includes(name)) {
      logger.setLevel(logging.NOTSET);
      for (const h of [...logger.handlers]) logger.removeHandler(h);
      logger.propagate = true;
    } else if (disableExisting) logger.disabled = true;
  }
  if (cfg.has("root")) wrap("root", "root", () => configureLogger(logging.root, asConfig(cfg.get("root"), "root"), handlerTable, filters, true));
  return null;
}

export function fileConfig(..._args: unknown[]): never {
  throw new NotImplementedError("logging.config.fileConfig() is not supported by tsyncio (use dictConfig)");
}

export function listen(..._args: unknown[]): never {
  throw new NotImplementedError("logging.config.listen() is not supported by tsyncio");
}
