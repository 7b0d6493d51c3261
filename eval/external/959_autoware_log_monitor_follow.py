# Source: https://github.com/tfnh621/external_autoware_log_monitor/blob/4401566d2b142d25a2f0b940676d31edcea26082/file_util.py (follow(): a `tail -f` async generator that opens a file with aiofiles, seeks to its end and yields each new line, sleeping between empty reads)
# Source: https://github.com/tfnh621/external_autoware_log_monitor/blob/3d69e8a0b801a4a22bfb04a71124c6481d1a7218/main.py (FirstSeenFileFilter over watchfiles' DefaultFilter; wait_for_autoware_launch_log(): a producer task turning awatch() changes into worker tasks that follow each new launch.log under asyncio.wait_for until four ROS node names were seen, handing the path over an asyncio.Queue to an async generator; main() starting a monitor task per launch log)
# Source: https://github.com/tfnh621/external_autoware_log_monitor/blob/3d0be5dc2ded78c862a19a7de7508a162a43fb1a/node_death_monitor/node_death_monitor.py (node_death_monitor(): an ignore list read with aiofiles, then follow() of the launch log, "process has died" lines parsed for the node's name, fnmatch against the ignore list, speech for the others, a stop on ctrl-c's line)
# Changed: one file: watchfiles' awatch/DefaultFilter/Change and aiofiles' open are small stand-ins written for this program (a scan of the folder with os.walk in asyncio.to_thread every 50 ms; a text file whose seek/readline/readlines/close run in asyncio.to_thread); `from aiofiles import open` is `aiofiles.open`; tts.play_speech and just_playback are stand-ins that print; the watched folder is a temporary folder instead of ~/.ros/log and the ignore list is written there; main() stops after its first monitor ends; logging goes to stdout at DEBUG level; a writer task plays a ROS launch: a launch log and another log appear, lines are appended every 50 ms (four node start lines, deaths of an ignored node and two others in both line formats, ctrl-c)
import asyncio
import enum
import io
import logging
import os
import shutil
import sys
import tempfile
import types
from fnmatch import fnmatch
from logging import getLogger
from asyncio import sleep
from pathlib import Path, PurePath
from typing import AsyncGenerator, Callable, Optional, Sequence


# --- stand-ins: watchfiles, aiofiles, tts, just_playback -------------------------------------

class Change(enum.IntEnum):
    added = 1
    modified = 2
    deleted = 3


class DefaultFilter:
    ignore_dirs = ('__pycache__', '.git', '.venv')

    def __call__(self, change, path):
        return not any(part in self.ignore_dirs for part in Path(path).parts)


async def awatch(path, watch_filter=None, step=0.05):
    def scan():
        found = {}
        for dirpath, dirnames, filenames in os.walk(path):
            for name in filenames:
                full = os.path.join(dirpath, name)
                found[full] = os.stat(full).st_size
        return found

    seen = {}
    while True:
        now = await asyncio.to_thread(scan)
        changes = set()
        for p, size in now.items():
            if p not in seen:
                changes.add((Change.added, p))
            elif size != seen[p]:
                changes.add((Change.modified, p))
        for p in seen.keys() - now.keys():
            changes.add((Change.deleted, p))
        seen = now
        if watch_filter is not None:
            changes = {(c, p) for c, p in changes if watch_filter(c, p)}
        if changes:
            yield changes
        await asyncio.sleep(step)


class _AsyncTextFile:
    def __init__(self, f):
        self._f = f

    @property
    def closed(self):
        return self._f.closed

    async def seek(self, *args):
        return await asyncio.to_thread(self._f.seek, *args)

    async def readline(self):
        return await asyncio.to_thread(self._f.readline)

    async def readlines(self):
        return await asyncio.to_thread(self._f.readlines)

    async def close(self):
        await asyncio.to_thread(self._f.close)


class _AsyncOpen:
    def __init__(self, *args, **kwargs):
        self._args, self._kwargs = args, kwargs

    async def __aenter__(self):
        self._file = _AsyncTextFile(await asyncio.to_thread(open, *self._args, **self._kwargs))
        return self._file

    async def __aexit__(self, *exc_info):
        await self._file.close()


aiofiles = types.SimpleNamespace(open=_AsyncOpen)


async def play_speech(text):
    await sleep(0.01)
    print('speech:', text)


class Playback:
    def __init__(self, path):
        self.active = False

    def play(self):
        print('playback')


# --- file_util.py --------------------------------------------------------------------------------

async def follow(file_path: PurePath | str, sleep_delay: float = 0.01) -> AsyncGenerator[str, None]:
    async with aiofiles.open(file_path, mode='r') as f:
        await f.seek(0, io.SEEK_END)
        while not f.closed:
            line = await f.readline()
            (yield line.strip()) if line else (await sleep(sleep_delay))


# --- node_death_monitor/node_death_monitor.py -------------------------------------------------

IGNORE_LIST = None


async def node_death_monitor(path: str):
    logger = getLogger(__name__)

    async with aiofiles.open(IGNORE_LIST) as f:
        ignore_nodes = [line.strip() for line in await f.readlines()]

    async for line in follow(path):
        if 'user interrupted with ctrl-c (SIGINT)' in line:
            logger.debug('detected user interrupt')
            break

        if 'process has died' not in line:
            continue

        if '__node:=' in line:
            node_name = line[line.find('__node:=') + 8:].split(' ', 1)[0]
        else:
            node_name = line.split(' ', 4)[2][1:-2]

        if any([fnmatch(node_name, pattern) for pattern in ignore_nodes]):
            logger.debug(f'node ignored: {node_name}')
            continue

        try:
            logger.debug(f'{node_name} is dead')
            await play_speech(f'{node_name.replace("_", " ")} が異常終了しました')
        except Exception as e:
            logger.exception(e)
            playback = Playback(str(Path(__file__).resolve().parent / 'node_died.mp3'))
            playback.play()
            while playback.active:
                await sleep(0.01)


