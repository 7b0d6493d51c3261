# Source: https://github.com/dhellmann/pymotw-3/blob/28289b168a58a5e19a6eecb4a6502b45c1ae0560/source/subprocess/subprocess_popen2.py (PyMOTW-3, Doug Hellmann: Popen with stdin and stdout pipes, communicate)
# Changed: the blocking call runs in an asyncio program through asyncio.to_thread (the book's script calls it directly), and the same again directly
import asyncio
import subprocess

def popen2():
    print('popen2:')

    proc = subprocess.Popen(
        ['cat', '-'],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    msg = b'through stdin to stdout'
    stdout_value = proc.communicate(msg)[0]
    print('\tpass through:', repr(stdout_value))

popen2()
asyncio.run(asyncio.to_thread(popen2))
