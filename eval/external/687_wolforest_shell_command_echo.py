# Source: https://github.com/wolforest/pywolf/blob/HEAD/pywolf/cli/command.py (pywolf's CLI helper: create_subprocess_shell with stdout and stderr pipes, communicate(), the decoded stdout returned, or stderr when stdout is empty)
# Changed: `ls -1` of a temporary folder the program makes (instead of `ls -alh` of the working folder, whose sizes and dates change), then a command that fails (its stderr is returned) and a command with no output at all (None)
import asyncio
import os
import tempfile

async def run(cmd):
    process = await asyncio.create_subprocess_shell(
        cmd
        , stdout=asyncio.subprocess.PIPE
        , stderr=asyncio.subprocess.PIPE)

    stdout, stderr = await process.communicate()
    
    if stdout:
        return stdout.decode()
    
    if stderr:
        return stderr.decode()
    
async def echo(cmd):
    resp = await run(cmd)
    print(resp)

if __name__=='__main__':
    with tempfile.TemporaryDirectory() as folder:
        for name in ("one", "two", "three"):
            open(os.path.join(folder, name), "w").close()
        os.chdir(folder)
        asyncio.run(echo('ls -1'))
        asyncio.run(echo('echo oops >&2; exit 3'))
        asyncio.run(echo('true'))
        os.chdir("/")
