// The Node host and the runtime's loader, for `tsyncio run` (run.ts) and bench/lib/run-js.mjs.

/**
 * The Node host, and the runtime's loader: the runtime must load after the host is installed
 * (sys.argv is read when sys loads). Exported for bench/lib/run-js.mjs, so that it runs emitted
 * JavaScript the way `run` does, from the same file (the bundle, when there is one).
 */
export async function loadRunner() {
  const { installNodeHost, waitForWatcher, startWatcher, runGuarded, finishIo, warmIo } = await import("./node-host.js");
  return { installNodeHost, waitForWatcher, startWatcher, runGuarded, finishIo, warmIo, runtime: () => import("../runtime/run.js") };
}
