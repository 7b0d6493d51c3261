// getpass: getuser() from the environment as CPython reads it (LOGNAME, USER, LNAME, USERNAME);
// getpass() needs a terminal whose echo can be turned off, which the runtime has no access to.
import { NotImplementedError, UserWarning } from "../builtins/exceptions.js";
import { markUnsupported } from "../unsupported.js";
import { envGet } from "./_environ.js";

export class GetPassWarning extends UserWarning {}
Object.defineProperty(GetPassWarning, "__module__", { value: "getpass" });

/** getuser(): the first of LOGNAME, USER, LNAME and USERNAME set (and not empty) in the environment. */
export function getuser(): string {
  for (const name of ["LOGNAME", "USER", "LNAME", "USERNAME"]) {
    const user = envGet(name);
    if (user) return user;
  }
  // (CPython then asks the password database for the process's uid, which the runtime cannot read)
  throw new NotImplementedError("getpass.getuser() without LOGNAME, USER, LNAME or USERNAME in the environment is not supported by tsyncio");
}

export function getpass(..._args: unknown[]): never {
  throw new NotImplementedError("getpass.getpass() (reading from the terminal with echo off) is not supported by tsyncio");
}
markUnsupported(getpass, "reading a password from the terminal with echo off");
