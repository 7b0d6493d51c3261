# Source: https://github.com/realpython/materials/blob/1b3bdaaedadb006fc28737c7a3d3af600fb7a9c1/python-311/count_taskgroup.py (Real Python's "Python 3.11 Preview: Task and Exception Groups": line counters in a TaskGroup drawing with cursor moves, a file of thirteen lines raising RuntimeError, each error printed by a safe wrapper)
# Changed: colorama is replaced by a stand-in with the escape codes it prints (Cursor.POS,
# ansi.clear_screen, init); the files are written into a temporary folder the program enters
# (four, thirteen and six lines, and the repository's not_utf8.txt, "blåbærsyltetøy" in latin-1)
# and passed in place of sys.argv[1:]
import asyncio
import os
import sys
import tempfile


class colorama:  # stand-in for the colorama package
    class ansi:
        @staticmethod
        def clear_screen(mode=2):
            return f"\x1b[{mode}J"

    @staticmethod
    def init():
        pass


class Cursor:
    @staticmethod
    def POS(x=1, y=1):
        return f"\x1b[{y};{x}H"


colorama.init()


async def print_at(row, text):
    print(Cursor.POS(1, 1 + row) + str(text))
    await asyncio.sleep(0.03)


async def count_lines_in_file(file_num, file_name):
    counter_text = f"{file_name[:20]:<20} "
    with open(file_name, mode="rt", encoding="utf-8") as file:
        for line_num, _ in enumerate(file, start=1):
            counter_text += "□"
            await print_at(file_num, counter_text)
    await print_at(file_num, f"{counter_text} ({line_num})")
    if line_num == 13:
        raise RuntimeError("Files with thirteen lines are too scary!")


async def safe_count_lines_in_file(file_num, file_name):
    try:
        await count_lines_in_file(file_num, file_name)
    except Exception as err:
        await print_at(file_num, err)


async def count_all_files(file_names):
    async with asyncio.TaskGroup() as tg:
        for file_num, file_name in enumerate(file_names, start=1):
            tg.create_task(safe_count_lines_in_file(file_num, file_name))


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        os.chdir(folder)
        files = {"four_lines.txt": 4, "rot13_thirteen.txt": 13, "a_rather_long_file_name.py": 6}
        for name, count in files.items():
            with open(name, "w", encoding="utf-8") as f:
                f.writelines(f"line {i}\n" for i in range(count))
        with open("not_utf8.txt", "wb") as f:
            f.write("blåbærsyltetøy".encode("latin-1"))
        sys.argv[1:] = [*files, "not_utf8.txt"]
        print(colorama.ansi.clear_screen())
        asyncio.run(count_all_files(sys.argv[1:]))
        print(Cursor.POS(1, 1 + len(sys.argv)))
        os.chdir("/")
