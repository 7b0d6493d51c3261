# Source: https://github.com/penM000/SHINtube-video-api/blob/HEAD/app/internal/module/command_run.py (command_run: create_subprocess_shell with cwd=, communicate(), the exit code and both outputs printed)
# Source: https://github.com/TrueBrain/OpenTTD-DorpsGek-specs/blob/HEAD/dorpsgek_github/helpers/subprocess.py (run_command: create_subprocess_exec of shlex.split(command) with cwd=, wait(), then stderr read line by line into a CommandError)
# Source: https://github.com/xinetzone/d2py/blob/HEAD/src/d2py/tasks/utils.py (run_cmd: create_subprocess_shell with stdin/stdout/stderr pipes, cwd= and **kwds passed on, communicate(input=None), a Chinese-language report of the exit status and the outputs)
# Changed: the three helpers are one program; a driver runs them in a folder "work" of a temporary folder, holding two files: the base name of pwd and ls there, a shell reading variables given through env= (run_cmd's **kwds), a command failing with output on both streams, shlex-quoted arguments, a program that does not exist (FileNotFoundError from exec, 127 from the shell), and run_cmd given stderr= again (a TypeError naming the keyword); the temporary folder's path is printed as "<tmp>"
import asyncio
import os
import shlex
import shutil
import tempfile


# --- SHINtube-video-api: app/internal/module/command_run.py --------------------------

async def command_run(cmd, cwd):
    proc = await asyncio.create_subprocess_shell(
        cmd,
        cwd=cwd,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE
    )
    stdout, stderr = await proc.communicate()
    print(f'[{cmd!r} exited with {proc.returncode}]')
    if stdout:
        print(f'[stdout]\n{stdout.decode()}')
    if stderr:
        print(f'[stderr]\n{stderr.decode()}')
    return proc.returncode


# --- OpenTTD-DorpsGek: dorpsgek_github/helpers/subprocess.py ------------------------

class CommandError(Exception):
    pass


async def run_command(command, cwd=None):
    process = await asyncio.create_subprocess_exec(
        *shlex.split(command),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        cwd=cwd,
    )

    return_code = await process.wait()
    if return_code != 0:
        stderr = []
        while True:
            line = await process.stderr.readline()
            if not line:
                break
            stderr.append(line.decode())

        raise CommandError(return_code, " ".join(command), "\n".join(stderr))


# --- d2py: src/d2py/tasks/utils.py ---------------------------------------------------

async def run_cmd(cmd: str, cwd: str=".", **kwds):
    """运行命令行执行任务

    Args:
        cmd: 命令行任务
        cwd: 当前工作目录
    """
    proc = await asyncio.create_subprocess_shell(
        cmd,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        cwd=cwd, **kwds)
    stdout, stderr = await proc.communicate(input=None)
    std_data = f'[{cmd!r} 退出状态码 {proc.returncode}]\n'
    if stdout:
        std_data += f'[stdout]:\n{stdout}\n'
    if stderr:
        std_data += f'[stdinfo]:\n{stderr}\n'
    return std_data


# --- the driver ------------------------------------------------------------------------

async def main():
    top = tempfile.mkdtemp(prefix="cmd-")
    root = os.path.join(top, "work")
    os.mkdir(root)
    hide = lambda s: s.replace(os.path.realpath(top), "<tmp>").replace(top, "<tmp>")
    try:
        for name, text in [("a.txt", "alpha\n"), ("b file.txt", "beta\n")]:
            with open(os.path.join(root, name), "w") as f:
                f.write(text)

        code = await command_run('basename "$(pwd)"', root)
        print("code", code)
        await command_run("ls -1; cat a.txt", root)
        await command_run("echo to-out; echo to-err >&2; exit 3", root)
        await command_run("no-such-program-here", root)

        await run_command("cat a.txt", cwd=root)
        print("cat ok")
        try:
            await run_command("cat 'b file.txt' missing.txt", cwd=root)
        except CommandError as e:
            code, joined, err = e.args
            print("CommandError", code, repr(joined[:9]), hide(err))
        try:
            await run_command("no-such-program-here --flag", cwd=root)
        except FileNotFoundError as e:
            print("FileNotFoundError", e.errno, e.strerror, e.filename)

        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "GREETING": "ni hao", "LC_ALL": "C"}
        print(hide(await run_cmd('echo "$GREETING from $(basename "$PWD" | cut -c1-3)"; echo ${UNSET_VAR:-unset}', cwd=root, env=env)))
        print(hide(await run_cmd("printf '%s\\n' *.txt | sort; ls nothing-here", cwd=root)))
        try:
            await run_cmd("true", cwd=root, stderr=asyncio.subprocess.STDOUT)
        except TypeError as e:
            print("TypeError", e)
    finally:
        shutil.rmtree(top)


asyncio.run(main())
