// platform: the interpreter this runtime stands in for (CPython 3.12.1) and the machine the host
// reports (unknown parts are '' as in CPython when it cannot tell).
import { host } from "../host.js";
import { PyTuple } from "../builtins/collections.js";
import { structseq } from "./_structseq.js";

function uname_(): { system: string; node: string; release: string; version: string; machine: string } {
  return host.uname?.() ?? { system: "", node: "", release: "", version: "", machine: "" };
}

const UnameResult = structseq("uname_result", ["system", "node", "release", "version", "machine"]);

export function uname(): unknown {
  const u = uname_();
  return new UnameResult([u.system, u.node, u.release, u.version, u.machine]);
}
export const system = (): string => uname_().system;
export const node = (): string => uname_().node;
export const release = (): string => uname_().release;
export const version = (): string => uname_().version;
export const machine = (): string => uname_().machine;
export const processor = (): string => uname_().machine;
export const python_version = (): string => "3.12.1";
export const python_version_tuple = (): PyTuple<string> => PyTuple.fromArray(["3", "12", "1"]);
export const python_implementation = (): string => "CPython";
export const python_compiler = (): string => "tsyncio";
export function architecture(): PyTuple<string> {
  return PyTuple.fromArray(["64bit", "ELF"]);
}
export function platform(): string {
  const u = uname_();
  if (!u.system) return "";
  // CPython adds the C library ("-with-glibc2.36"), which the host cannot tell.
  return `${u.system}-${u.release}-${u.machine}`;
}
