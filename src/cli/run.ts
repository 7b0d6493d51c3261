// `tsyncio run [options] FILE.py [ARGS...]`: translate (or take the translation from the cache) and
// run. In the runtime half of the bundled CLI: the compiler half (translate-run.ts) is loaded only
// when the translation cache has no answer.

import { realpathSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { BUNDLE_ID } from "./bundle-stamp.js";
import { UsageError, displayPath, missing, readSource } from "./command-line.js";
import { loadRunner } from "./runner.js";
import { RecordingHost, TranslationCache, cacheFolder } from "./translation-cache.js";
import type { RunUnit } from "./translate-run.js";

/**
 * Names of what can make a program wait (a timer, stdin, a thread, I/O): see run(). `sleep(0)`
 * never blocks (it yields one loop iteration): it does not count.
 */
const MAY_WAIT =
  /\b(sleep(?!\(\s*0\s*\))|input|stdin|wait|wait_for|timeout|call_later|call_at|to_thread|run_in_executor|Thread|socket|select|subprocess|open_connection|start_server|create_connection|create_server|create_datagram_endpoint|add_signal_handler)\b/;

export async function run(argv: string[]): Promise<number> {
  let virtualTime = false;
  let timeout: number | undefined;
  let pythonVersion: string | undefined; // 3.12 unless the program or --python says otherwise
  let useCache = true;
  let i = 0;
  for (; i < argv.length && argv[i].startsWith("-") && argv[i] !== "-"; i++) {
    if (argv[i] === "--virtual-time") virtualTime = true;
    else if (argv[i] === "--no-cache") useCache = false;
    else if (argv[i] === "--python" || argv[i].startsWith("--python=")) {
      pythonVersion = argv[i].includes("=") ? argv[i].slice(argv[i].indexOf("=") + 1) : (argv[++i] ?? missing("--python"));
      if (pythonVersion !== "3.10" && pythonVersion !== "3.12") throw new UsageError(`--python takes 3.10 or 3.12, not '${pythonVersion}'`);
    } else if (argv[i] === "--timeout" || argv[i].startsWith("--timeout=")) {
      const value = argv[i].includes("=") ? argv[i].slice(argv[i].indexOf("=") + 1) : (argv[++i] ?? missing("--timeout"));
      timeout = Number(value);
      if (!(timeout > 0) || !Number.isFinite(timeout)) throw new UsageError(`--timeout needs a number of seconds > 0, not '${value}'`);
    } else if (argv[i] === "--") {
      i++;
      break;
    } else throw new UsageError(`unknown option '${argv[i]}'`);
  }
  const file = argv[i];
  if (!file) throw new UsageError("run: no input file");
  const source = readSource(file);
  if (source === null) return 1;
  const path = displayPath(file);
  const runner = await loadRunner();
  // The watcher thread (Ctrl-C while the program waits, --timeout) starts now, booting while the
  // program is translated, for a time limit or a program that names something that waits;
  // otherwise only when the program first waits or has run a while (installNodeHost's
  // lazyWatcher): a short program that never waits does not pay for its boot. Only the first
  // moments of a wait depend on the guess (a Ctrl-C while the watcher boots stops the program
  // where it is, see runGuarded).
  if (timeout !== undefined || MAY_WAIT.test(source)) runner.startWatcher(timeout);
  // Only timing depends on this guess: the kernel otherwise starts at the first socket or process.
  if (/\b(open_connection|start_server|create_connection|create_server|create_datagram_endpoint|subprocess|add_signal_handler|os\.kill)\b/.test(source))
    runner.warmIo();
  // The script, then the program's own modules it imports (found in its folder, as sys.path[0]:
  // the folder of the file a symlinked script points to, as CPython resolves it).
  const root = file === "-" ? process.cwd() : dirname(realScriptPath(path));
  const mainPath = file === "-" ? "<stdin>" : basename(file);
  const units = await translation(file, path, root, mainPath, source, pythonVersion, useCache);
  if (typeof units === "number") return units;
  const [main, ...imported] = units;
  const { installNodeHost, waitForWatcher, runGuarded, runtime } = runner;
  installNodeHost({ virtualTime, argv: [file, ...argv.slice(i + 1)], timeout, lazyWatcher: true });
  const { runProgram } = await runtime();
  waitForWatcher();
  const modules = imported.map((u) => ({ ...u, path: join(root, u.file) }));
  const status = runGuarded(() =>
    runProgram({ js: main.js, lineMap: main.lineMap, nameMap: main.nameMap, spans: main.spans, path, source, modules, pythonVersion }),
  );
  runner.finishIo();
  return status;
}

/**
 * The program's translation (the script's first), from the cache when it has it; otherwise
 * translated (and kept when it translated without a diagnostic), or the exit status after the
 * translator reported why it cannot run. The cache needs a bundled build (its id names the
 * translator) and a script file (not stdin).
 */
async function translation(
  file: string,
  path: string,
  root: string,
  mainPath: string,
  source: string,
  pythonVersion: string | undefined,
  useCache: boolean,
): Promise<RunUnit[] | number> {
  const folder = useCache && BUNDLE_ID && file !== "-" ? cacheFolder() : null;
  const cache = folder && BUNDLE_ID ? new TranslationCache(folder, { build: BUNDLE_ID, path, pythonVersion }) : null;
  const cached = cache?.lookup(root, mainPath, source);
  if (cached) return cached;
  const host = new RecordingHost(root, { path: mainPath, source });
  const { translateForRun } = await import("./translate-run.js");
  const translated = await translateForRun(file, path, root, mainPath, host, pythonVersion);
  if ("status" in translated) return translated.status;
  if (cache && translated.quiet) cache.store(host, translated.units);
  return translated.units;
}

/** The script's own path with symbolic links resolved (the path as given when that fails). */
function realScriptPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
