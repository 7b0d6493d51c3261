// urllib: the package; its submodule parse (urllib.request and friends need the network).
export * as parse from "./urllib_parse.js";
