# Source: https://github.com/python/asyncio/blob/HEAD/examples/subprocess_shell.py (Tulip's "Example writing to *and* reading from a subprocess": shell commands started with asyncio.subprocess_shell, one task feeding stdin line by line with drain(), one logging stderr, one printing stdout lines, then the exit code; the commented-out cases cover cat, a shell redirecting to stderr, stderr=subprocess.STDOUT and inherited stdout/stderr)
# Changed: generator coroutines (`@asyncio.coroutine`, `yield from`) are async defs; asyncio.subprocess_shell (long gone) is asyncio.create_subprocess_shell with stdout and stderr PIPE as its defaults were; drain() is always a coroutine now, so "pause writing" is printed for every line; asyncio.wait() takes tasks (bare coroutines are refused since 3.11); the loop is asyncio.run's; the commented-out cases run too, and the last one sleeps 1 s instead of 2; the case with stdout and stderr both piped sleeps 0.1 s between its two echos (CPython reads the two pipes in either order otherwise)
import asyncio
import subprocess


async def send_input(writer, input):
    try:
        for line in input:
            print('sending', len(line), 'bytes')
            writer.write(line)
            d = writer.drain()
            if d:
                print('pause writing')
                await d
                print('resume writing')
        writer.close()
    except BrokenPipeError:
        print('stdin: broken pipe error')
    except ConnectionResetError:
        print('stdin: connection reset error')

async def log_errors(reader):
    while True:
        line = await reader.readline()
        if not line:
            break
        print('ERROR', repr(line))

async def read_stdout(stdout):
    while True:
        line = await stdout.readline()
        print('received', repr(line))
        if not line:
            break

async def start(cmd, input=None, **kwds):
    kwds.setdefault('stdout', subprocess.PIPE)
    kwds.setdefault('stderr', subprocess.PIPE)
    if input is None and 'stdin' not in kwds:
        kwds['stdin'] = None
    else:
        kwds['stdin'] = subprocess.PIPE
    proc = await asyncio.create_subprocess_shell(cmd, **kwds)

    tasks = []
    if input is not None:
        tasks.append(asyncio.create_task(send_input(proc.stdin, input)))
    else:
        print('No stdin')
    if proc.stderr is not None:
        tasks.append(asyncio.create_task(log_errors(proc.stderr)))
    else:
        print('No stderr')
    if proc.stdout is not None:
        tasks.append(asyncio.create_task(read_stdout(proc.stdout)))
    else:
        print('No stdout')
    # feed stdin while consuming stdout to avoid hang when stdin pipe is full
    await asyncio.wait(tasks)

    exitcode = await proc.wait()
    print("exit code: %s" % exitcode)


async def main():
    print('-'*20)
    await start('cat', [b'one\n', b'two\n', b'three\n'])
    print('-'*20)
    await start('cat 1>&2', [b'three\n', b'four\n'])
    print('-'*20)
    await start('echo Foo')
    print('-'*20)
    await start('echo Foo; sleep 0.1; echo Bar 1>&2')
    print('-'*20)
    await start('echo Foo; echo Bar 1>&2', stderr=subprocess.STDOUT)
    print('-'*20)
    await start('echo Foo; echo Bar 1>&2', stderr=None)
    print('-'*20)
    await start('echo Foo; echo Bar 1>&2', stdout=None)
    print('-'*20)
    await start('sleep 1; wc', input=[b'foo bar baz\n'*300 for i in range(100)])


if __name__ == '__main__':
    asyncio.run(main())
