// Child processes for the I/O kernel (kernel-worker.ts): spawn, the pipes read from them, their
// stdin, kill. Completions go out through the kernel's outbox; a spawn counts as in flight (for
// the virtual clock) until the child has started or failed to.
import { spawn, type ChildProcess } from "node:child_process";
import { constants as osConstants } from "node:os";
import type { IoCompletion, IoError, IoRequest } from "../../runtime/io-messages.js";

/** What the kernel lends: its outbox and its count of operations in flight. */
export interface KernelOutbox {
  emit(c: IoCompletion, transfer?: ArrayBuffer): void;
  ioError(e: NodeJS.ErrnoException, syscall: string): IoError;
  /** The chunk's bytes in an ArrayBuffer of their own (transferable). */
  owned(chunk: Buffer): ArrayBuffer;
  opStarted(): void;
  opDone(): void;
}

export function createChildren(k: KernelOutbox) {
  /** Running children by id, until they have exited and their pipes have ended. */
  const children = new Map<number, ChildProcess>();
  /** The streams read as each child's fd (stderr=STDOUT: two as fd 1), for pause_reading. */
  const readStreams = new Map<number, Map<number, NodeJS.ReadableStream[]>>();

  function spawnChild(req: Extract<IoRequest, { op: "spawn" }>): void {
    const [i, o, e] = req.stdio;
    const stdio = [i, o, e === "stdout" ? "pipe" : e] as ("pipe" | "inherit" | "ignore")[];
    // pass_fds: a pipe at that descriptor of the child (the ones between closed).
    for (const x of req.extra ?? []) {
      while (stdio.length < x.fd) stdio.push("ignore");
      stdio[x.fd] = "pipe";
    }
    let child: ChildProcess;
    try {
      child = spawn(req.file, req.args, { shell: req.shell, cwd: req.cwd ?? undefined, env: req.env ?? undefined, stdio });
    } catch (err) {
      k.emit({ ev: "error", id: req.id, error: k.ioError(err as NodeJS.ErrnoException, "spawn") });
      return;
    }
    k.opStarted();
    let started = false;
    let open = 0;
    let exit: { code: number | null; signal: number | null } | null = null;
    const finish = () => {
      if (exit && open === 0) {
        children.delete(req.id);
        readStreams.delete(req.id);
        k.emit({ ev: "exited", id: req.id, ...exit });
      }
    };
    child.once("error", (err: NodeJS.ErrnoException) => {
      if (started) return;
      started = true;
      k.opDone();
      k.emit({ ev: "error", id: req.id, error: { ...k.ioError(err, "spawn"), syscall: req.file } });
    });
    child.once("spawn", () => {
      started = true;
      k.opDone();
      children.set(req.id, child);
      k.emit({ ev: "spawned", id: req.id, pid: child.pid ?? 0 });
      // stderr=STDOUT reads two pipes as one: its EOF is when both have ended.
      const openPerFd: Record<number, number> = { 1: 0, 2: 0 };
      const pipe = (stream: NodeJS.ReadableStream | null, fd: number) => {
        if (!stream) return;
        open++;
        openPerFd[fd] = (openPerFd[fd] ?? 0) + 1;
        let ended = false;
        let byFd = readStreams.get(req.id);
        if (!byFd) readStreams.set(req.id, (byFd = new Map()));
        byFd.set(fd, [...(byFd.get(fd) ?? []), stream]);
        stream.on("data", (chunk: Buffer) => {
          const data = k.owned(chunk);
          k.emit({ ev: "pipe_data", id: req.id, fd, data }, data);
        });
        const end = () => {
          if (ended) return;
          ended = true;
          if (--openPerFd[fd]! === 0) k.emit({ ev: "pipe_eof", id: req.id, fd });
          open--;
          finish();
        };
        stream.on("end", end);
        stream.on("close", end);
      };
      pipe(child.stdout, 1);
      // stderr=STDOUT: both go to the one pipe the program reads as stdout.
      pipe(child.stderr, e === "stdout" ? 1 : 2);
      for (const x of req.extra ?? []) {
        const stream = child.stdio[x.fd] as (NodeJS.ReadableStream & NodeJS.WritableStream) | null;
        if (x.child === "writes") pipe(stream, x.fd);
        else (stream as unknown as { on(ev: string, f: () => void): void } | null)?.on("error", () => {});
      }
      child.stdin?.on("error", () => {
        /* EPIPE: the child exited before reading everything, as CPython ignores in communicate() */
      });
    });
    child.once("exit", (code, signal) => {
      exit = { code, signal: signal ? ((osConstants.signals as Record<string, number>)[signal] ?? null) : null };
      finish();
    });
  }

  /** Writes to (or, with null, ends) the child's stdin, or the extra descriptor `fd` it reads. */
  function childStdin(id: number, data: ArrayBuffer | null, fd = 0): void {
    const stream = children.get(id)?.stdio[fd] as NodeJS.WritableStream | null | undefined;
    if (!stream) return;
    if (data === null) stream.end();
    else stream.write(new Uint8Array(data));
  }

  /** Closes the program's end of the pipe the child writes as `fd` (its later writes fail with EPIPE). */
  function closePipe(id: number, fd: number): void {
    const stream = children.get(id)?.stdio[fd] as (NodeJS.ReadableStream & { destroy(): void }) | null | undefined;
    stream?.destroy();
  }

  /** Stops (or starts again) reading the pipe the child writes as `fd`: a full pipe blocks the child, as in CPython. */
  function pausePipe(id: number, fd: number, on: boolean): void {
    for (const stream of readStreams.get(id)?.get(fd) ?? []) {
      if (on) stream.pause();
      else stream.resume();
    }
  }

  return {
    spawn: spawnChild,
    stdin: childStdin,
    closePipe,
    pausePipe,
    /** Children still running (or with pipes still open). */
    get count(): number {
      return children.size;
    },
    kill(id: number, signal: number): void {
      try {
        children.get(id)?.kill(signal);
      } catch {
        /* already gone */
      }
    },
    /** Bytes written to a child's stdin that have not gone out yet. */
    writing(): boolean {
      for (const ch of children.values()) if (ch.stdin && ch.stdin.writableLength > 0) return true;
      return false;
    },
  };
}
