# Source: https://github.com/dhellmann/pymotw-3/blob/28289b168a58a5e19a6eecb4a6502b45c1ae0560/source/subprocess/subprocess_pipes.py (PyMOTW-3, Doug Hellmann: cat | grep | cut through three Popen objects)
# Changed: `cat` reads a temporary copy of a few lines of PyMOTW's index.rst that the program writes (the book reads the chapter's own index.rst)
import os
import subprocess
import tempfile

# Changed: a stand-in for index.rst
INDEX_RST = """\
Running External Command
========================

.. literalinclude:: subprocess_os_system.py
    :caption:
    :start-after: #end_pymotw_header

.. literalinclude:: subprocess_shell_variables.py
    :caption:

.. literalinclude:: subprocess_run_check.py
    :caption:
"""

folder = tempfile.mkdtemp()
with open(os.path.join(folder, 'index.rst'), 'w') as f:
    f.write(INDEX_RST)
os.chdir(folder)

cat = subprocess.Popen(
    ['cat', 'index.rst'],
    stdout=subprocess.PIPE,
)

grep = subprocess.Popen(
    ['grep', '.. literalinclude::'],
    stdin=cat.stdout,
    stdout=subprocess.PIPE,
)

cut = subprocess.Popen(
    ['cut', '-f', '3', '-d:'],
    stdin=grep.stdout,
    stdout=subprocess.PIPE,
)

end_of_pipe = cut.stdout

print('Included files:')
for line in end_of_pipe:
    print('\t', line.decode('utf-8').strip())

# Changed: the temporary folder is removed
for p in (cat, grep, cut):
    p.wait()
os.remove(os.path.join(folder, 'index.rst'))
os.rmdir(folder)
