# Source: https://github.com/dhellmann/pymotw-3/blob/44f30370574b8e18a4725db83f9582dbccbe477d/source/asyncio/asyncio_subprocess_coroutine.py (PyMOTW-3, Doug Hellmann)
# Changed: the child prints a fixed df-style table through sys.executable -c instead of running `df -hl` (whose numbers change); the loop comes from asyncio.new_event_loop() (get_event_loop() without a running loop is deprecated)
# Rule: the pid is the system's (expected/302.out.regex)
import asyncio
import asyncio.subprocess
import sys

DF_OUTPUT = '''import sys
sys.stdout.write("Filesystem Size Used Avail Use% Mounted\\n"
                 "/dev/sda1 50G 20G 30G 40% /\\n"
                 "tmpfs 2.0G 1.0M 2.0G 1% /dev/shm\\n"
                 "/dev/sdb1 100G 90G 10G 90% /data\\n")
'''


def _parse_results(output):
    print('parsing results')
    # Output has one row of headers, all single words.  The
    # remaining rows are one per filesystem, with columns more or
    # less matching the headers (assuming that none of the mount
    # points have whitespace in the names).
    if not output:
        return []
    lines = output.splitlines()
    headers = lines[0].split()
    devices = lines[1:]
    results = [
        dict(zip(headers, line.split()))
        for line in devices
    ]
    return results


async def run_df():
    print('in run_df')

    buffer = bytearray()

    create = asyncio.create_subprocess_exec(
        sys.executable, '-c', DF_OUTPUT,
        stdout=asyncio.subprocess.PIPE,
    )
    print('launching process')
    proc = await create
    print('process started {}'.format(proc.pid))

    while True:
        line = await proc.stdout.readline()
        print('read {!r}'.format(line))
        if not line:
            print('no more output from command')
            break
        buffer.extend(line)

    print('waiting for process to complete')
    await proc.wait()

    return_code = proc.returncode
    print('return code {}'.format(return_code))
    if not return_code:
        cmd_output = bytes(buffer).decode()
        results = _parse_results(cmd_output)
    else:
        results = []

    return (return_code, results)


event_loop = asyncio.new_event_loop()
try:
    return_code, results = event_loop.run_until_complete(
        run_df()
    )
finally:
    event_loop.close()

if return_code:
    print('error exit {}'.format(return_code))
else:
    print('\nFree space:')
    for r in results:
        print('{Mounted:25}: {Avail}'.format(**r))
