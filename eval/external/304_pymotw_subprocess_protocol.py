# Source: https://github.com/dhellmann/pymotw-3/blob/121c3d9fa3032b7dd11ac6ce94fbfa85589279d6/source/asyncio/asyncio_subprocess_protocol.py (PyMOTW-3, Doug Hellmann)
# Changed: the child prints a fixed df-style table through sys.executable -c instead of running `df -hl` (whose numbers change); the loop comes from asyncio.new_event_loop() (get_event_loop() without a running loop is deprecated)
# Rule: the pid is the system's (expected/304.out.regex)
import asyncio
import functools
import sys

DF_OUTPUT = '''import sys
sys.stdout.write("Filesystem Size Used Avail Use% Mounted\\n"
                 "/dev/sda1 50G 20G 30G 40% /\\n"
                 "tmpfs 2.0G 1.0M 2.0G 1% /dev/shm\\n"
                 "/dev/sdb1 100G 90G 10G 90% /data\\n")
'''


class DFProtocol(asyncio.SubprocessProtocol):

    FD_NAMES = ['stdin', 'stdout', 'stderr']

    def __init__(self, done_future):
        self.done = done_future
        self.buffer = bytearray()
        super().__init__()

    def connection_made(self, transport):
        print('process started {}'.format(transport.get_pid()))
        self.transport = transport

    def pipe_data_received(self, fd, data):
        print('read {} bytes from {}'.format(len(data),
                                             self.FD_NAMES[fd]))
        if fd == 1:
            self.buffer.extend(data)

    def process_exited(self):
        print('process exited')
        return_code = self.transport.get_returncode()
        print('return code {}'.format(return_code))

        self.done.set_result(return_code)

def _parse_results(output):
    print('parsing results')
    # Output has one row of headers, all single words.  The
    # remaining rows are one per filesystem, with columns
    # matching the headers (assuming that none of the
    # mount points have whitespace in the names).
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


async def run_df(loop):
    print('in run_df')

    cmd_done = asyncio.Future(loop=loop)
    factory = functools.partial(DFProtocol, cmd_done)
    proc = loop.subprocess_exec(
        factory,
        sys.executable, '-c', DF_OUTPUT,
        stdin=None,
        stderr=None,
    )
    try:
        print('launching process')
        transport, protocol = await proc
        print('waiting for process to complete')
        await cmd_done
    finally:
        transport.close()

    return cmd_done.result(), _parse_results(bytes(protocol.buffer).decode())


event_loop = asyncio.new_event_loop()
try:
    return_code, results = event_loop.run_until_complete(
        run_df(event_loop)
    )
finally:
    event_loop.close()

if return_code:
    print('error exit {}'.format(return_code))
else:
    print('\nFree space:')
    for r in results:
        print('{Mounted:25}: {Avail}'.format(**r))
