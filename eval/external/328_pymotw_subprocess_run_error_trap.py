# Source: https://github.com/dhellmann/pymotw-3/blob/3f94edbe708c007a936a0c79b7b05a5a23e6220c/source/subprocess/subprocess_run_output_error_trap.py (PyMOTW-3, Doug Hellmann: run() capturing stdout and stderr of a failing shell command)
import subprocess

try:
    completed = subprocess.run(
        'echo to stdout; echo to stderr 1>&2; exit 1',
        shell=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
except subprocess.CalledProcessError as err:
    print('ERROR:', err)
else:
    print('returncode:', completed.returncode)
    print('Have {} bytes in stdout: {!r}'.format(
        len(completed.stdout),
        completed.stdout.decode('utf-8'))
    )
    print('Have {} bytes in stderr: {!r}'.format(
        len(completed.stderr),
        completed.stderr.decode('utf-8'))
    )
