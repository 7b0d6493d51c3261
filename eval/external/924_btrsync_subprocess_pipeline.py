# Source: https://github.com/andreittr/btrsync/blob/HEAD/btrsync/cmd/asyncrun.py (Andrei Tatar's btrsync, "Asynchronous execution of subprocess pipelines": an async generator starting each command with create_subprocess_exec, its stdout an os.pipe() whose read end is the next command's stdin; wait_procs() over as_completed() with a timeout; ex() and ex_out() killing what still runs)
# Changed: the unused `import threading` and `from . import util` are left out; the file's tabs are spaces; a driver runs three pipelines of standard commands (printf | sort | tr, a failing middle command, and a `sleep` pipeline that times out and is terminated) and a first command that does not exist
import os
import asyncio


DEVNULL = asyncio.subprocess.DEVNULL
PIPE = asyncio.subprocess.PIPE


def _killall(procs, forced=False):
    for p in procs:
        if p.returncode is None:
            if forced:
                p.kill()
            else:
                p.terminate()

def _waitall(procs):
    return asyncio.gather(*(p.wait() for p in procs))


async def create_pipeline(*cmds, stdin=None, stdout=None, stderr=None):
    """
    Asynchronous iterator returning started subprocesses connected together as a pipeline.
    """
    def _chkclose(fd):
        if fd is not None and fd >= 0:
            os.close(fd)

    end = stdin
    for prg, args in cmds[:-1]:
        try:
            nextend, head = os.pipe()
        except:
            _chkclose(end)
            raise
        try:
            proc = await asyncio.create_subprocess_exec(prg, *args, stdin=end, stdout=head, stderr=stderr)
        except:
            os.close(nextend)
            raise
        finally:
            _chkclose(end)
            os.close(head)
        yield proc
        end = nextend
    for prg, args in cmds[-1:]:
        try:
            proc = await asyncio.create_subprocess_exec(prg, *args, stdin=end, stdout=stdout, stderr=stderr)
        finally:
            _chkclose(end)
        yield proc


async def wait_procs(procs, *, timeout=None, abort=False):
    """
    Wait on multiple processes, optionally timing out or aborting on failure.
    """
    def _wrapproc(p):
        async def pwait():
            r = await p.communicate()
            return p, r
        return pwait()

    rets = []
    for coro in asyncio.as_completed([_wrapproc(p) for p in procs], timeout=timeout):
        try:
            res = await coro
        except TimeoutError:
            break
        rets.append(res)
        if abort and res.returncode:
            _killall(procs)
            abort = False
    return rets


async def ex(*cmds, stdin=None, stdout=None, stderr=None,
                    timeout=None, hard_timeout=True, **kwargs):
    """
    Execute a series of commands in a pipeline.
    """
    procs = []
    try:
        async for p in create_pipeline(*cmds, stdin=stdin, stdout=stdout, stderr=stderr):
            procs.append(p)
    except:
        _killall(procs)
        await _waitall(procs)
        raise

    try:
        r = await wait_procs(procs, timeout=timeout, **kwargs)
    except:
        _killall(procs)
        await _waitall(procs)
        raise
    if len(r) < len(procs) and hard_timeout:
        _killall(procs)
        await _waitall(procs)
    return procs, r

async def ex_out(*cmds, stdout=PIPE, **kwargs):
    """
    Execute a series of commands in a pipeline, capturing standard output and error.
    """
    proc, ret = await ex(*cmds, stdout=stdout, stderr=PIPE, hard_timeout=True, **kwargs)
    rv = {r[0]: (r[0].returncode, r[1]) for r in ret}
    return [rv[p] if p in rv else (None, (b'', b'')) for p in proc]


async def main():
    out = await ex_out(
        ('printf', ['pear\\napple\\nfig\\napple\\n']),
        ('sort', ['-u']),
        ('tr', ['a-z', 'A-Z']),
    )
    for code, (o, e) in out:
        print(code, o, e)

    out = await ex_out(
        ('printf', ['one\\ntwo\\n']),
        ('sh', ['-c', 'cat; echo oops >&2; exit 3']),
        ('wc', ['-l']),
    )
    for code, (o, e) in out:
        print(code, o, e)

    procs, rets = await ex(
        ('sleep', ['5']),
        ('cat', []),
        stdout=PIPE, stderr=PIPE, timeout=0.5,
    )
    print(len(rets), [p.returncode for p in procs])

    try:
        await ex_out(('no-such-command-btrsync', []), ('cat', []))
    except FileNotFoundError as e:
        print('FileNotFoundError', e.errno, e.strerror, e.filename)


asyncio.run(main())
