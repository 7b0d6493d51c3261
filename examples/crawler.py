# A simulated web crawler: a TaskGroup of fetchers limited by a Semaphore, per-page timeouts,
# retries with exponential back-off, and a report built from dataclasses.
# Written for tsyncio's examples (no network: each "page" is a delay and a list of links).
import asyncio
from dataclasses import dataclass, field

SITE = {
    "/": (0.05, ["/about", "/blog", "/shop"]),
    "/about": (0.02, ["/", "/team"]),
    "/blog": (0.08, ["/blog/1", "/blog/2", "/blog/3"]),
    "/blog/1": (0.03, ["/blog"]),
    "/blog/2": (0.40, []),  # slower than the timeout: always fails
    "/blog/3": (0.01, ["/shop"]),
    "/shop": (0.06, ["/shop/cart"]),
    "/shop/cart": (0.02, []),
    "/team": (0.04, ["/about"]),
}
FLAKY = {"/shop": 1}  # fails this many times before it answers


class FetchError(Exception):
    pass


@dataclass
class Page:
    url: str
    links: list[str]
    attempts: int


@dataclass
class Report:
    pages: dict[str, Page] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)

    def summary(self) -> str:
        ok = ", ".join(sorted(self.pages))
        bad = ", ".join(f"{url} ({why})" for url, why in sorted(self.failed.items()))
        return f"fetched {len(self.pages)}: {ok}\nfailed {len(self.failed)}: {bad}"


async def fetch(url: str) -> list[str]:
    if url not in SITE:
        raise FetchError(f"404 {url}")
    delay, links = SITE[url]
    await asyncio.sleep(delay)
    if FLAKY.get(url, 0) > 0:
        FLAKY[url] -= 1
        raise FetchError(f"503 {url}")
    return links


async def fetch_with_retries(url: str, retries: int = 3, timeout: float = 0.2) -> Page:
    delay = 0.01
    for attempt in range(1, retries + 1):
        try:
            async with asyncio.timeout(timeout):
                links = await fetch(url)
            return Page(url, links, attempt)
        except (FetchError, TimeoutError) as exc:
            reason = str(exc) or type(exc).__name__
            print(f"  {url}: attempt {attempt} failed: {reason}")
            if attempt == retries or str(exc).startswith("404"):
                raise FetchError(reason) from exc
            await asyncio.sleep(delay)
            delay *= 2
    raise AssertionError("unreachable")


class Crawler:
    def __init__(self, limit: int):
        self.limit = asyncio.Semaphore(limit)
        self.seen: set[str] = set()
        self.report = Report()

    async def visit(self, url: str, depth: int, tg: asyncio.TaskGroup) -> None:
        async with self.limit:
            print(f"{'  ' * depth}GET {url}")
            try:
                page = await fetch_with_retries(url, retries=2 if url == "/blog/2" else 3)
            except FetchError as exc:
                self.report.failed[url] = str(exc)
                return
        self.report.pages[url] = page
        for link in page.links:
            if link not in self.seen:
                self.seen.add(link)
                tg.create_task(self.visit(link, depth + 1, tg), name=f"visit {link}")

    async def crawl(self, start: str) -> Report:
        self.seen.add(start)
        async with asyncio.TaskGroup() as tg:
            tg.create_task(self.visit(start, 0, tg))
        return self.report


async def main():
    loop = asyncio.get_running_loop()
    began = loop.time()
    report = await Crawler(limit=2).crawl("/")
    print(report.summary())
    print(f"took about {round(loop.time() - began, 1)} s")


asyncio.run(main())
