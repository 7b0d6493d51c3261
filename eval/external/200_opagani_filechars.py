# Source: https://github.com/opagani/link-to-asyncio-webinar-please/blob/main/filechars2.py (character counts of several files, one TaskGroup task per file)
# Changed: the files are three written into a temporary folder (removed at the end) instead of glob('/etc/*.conf'); the glob is sorted and the printed names are relative.
import asyncio
import glob
import os
import shutil
import tempfile

tmp = tempfile.mkdtemp()
for name, text in [("a.conf", "key=1\n"), ("b.conf", "name = x\nport=80\n"), ("c.conf", "#\n")]:
    with open(os.path.join(tmp, name), "w") as f:
        f.write(text)

async def filechars(filename):
    output = {}
    for one_line in open(filename):
        await asyncio.sleep(0.1)
        for one_character in one_line:
            if one_character in output:  # you could also use a defaultdict here
                output[one_character] += 1
            else:
                output[one_character] = 1
    return filename, output

async def main():
    all_filenames = sorted(glob.glob(os.path.join(tmp, '*.conf')))

    async with asyncio.TaskGroup() as tg:
        all_tasks = [tg.create_task(filechars(one_filename))
                     for one_filename in all_filenames]

    for one_task in all_tasks:
        filename, result = one_task.result()
        print(os.path.basename(filename))
        for key, value in result.items():
            print(f'{key!r}: {value}')

asyncio.run(main())
shutil.rmtree(tmp)
