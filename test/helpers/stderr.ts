/**
 * The whole-stderr rule (fixtures with `expected.stderr`, e.g. the unittest-* runner output): the
 * runner's timing figure `Ran N tests in 0.012s` reads `Ran N tests in {time}s`, and frames of
 * CPython's own library (`File "/usr/lib/python3.12/...` with their source and caret lines) are
 * left out on both sides: tsyncio's runtime has no Python frames of its own.
 */
export function normaliseStderr(text: string, dir: string): string {
  const out: string[] = [];
  let inLibFrame = false;
  for (const line of text.replaceAll(dir, "{dir}").split("\n")) {
    if (/^ {2}File "\/usr\/lib\/python3\.\d+\//.test(line)) {
      inLibFrame = true;
      continue;
    }
    if (inLibFrame && line.startsWith("    ")) continue;
    inLibFrame = false;
    out.push(line.replace(/^(Ran \d+ tests?) in \d+\.\d{3}s$/, "$1 in {time}s"));
  }
  return out.join("\n");
}
