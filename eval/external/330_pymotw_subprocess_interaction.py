# Source: https://github.com/dhellmann/pymotw-3/blob/16ee4df077654e1145d2485a9a3de8b24744cda2/source/subprocess/interaction.py (with its child repeater.py; PyMOTW-3, Doug Hellmann: a child answering line by line, and all at once)
# Changed: the child (repeater.py) runs through [sys.executable, '-c', ...] instead of the shell command `python3 repeater.py`; its stderr goes to a pipe that is printed after each run (the book lets it through to the terminal, where it interleaves)
import subprocess
import sys

REPEATER = '''import sys

sys.stderr.write('repeater.py: starting\\n')
sys.stderr.flush()

while True:
    next_line = sys.stdin.readline()
    sys.stderr.flush()
    if not next_line:
        break
    sys.stdout.write(next_line)
    sys.stdout.flush()

sys.stderr.write('repeater.py: exiting\\n')
sys.stderr.flush()
'''

print('One line at a time:')
proc = subprocess.Popen(
    [sys.executable, '-c', REPEATER],
    stdin=subprocess.PIPE,
    stdout=subprocess.PIPE,
    stderr=subprocess.PIPE,
)
for i in range(5):
    line = ('{}\n'.format(i)).encode('utf-8')
    proc.stdin.write(line)
    proc.stdin.flush()
    output = proc.stdout.readline().decode('utf-8')
    print(output.rstrip())
remainder, errors = proc.communicate()
remainder = remainder.decode('utf-8')
print(remainder)
print(errors.decode('utf-8'), end='')

print()
print('All output at once:')
proc = subprocess.Popen(
    [sys.executable, '-c', REPEATER],
    stdin=subprocess.PIPE,
    stdout=subprocess.PIPE,
    stderr=subprocess.PIPE,
)
for i in range(5):
    line = ('{}\n'.format(i)).encode('utf-8')
    proc.stdin.write(line)

output, errors = proc.communicate()
output = output.decode('utf-8')
print(output)
print(errors.decode('utf-8'), end='')
