# Source: https://github.com/alexhsamuel/apsis/blob/HEAD/python/apsis/lib/asyn.py (Apsis, a job scheduler: communicate(proc, timeout) reading a child's stdout and stderr in 1 KiB chunks beside proc.wait() under one gather, which wait_for cancels on timeout, the TimeoutError then carrying what was read; cancel_task() cancelling and awaiting a task with logging) and https://github.com/alexhsamuel/apsis/blob/HEAD/test/unit/test_asyn.py (its two communicate tests)
# Changed: the two pytest tests run from a driver (the asserts kept, a line printed after each); the Publisher test is left out (Publisher is not in this version of asyn.py); the log is a logging.Logger writing to stdout; the driver also cancels a communicate() task through cancel_task(), kills and terminates the children it leaves (return codes -9 and -15), and times out a child that ignores SIGTERM
import asyncio
import logging
import subprocess
import sys
from   contextlib import suppress

#-------------------------------------------------------------------------------

async def cancel_task(task, name, log):
    """
    Cancels and cleans up `task`, with logging as `name`.
    """
    log.info(f"canceling {name} task")
    if task.cancelled():
        log.info(f"{name} task already cancelled")
    else:
        task.cancel()

    try:
        return await task
    except asyncio.CancelledError:
        log.info(f"{name} task cancelled")
    except Exception:
        log.error(f"{name} task raised", exc_info=True)


async def communicate(proc, timeout=None):
    """
    Like `proc.communicate` with a timeout.

    Assumes stdout, stderr are piped in binary mode and stdin is not piped.

    :param timeout:
      Timeout in sec, or none for no timeout.
    :raise asyncio.TimeoutError:
      Timed out.  The exception's `stdout` and `stderr` attributes contain
      captured outputs.
    """
    out = []
    err = []

    async def read(stream, chunks, size=1024):
        while True:
            chunk = await stream.read(size)
            if len(chunk) == 0:
                # EOF
                break
            else:
                chunks.append(chunk)

    gathered = asyncio.gather(
        read(proc.stdout, out),
        read(proc.stderr, err),
        proc.wait()
    )

    try:
        await asyncio.wait_for(gathered, timeout)
    except asyncio.TimeoutError as exc:
        with suppress(asyncio.CancelledError):
            await gathered
        exc.stdout = b"".join(out)
        exc.stderr = b"".join(err)
        raise

    return b"".join(out), b"".join(err)


#-------------------------------------------------------------------------------

async def test_communicate_notimeout():
    argv = ["/bin/bash", "-c", "echo foo; echo bar >&2; sleep 0.1"]

    proc = await asyncio.create_subprocess_exec(
        *argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = await communicate(proc, 0.5)
    assert out == b"foo\n"
    assert err == b"bar\n"
    print("test_communicate_notimeout passed", proc.returncode)


async def test_communicate_timeout():
    argv = ["/bin/bash", "-c", "echo foo; echo bar >&2; sleep 0.25"]

    proc = await asyncio.create_subprocess_exec(
        *argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        await communicate(proc, 0.1)
    except asyncio.TimeoutError as exc:
        assert exc.stdout == b"foo\n"
        assert exc.stderr == b"bar\n"
        print("timed out:", type(exc).__name__, exc.stdout, exc.stderr, proc.returncode)
        # Clean up the process, so that it doesn't outlive the event loop.
        await proc.wait()
    else:
        assert False, "should have timed out"
    print("test_communicate_timeout passed", proc.returncode)


async def main():
    log = logging.getLogger("apsis")
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)

    await test_communicate_notimeout()
    await test_communicate_timeout()

    proc = await asyncio.create_subprocess_exec(
        "sh", "-c", "echo started; exec sleep 5",
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    print(await proc.stdout.readline())
    task = asyncio.create_task(communicate(proc))
    await asyncio.sleep(0.1)
    print(await cancel_task(task, "communicate", log), task.cancelled())
    print(await cancel_task(task, "communicate", log))
    proc.kill()
    print("killed:", await proc.wait(), proc.returncode)

    proc = await asyncio.create_subprocess_exec(
        "sleep", "5", stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        await communicate(proc, 0.2)
    except TimeoutError as exc:
        print("TimeoutError", exc.stdout, exc.stderr, proc.returncode)
    proc.terminate()
    print("terminated:", await proc.wait())

    proc = await asyncio.create_subprocess_exec(
        "sh", "-c", "trap 'echo got TERM' TERM; echo ready; sleep 0.5 & wait; echo exiting; exit 7",
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    print(await proc.stdout.readline())
    proc.terminate()
    out, err = await communicate(proc, 2)
    print(out, err, proc.returncode)

    async def fails():
        raise ValueError("boom")

    task = asyncio.create_task(fails())
    await asyncio.sleep(0)
    await cancel_task(task, "failing", log)


asyncio.run(main())
