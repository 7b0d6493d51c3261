# Source: https://github.com/rwilhelm/bar/blob/HEAD/shared/readwrite.py (writing to a `tee` child's stdin while two tasks read its stdout in 10-byte chunks and its stderr, all in one gather)
# Changed: `tee` found on PATH instead of /usr/bin/tee; 5 lines a tenth of a second apart instead of 100 half a second apart; write_stdin closes stdin at the end (without it the readers never see EOF and gather never returns); run() is called and prints the exit status
import asyncio


async def read_stdout(stdout):
    print('read_stdout')
    while True:
        buf = await stdout.read(10)
        if not buf:
            break

        print(f'stdout: { buf }')


async def read_stderr(stderr):
    print('read_stderr')
    while True:
        buf = await stderr.read()
        if not buf:
            break

        print(f'stderr: { buf }')


async def write_stdin(stdin):
    print('write_stdin')
    for i in range(5):
        buf = f'line: { i }\n'.encode()
        print(f'stdin: { buf }')

        stdin.write(buf)
        await stdin.drain()
        await asyncio.sleep(0.1)
    stdin.close()
    await stdin.wait_closed()


async def run():
    proc = await asyncio.create_subprocess_exec(
        'tee',
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE)

    await asyncio.gather(
        read_stderr(proc.stderr),
        read_stdout(proc.stdout),
        write_stdin(proc.stdin))
    print('exit status', await proc.wait())


asyncio.run(run())
