# Source: https://github.com/clujanp/interstellar-war-dilemma/blob/HEAD/app/core/domain/models/value_objects.py (value objects of a prisoner's-dilemma tournament: Score and Statistic are int subclasses, Statistic.__new__ stores a total on the instance; Result's predicates are lambdas in a class body)
# Changed: a driver at the end (not in the source): two strategies play five rounds as asyncio tasks exchanging moves through queues, and the scores and statistics are printed (str, repr, format, arithmetic, comparisons, sorting, sum, hashing, isinstance, a failing assert)
class Score(int):
    LOSE = 0
    TIE_BAD = 1
    TIE_GOOD = 3
    WIN = 5
    MAX_SCORE = 6

    def __new__(cls, value: int):
        assert value in (cls.LOSE, cls.TIE_BAD, cls.TIE_GOOD, cls.WIN,), (
            "Invalid score value")
        return super().__new__(cls, value)

    def __str__(self): return super().__repr__()
    def __repr__(self): return f"<Score: {self}>"


class Cost:
    HIGH = 3
    MEDIUM = 2
    LOW = 1
    NONE = 0


class Position:
    COOPERATION = True
    AGGRESSION = False
    FAIL = None  # fail in take a decision (raise an exception or return None)


class Result:
    COOPERATION = 1  # both cooperated
    CONQUEST = 0  # one cooperated and the other not
    AGGRESSION = -1  # both aggressed
    FAIL = -5  # both failed in take a decision

    was_cooperative = (  # noqa: E731
        lambda posture, score: posture is Position.COOPERATION)
    is_conquest = lambda posture, score: score == Score.WIN  # noqa: E731
    is_hit = (  # noqa: E731
        lambda posture, score: score in [Score.WIN, Score.TIE_GOOD])
    is_lose = (  # noqa: E731
        lambda posture, score: score in [Score.LOSE, Score.TIE_BAD])
    is_mistake = lambda posture, score: score == Score.LOSE  # noqa: E731
    is_failure = lambda posture, score: posture == Position.FAIL  # noqa: E731


class Statistic(int):
    def __new__(cls, value: int, total: int):
        assert value >= 0, "Invalid statistic value"
        value = super().__new__(cls, value)
        value.total = total
        return value

    def invert(self) -> 'Statistic':
        return Statistic(self.total - self, self.total)

    @property
    def percent(self) -> float:
        if self.total == 0:
            return 0.0
        return self / self.total

    def __str__(self): return super().__repr__()

    def __repr__(self):
        return f"<Statistic: {self.percent:.2f}>"


# driver
import asyncio


def payoff(mine, theirs):
    if mine and theirs:
        return Score(Score.TIE_GOOD)
    if mine and not theirs:
        return Score(Score.LOSE)
    if not mine and theirs:
        return Score(Score.WIN)
    return Score(Score.TIE_BAD)


async def player(name, strategy, inbox, outbox, rounds, log):
    last = Position.COOPERATION
    scores = []
    for r in range(rounds):
        move = strategy(r, last)
        await outbox.put(move)
        last = await inbox.get()
        score = payoff(move, last)
        scores.append(score)
        log.append((name, r, move, score))
        await asyncio.sleep(0)
    return scores


async def main():
    a_in, b_in = asyncio.Queue(), asyncio.Queue()
    log = []
    tit_for_tat = lambda r, last: last
    grumpy = lambda r, last: r % 3 == 0
    async with asyncio.TaskGroup() as tg:
        ta = tg.create_task(player("tft", tit_for_tat, a_in, b_in, 5, log))
        tb = tg.create_task(player("grumpy", grumpy, b_in, a_in, 5, log))
    for entry in log:
        print(*entry)
    a, b = ta.result(), tb.result()
    print(a)
    print(b, sum(b), type(sum(b)).__name__)
    s = a[0]
    print(s, repr(s), str(s), f"{s}", f"{s:>4}", f"{s!r}", "%d|%s|%r" % (s, s, s))
    print(s + 1, s * 2, s - Score(Score.TIE_BAD), type(s + 1).__name__, s // 2, s / 2, -s, abs(s), s ** 2)
    print(s == 3, s == Score.TIE_GOOD, s > Score(Score.TIE_BAD), hash(s) == hash(3), {s: "x"}[3], {3: "y"}[s])
    print(isinstance(s, int), isinstance(s, Score), type(s) is Score, issubclass(Score, int), Score.__mro__)
    print(sorted(a + b), max(a), min(b), sorted(set(a + b)))
    print([Result.is_hit(None, x) for x in a], [Result.is_conquest(None, x) for x in b])
    hits = Statistic(sum(Result.is_hit(None, x) for x in a), len(a))
    print(hits, repr(hits), hits.total, hits.percent, hits.invert(), repr(hits.invert()), hits.invert().total)
    print(int(hits), float(hits), hits + hits.invert(), type(hits + 0).__name__, bool(Statistic(0, 0)), Statistic(0, 0).percent)
    print("%.1f%%" % (hits.percent * 100), round(hits.percent, 3), f"{hits:03d}", format(hits, "b"))
    try:
        Score(4)
    except AssertionError as e:
        print("AssertionError:", e)
    try:
        Statistic(-1, 2)
    except AssertionError as e:
        print("AssertionError:", e)


asyncio.run(main())
