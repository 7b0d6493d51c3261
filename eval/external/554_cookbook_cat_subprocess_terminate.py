# Source: https://github.com/dmgolembiowski/CookbookDMG/blob/HEAD/ASYNCIO_04_communicatingSubprocessUsingStreams.py (communicating with a `cat` subprocess through its standard streams, then terminating it)
# Changed: asyncio.run() instead of get_event_loop()/run_until_complete()/close() (no current event loop in 3.12)
import asyncio


async def echo (msg):
        # Run an echo subprocess
        # """ 1 """ stdin must be a pipe to be accessible as process.stdin
        # """ 2 """ stdout must be a pipe to be accessible as process.stdout
        process = await asyncio.create_subprocess_exec('cat', stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
        print('Writing {!r} ...'.format(msg))
        process.stdin.write(msg.encode() + b'\n')

        # Read reply
        data = await process.stdout.readline()
        reply = data.decode().strip()
        print('Received {!r}'.format(reply))
        # Stop the subprocess
        process.terminate()
        code = await process.wait()
        print('Terminated with code {}'.format(code))

asyncio.run(echo('hello!'))

# For more information, see "asyncio subprocess documentation
