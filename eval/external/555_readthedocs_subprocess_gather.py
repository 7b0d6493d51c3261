# Source: https://github.com/mnopi/examples/blob/HEAD/Python/asyncio/asyncio-readthedocs/asyncio.readthedocs.io-subprocess.py (the asyncio.readthedocs.io subprocess examples: gathering two commands' output, then talking to `cat`)
# Changed: the commands are `echo Linux` and `printf` of a fixed date instead of `uname` and `date` (deterministic output); one new event loop per part (new_event_loop/set_event_loop) instead of get_event_loop(), which has no current loop in 3.12 and could not be reused after close()
import asyncio

# prueba 1 - Run a subprocess and read its output¶

async def run_command(*args):
    # Create subprocess
    process = await asyncio.create_subprocess_exec(
        *args,
        # stdout must a pipe to be accessible as process.stdout
        stdout=asyncio.subprocess.PIPE)
    # Wait for the subprocess to finish
    stdout, stderr = await process.communicate()
    # Return stdout
    return stdout.decode().strip()


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
# Gather uname and date commands
commands = asyncio.gather(run_command('echo', 'Linux'), run_command('printf', '%s\n', 'Sun Dec  6 12:00:00 UTC 2026'))
# Run the commands
uname, date = loop.run_until_complete(commands)
# Print a report
print('uname: {}, date: {}'.format(uname, date))
#loop.close()

# prueba 1 - Communicate with a subprocess using standard streams¶

async def echo(msg):
    # Run an echo subprocess
    process = await asyncio.create_subprocess_exec(
        'cat',
        # stdin must a pipe to be accessible as process.stdin
        stdin=asyncio.subprocess.PIPE,
        # stdout must a pipe to be accessible as process.stdout
        stdout=asyncio.subprocess.PIPE)
    # Write message
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


loop.run_until_complete(echo('hello!'))
loop.close()
