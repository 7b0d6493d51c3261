// urllib: the package; its submodule parse (urllib.request and friends need the network).
import { noteModuleNamespace } from "../builtins/module-files.js";
import * as parseModule from "./urllib_parse.js";
export { parseModule as parse };
noteModuleNamespace(parseModule, "urllib.parse");
