// os.environ, shared by os and os.path (expanduser, expandvars): a dict of the host's environment
// at start; changes stay inside the program.
import { host } from "../host.js";
import { PyDict } from "../builtins/collections.js";

export const environ: PyDict<string, any> = PyDict.fromEntries(Object.entries(host.env ?? {}));

export function envGet(key: string): string | undefined {
  return environ.has(key) ? (environ.__getitem__(key) as string) : undefined;
}
