# Source: https://github.com/shanelperera-exe/PyVerse/blob/HEAD/web-crawler/crawler/pipeline.py (a web crawler's pipeline: per-domain semaphores, workers over an asyncio.Queue of (url, depth), a visited set, robots checks, queue.join() then the workers cancelled and gathered)
# Changed: `from config import MAX_CONCURRENT_REQUESTS` is written as its value (5); the crawler's aiohttp fetcher, BeautifulSoup parser, link extractor and robots checker (other files of the project) are replaced by stand-ins over a dict of fake pages below, so nothing touches the network; a driver crawls to depth 2 and prints the results sorted by URL
import asyncio
import re
from urllib.parse import urlparse, urljoin
MAX_CONCURRENT_REQUESTS = 5

# Dictionary to hold semaphores per domain
domain_limits = {}

def get_domain_semaphore(url):
    """
    Return a semaphore for the domain of the URL.
    Ensures per-domain rate limiting.
    """
    domain = urlparse(url).netloc
    if domain not in domain_limits:
        domain_limits[domain] = asyncio.Semaphore(MAX_CONCURRENT_REQUESTS)
    return domain_limits[domain]


async def worker(name, queue, fetcher, parser, results, progress, visited, max_depth):
    while True:
        url, depth = await queue.get()
        try:
            # Placeholder for optional features in Phase 3 (robots, custom link extraction)
            fetched = await fetcher.fetch(url)
            parsed = parser(fetched.get("html"))

            results.append({
                "url": url,
                "status": fetched["status"],
                "data": parsed,
                "error": fetched.get("error"),
                "depth": depth,
            })

            progress["done"] += 1
            print(f"[{name}] processed {url} ({progress['done']}/{progress['total']}) Depth={depth}")

            # Queue discovered links
            # NOTE: Link discovery is handled in run_pipeline via the injected extractor.

        finally:
            queue.task_done()


async def run_pipeline(urls, fetcher, parser, worker_count=3, max_depth=0, link_extractor=None, robots=None):
    """
    Run the async crawling pipeline.
    """
    queue = asyncio.Queue()
    results = []
    visited = set()
    progress = {"done": 0, "total": len(urls)}

    if link_extractor is None:
        link_extractor = lambda _html, _base_url: []

    # Seed URLs, starting at depth 0
    for url in urls:
        await queue.put((url, 0))
        visited.add(url)

    async def phase3_worker(name):
        while True:
            url, depth = await queue.get()
            try:
                if robots is not None:
                    allowed = await robots.allowed(url)
                    if not allowed:
                        results.append({
                            "url": url,
                            "status": "blocked_by_robots",
                            "data": None,
                            "error": None,
                            "depth": depth,
                        })
                        progress["done"] += 1
                        print(f"[{name}] blocked by robots {url} ({progress['done']}/{progress['total']}) Depth={depth}")
                        continue

                fetched = await fetcher.fetch(url)
                parsed = parser(fetched.get("html"))

                results.append({
                    "url": url,
                    "status": fetched.get("status"),
                    "data": parsed,
                    "error": fetched.get("error"),
                    "depth": depth,
                })

                progress["done"] += 1
                print(f"[{name}] processed {url} ({progress['done']}/{progress['total']}) Depth={depth}")

                if fetched.get("html") and depth < max_depth:
                    for link in link_extractor(fetched["html"], url):
                        if link in visited:
                            continue
                        visited.add(link)
                        await queue.put((link, depth + 1))
                        progress["total"] += 1

            finally:
                queue.task_done()

    # Start workers
    workers = [asyncio.create_task(phase3_worker(f"Worker-{i}")) for i in range(worker_count)]

    try:
        await queue.join()  # Wait until all tasks are done
    except asyncio.CancelledError:
        print("Pipeline cancelled! Shutting down workers...")
    finally:
        # Cancel all workers to clean up
        for w in workers:
            w.cancel()
        await asyncio.gather(*workers, return_exceptions=True)

    return results


# Changed: stand-ins for the project's fetcher, parser, link extractor and robots checker.
PAGES = {
    "http://site.test/": '<title>Home</title><a href="/a">A</a><a href="/b">B</a><a href="http://other.test/">O</a>',
    "http://site.test/a": '<title>Page A</title><a href="/c">C</a><a href="/">home</a>',
    "http://site.test/b": '<title>Page B</title><a href="/private/x">X</a>',
    "http://site.test/c": '<title>Page C</title><a href="/d">D</a>',
    "http://other.test/": '<title>Other</title><a href="/missing">M</a>',
}


class FakeFetcher:
    def __init__(self):
        self.active = 0
        self.peak = 0

    async def fetch(self, url):
        async with get_domain_semaphore(url):
            self.active += 1
            self.peak = max(self.peak, self.active)
            await asyncio.sleep((0.010, 0.013, 0.017)[len(url) % 3])
            self.active -= 1
        if url in PAGES:
            return {"status": 200, "html": PAGES[url]}
        return {"status": 404, "html": None, "error": "not found"}


def parse_title(html):
    if not html:
        return None
    m = re.search(r"<title>(.*?)</title>", html)
    return {"title": m.group(1) if m else None}


def extract_links(html, base_url):
    return [urljoin(base_url, href) for href in re.findall(r'href="([^"]+)"', html)]


class Robots:
    async def allowed(self, url):
        await asyncio.sleep(0)
        return "/private/" not in urlparse(url).path


async def main():
    fetcher = FakeFetcher()
    results = await run_pipeline(["http://site.test/"], fetcher, parse_title, worker_count=3,
                                 max_depth=2, link_extractor=extract_links, robots=Robots())
    for r in sorted(results, key=lambda r: r["url"]):
        print(r["depth"], r["url"], r["status"], r["data"], r["error"])
    print("domains:", sorted(domain_limits), "peak concurrent fetches:", fetcher.peak)


asyncio.run(main())
