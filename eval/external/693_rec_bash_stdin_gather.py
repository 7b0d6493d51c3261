# Source: https://github.com/rec/test/blob/HEAD/python/sub.py (Tom Ritchford's experiments: a shell child with stdin, stdout and stderr pipes; two reader coroutines print each line tagged O or E while a writer sends commands 0.01 s apart and then terminates the child, all gathered)
# Changed: `sh` instead of `/bin/bash -i` (an interactive shell prints prompts and job-control messages that depend on the terminal); the commands are `echo` lines and `ls` of a file the program made in a temporary folder and of a missing one; the writer waits 0.2 s between commands so each answer arrives before the next command; the child's exit status is printed after gather
import asyncio
import os
import tempfile
from asyncio.subprocess import PIPE


async def run(folder):
    proc = await asyncio.create_subprocess_exec(
        'sh', stdin=PIPE, stdout=PIPE, stderr=PIPE, cwd=folder
    )

    async def read(stream):
        message = 'E' if stream is proc.stderr else 'O'
        while True:
            line = await stream.readline()
            if line:
                print(message, line)
            else:
                break

    async def write():
        for command in (b'echo hello', b'ls sub.py', b'ls DOESNT-EXIST 2>&1 | sed "s/.*DOESNT/DOESNT/" >&2'):
            proc.stdin.write(command + b'\n')
            await proc.stdin.drain()
            await asyncio.sleep(0.2)
        proc.terminate()

    await asyncio.gather(
        read(proc.stderr),
        read(proc.stdout),
        write(),
    )
    print('exit', await proc.wait())


with tempfile.TemporaryDirectory() as folder:
    open(os.path.join(folder, 'sub.py'), 'w').close()
    asyncio.run(run(folder))
