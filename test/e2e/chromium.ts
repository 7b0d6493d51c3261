// Which Chromium the browser tests drive, and the rule when there is none: the tests fail with the
// command that installs it, unless skipping them was asked for explicitly (TSYNCIO_SKIP_BROWSER=1).
import { existsSync } from "node:fs";

export const INSTALL_COMMAND = "apt-get update && apt-get install -y chromium";
export const SKIP_VARIABLE = "TSYNCIO_SKIP_BROWSER";

export const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";
export const skipBrowser = process.env[SKIP_VARIABLE] === "1";

/** True when the browser tests should run; throws (failing the run) when Chromium is missing. */
export function browserTestsEnabled(): boolean {
  if (skipBrowser) return false;
  if (existsSync(chromiumPath)) return true;
  throw new Error(
    `Chromium is missing (${chromiumPath}): the web page's browser tests need Debian's chromium.\n` +
      `Install it with:\n    ${INSTALL_COMMAND}\n` +
      `or set CHROMIUM=/path/to/chromium. To skip the browser tests on purpose: ${SKIP_VARIABLE}=1 npm test`,
  );
}
