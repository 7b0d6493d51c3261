#!/usr/bin/env node
// Interoperability on 127.0.0.1: a translated client against a CPython server, and a translated
// server against a CPython client (eval/interop/server.py, client.py), each compared with the
// client's output when CPython plays both sides. Needs CPython 3.12 (PYENV_ROOT) and a build.
//   npm run build && node eval/interop.mjs
import { spawn } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const python = join(process.env.PYENV_ROOT ?? `${process.env.HOME}/.pyenv`, "versions/3.12.1/bin/python");
const tsyncio = [process.execPath, join(root, "bin/tsyncio.js"), "run"];
const side = { cpython: (file) => [python, file], tsyncio: (file) => [...tsyncio, file] };

/** Starts `cmd`; resolves with its output, and (for a server) its first line as soon as it comes. */
function start(cmd, onFirstLine) {
  const child = spawn(cmd[0], cmd.slice(1), { cwd: here });
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => {
    const before = out;
    out += d;
    if (onFirstLine && !before.includes("\n") && out.includes("\n")) onFirstLine(out.split("\n")[0]);
  });
  child.stderr.on("data", (d) => (err += d));
  const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  return new Promise((done) => child.on("close", (code) => (clearTimeout(timer), done({ code, out, err }))));
}

async function pair(serverSide, clientSide) {
  let gotPort;
  const port = new Promise((ok) => (gotPort = ok));
  const server = start(side[serverSide](join(here, "interop/server.py")), gotPort);
  const client = await start([...side[clientSide](join(here, "interop/client.py")), await port]);
  const s = await server;
  return { client, server: s };
}

const reference = await pair("cpython", "cpython");
let failed = 0;
for (const [server, client] of [["cpython", "tsyncio"], ["tsyncio", "cpython"], ["tsyncio", "tsyncio"]]) {
  const r = await pair(server, client);
  const ok = r.client.code === 0 && r.server.code === 0 && r.client.out === reference.client.out && r.client.err === "" && r.server.err === "";
  if (!ok) failed++;
  console.log(`${server} server, ${client} client: ${ok ? "match" : "DIFFERS"}`);
  if (!ok) console.log(JSON.stringify({ expected: reference.client.out, ...r }, null, 1));
}
process.exitCode = failed ? 1 : 0;
