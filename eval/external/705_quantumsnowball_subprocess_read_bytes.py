# Source: https://github.com/quantumsnowball/trbox/blob/HEAD/tests/playground/async_subprocess/main.py and https://github.com/quantumsnowball/trbox/blob/HEAD/tests/playground/async_subprocess/long_task.py (trbox's playground: create_subprocess_shell of a child that prints numbers with flush=True and sleeps, read back one byte at a time with stdout.read(1) and echoed with print(end='', flush=True))
# Changed: the child is long_task.py's code given to `sys.executable -c` through the shell (3 rows of 4 numbers, 0.05 s apart instead of 10 rows of 10, 1 s apart); the original `while process.stdout:` never ends (read(1) returns b'' at EOF for ever), so the loop stops at b''; the child's exit status and empty stderr are printed after it
import asyncio
import shlex
import sys

LONG_TASK = '''
from time import sleep


def main():
    for row in range(3):
        for col in range(4):
            print(row * 10 + col, end=' ', flush=True)
            sleep(0.05)
        print('', end='\\n', flush=True)


if __name__ == '__main__':
    main()
'''


async def job():
    cmd = f'{shlex.quote(sys.executable)} -c {shlex.quote(LONG_TASK)}'
    process = await asyncio.create_subprocess_shell(cmd,
                                                    stdout=asyncio.subprocess.PIPE,
                                                    stderr=asyncio.subprocess.PIPE)
    print('finish creating process, this print immediately')

    # both the main function and coroutine need to flush to truly print immeditely
    count = 0
    while process.stdout:
        byte = await process.stdout.read(1)
        if not byte:
            break
        count += 1
        print(byte.decode(), end='', flush=True)
    print('bytes read one at a time:', count)
    print('stderr:', await process.stderr.read(), 'exit:', await process.wait())


def main():
    asyncio.run(job())


if __name__ == '__main__':
    main()
