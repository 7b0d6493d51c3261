# Source: https://github.com/dhellmann/pymotw-3/blob/44f30370574b8e18a4725db83f9582dbccbe477d/source/asyncio/asyncio_subprocess_coroutine_write.py (PyMOTW-3, Doug Hellmann)
# Changed: the loop comes from asyncio.new_event_loop() (get_event_loop() without a running loop is deprecated)
# Rule: the pid is the system's (expected/303.out.regex)
import asyncio
import asyncio.subprocess


async def to_upper(input):
    print('in to_upper')

    create = asyncio.create_subprocess_exec(
        'tr', '[:lower:]', '[:upper:]',
        stdout=asyncio.subprocess.PIPE,
        stdin=asyncio.subprocess.PIPE,
    )
    print('launching process')
    proc = await create
    print('pid {}'.format(proc.pid))

    print('communicating with process')
    stdout, stderr = await proc.communicate(input.encode())

    print('waiting for process to complete')
    await proc.wait()

    return_code = proc.returncode
    print('return code {}'.format(return_code))
    if not return_code:
        results = bytes(stdout).decode()
    else:
        results = ''

    return (return_code, results)


MESSAGE = """
This message will be converted
to all caps.
"""

event_loop = asyncio.new_event_loop()
try:
    return_code, results = event_loop.run_until_complete(
        to_upper(MESSAGE)
    )
finally:
    event_loop.close()

if return_code:
    print('error exit {}'.format(return_code))
else:
    print('Original: {!r}'.format(MESSAGE))
    print('Changed : {!r}'.format(results))