# --- main.py -------------------------------------------------------------------------------------

LOG_ROOT = None


class FirstSeenFileFilter(DefaultFilter):
    def __init__(self, *, match_filenames: Sequence[str] = None) -> None:
        self.match_filenames = match_filenames
        self.seen_paths: set[str] = set()
        super().__init__()

    def __call__(self, change: Change, path: str) -> bool:
        if path not in self.seen_paths:
            self.seen_paths.add(path)
            if super().__call__(change, path):
                path = Path(path)
                matched = (path.name in self.match_filenames) if self.match_filenames else True
                return matched and path.is_file()
        return False


async def wait_for_autoware_launch_log() -> AsyncGenerator[str, None]:
    async def check_is_file_autoware_launch_log(file_path: str):
        component_container_mt = False
        robot_state_publisher = False
        component_container = False
        topic_state_monitor_node = False
        async for line in follow(file_path):
            if 'component_container_mt-' in line:
                component_container_mt = True
            elif 'robot_state_publisher-' in line:
                robot_state_publisher = True
            elif 'component_container-' in line:
                component_container = True
            elif 'autoware_topic_state_monitor_node-' in line or 'topic_state_monitor_node-' in line:
                topic_state_monitor_node = True
            if component_container_mt and robot_state_publisher and component_container and topic_state_monitor_node:
                return True
        return False

    async def worker(file_path: str, timeout_sec: float = 60.0):
        try:
            if await asyncio.wait_for(check_is_file_autoware_launch_log(file_path), timeout=timeout_sec):
                await queue.put(file_path)
        except asyncio.TimeoutError:
            pass

    async def producer(watch_path: Path | str, watch_filter: Optional[Callable[[Change, str], bool]]):
        async for changes in awatch(watch_path, watch_filter=watch_filter):
            for change, path in changes:
                asyncio.create_task(worker(path))

    queue: asyncio.Queue[str] = asyncio.Queue()
    asyncio.create_task(producer(Path(LOG_ROOT).expanduser(), FirstSeenFileFilter(match_filenames=['launch.log', ])))
    while True:
        yield await queue.get()


async def main():
    current_tasks: list[asyncio.Task] = []
    async for path in wait_for_autoware_launch_log():
        for task in current_tasks:
            task.cancel()

        current_tasks.append(asyncio.create_task(node_death_monitor(path)))
        print('monitoring', os.path.relpath(path, LOG_ROOT))
        # (driver: the first monitor is the last)
        await current_tasks[-1]
        break


# --- driver ----------------------------------------------------------------------------------------

LINES = [
    '1700000000.100 [INFO] [launch]: All log files can be found below /root/.ros/log',
    '1700000000.200 [INFO] [component_container_mt-1]: process started with pid [101]',
    '1700000000.300 [INFO] [robot_state_publisher-2]: process started with pid [102]',
    '1700000000.400 [INFO] [component_container-3]: process started with pid [103]',
    '1700000000.500 [INFO] [topic_state_monitor_node-4]: process started with pid [104]',
    '1700000001.000 [ERROR] [rviz2-5]: process has died [pid 105, exit code -11, cmd \'rviz2 -d autoware.rviz\'].',
    '1700000001.100 [INFO] [some_node-6]: still fine',
    '1700000001.200 [ERROR] [planning_container-7]: process has died [pid 107, exit code 1, cmd \'component_container --ros-args -r __node:=planning_container -r __ns:=/planning\'].',
    '1700000001.300 [ERROR] [ndt_scan_matcher-8]: process has died [pid 108, exit code -6].',
    '1700000002.000 [WARNING] [launch]: user interrupted with ctrl-c (SIGINT)',
    '1700000002.100 [INFO] [launch]: after the interrupt',
]


async def simulate_ros_launch(root):
    run_dir = os.path.join(root, '2024-01-01-00-00-00-000000-host-1234')
    os.mkdir(run_dir)
    open(os.path.join(run_dir, 'other.log'), 'w').close()
    launch_log = os.path.join(run_dir, 'launch.log')
    with open(launch_log, 'w') as f:
        await sleep(0.3)  # the watcher finds the file, a worker starts following it
        for line in LINES:
            f.write(line + '\n')
            f.flush()
            await sleep(0.05)
            if line.startswith('1700000000.500'):
                await sleep(0.3)  # the monitor starts following the log


logging.basicConfig(level=logging.DEBUG, stream=sys.stdout, format='%(levelname)s:%(name)s:%(message)s')
logging.getLogger('asyncio').setLevel(logging.WARNING)
LOG_ROOT = tempfile.mkdtemp()
IGNORE_LIST = os.path.join(LOG_ROOT, 'ignore_node_list.txt')
with open(IGNORE_LIST, 'w') as f:
    f.write('rviz*\nsome_*\n')


async def run():
    writer = asyncio.create_task(simulate_ros_launch(LOG_ROOT))
    await main()
    await writer
    print('writer done')

asyncio.run(run())
shutil.rmtree(LOG_ROOT)
print('removed the log folder:', not os.path.exists(LOG_ROOT))
