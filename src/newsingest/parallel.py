"""Run the pipeline over many inputs, in this process or in worker processes, in input order.

The main process walks the paths (lazily) and hands workers batches of file paths; each
worker reads its files itself, parses them and sends back finished JSON lines (or the
failures), so neither file contents nor models cross the process boundary. Results come
out in the order of the walk whatever the number of workers, and at most a few batches per
worker are in flight, so memory stays flat however many files there are.

Workers start only when the walk finds enough files to pay for them; a run over a handful
of files never starts a process.

Where the system can fork (Linux), the workers are forked children that each read batches
from a pipe of their own and write their results to another, which the main process reads
with no thread beside it: in input order, and while the worker whose results come next is
still at them, the others' ahead of their turn (they go on with later batches rather than
wait to write: 7-8% off --jobs 2 over 100,000 articles). concurrent.futures' pool, which
does the same elsewhere, drains results on threads of the main process: over 10,000
articles on two cores the main process took 0.16-0.19 s of CPU from the workers (1,800
context switches), against 0.06 s (100) here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import os
import struct
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from .errors import InputError, Reason

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from .pipeline import Failure

    Parse = Callable[[list[str]], Iterable[Any]]
    Split = Callable[[Iterator[str]], Iterator[str]]

# Files per batch: large enough that sending a batch costs little next to parsing it,
# small enough that workers stay evenly loaded and results flow out steadily.
BATCH_FILES = 64
# Fewer files than this are parsed in the main process: starting workers would cost more.
MIN_FILES_FOR_WORKERS = 2 * BATCH_FILES
# Batches in flight per worker: enough to keep every worker busy, few enough to bound memory.
IN_FLIGHT_PER_WORKER = 3
# Batches sent and not yet written, per worker, at most: a worker ahead of another (whose
# batch comes first in the output) goes on with later batches instead of waiting.
AHEAD_PER_WORKER = 8
# Result messages held per worker, read ahead of their turn (each up to CHUNK_RESULTS
# articles, ~0.5 MB): past that a worker waits to write, as it did before read-ahead.
UNREAD_PER_WORKER = 8
# Results handed over at a time: a dump file's thousands of records are written as they
# are parsed, not held until their batch ends.
CHUNK_RESULTS = 64
# Forked workers need os.fork; on Linux it is safe to fork a process that runs no threads.
FORKED_WORKERS = sys.platform == "linux"


# A CPU limit (Docker --cpus, a Kubernetes limit, systemd's CPUQuota=) is set on a cgroup:
# cgroup v2's cpu.max ("QUOTA PERIOD", or "max PERIOD"), else v1's cpu.cfs_quota_us (-1: none)
# and cpu.cfs_period_us, in the directory of the process's cgroup or of one of its parents.
CGROUP_ROOT = "/sys/fs/cgroup"
PROC_CGROUP = "/proc/self/cgroup"  # which cgroup the process is in, below CGROUP_ROOT


def default_jobs() -> int:
    """The processors this process may use: the cores it may run on, or fewer where its
    cgroup's CPU quota allows less time than that. (A container limited to 2 CPUs on a
    64-core host sees 64 cores: a worker for each would share those 2 and hold ~35 MB apiece.)
    """
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    quota = cpu_quota()
    return min(cores, quota) if quota else cores


def cpu_quota() -> int | None:
    """The CPUs' worth of time per period that this process's cgroup allows, rounded up: the
    least of its own limit and its parents' (a limit holds for all below it); None when
    there is none. Inside a container, its cgroup is the root of what it sees."""
    v2, v1 = _own_cgroups()
    for directories, read in (
        (_up_from(CGROUP_ROOT, v2), _v2_quota),
        (_up_from(os.path.join(CGROUP_ROOT, "cpu"), v1), _v1_quota),
    ):
        quotas = []
        for directory in directories:
            try:
                quotas.append(read(directory))
            except (OSError, ValueError):  # (not there, or not what it should hold)
                continue
        if quotas:
            limited = [quota for quota in quotas if quota is not None]
            return min(limited) if limited else None
    return None


def _own_cgroups() -> tuple[str, str]:
    """This process's cgroup v2 path and its v1 cpu controller's, "/" where not known."""
    v2 = v1 = "/"
    try:
        lines = _read_text(PROC_CGROUP).splitlines()
    except OSError:
        return v2, v1
    for line in lines:
        number, _, rest = line.partition(":")
        controllers, _, path = rest.partition(":")
        if number == "0" and not controllers:
            v2 = path
        elif "cpu" in controllers.split(","):
            v1 = path
    return v2, v1


def _up_from(root: str, path: str) -> list[str]:
    """The directory of cgroup `path` below `root`, then each of its parents up to `root`
    (only `root` for a path outside it: "/../..", the view of a cgroup namespace)."""
    parts = [part for part in path.strip().split("/") if part]
    if ".." in parts:
        parts = []
    return [os.path.join(root, *parts[:end]) for end in range(len(parts), -1, -1)]


def _v2_quota(directory: str) -> int | None:
    quota, period = _read_text(os.path.join(directory, "cpu.max")).split()
    return _cpus(quota, period)


def _v1_quota(directory: str) -> int | None:
    names = ("cpu.cfs_quota_us", "cpu.cfs_period_us")
    quota, period = (_read_text(os.path.join(directory, name)).strip() for name in names)
    return _cpus(quota, period)


def _cpus(quota: str, period: str) -> int | None:
    """A quota per period as whole CPUs, rounded up; None for none ("max", -1, 0)."""
    if not (quota.isdigit() and period.isdigit()) or int(quota) == 0 or int(period) == 0:
        return None
    return -(-int(quota) // int(period))


def _read_text(path: str) -> str:
    with open(path, encoding="ascii") as file:
        return file.read()


class Runner:
    """Parses `paths` with `parse` (called with a batch of paths) and yields, in input order,
    each article's JSON line (bytes) or a pipeline.Failure. `files` counts the files walked.

    With workers, `split` may replace a walked file by pieces that `parse` takes for paths
    (formats.pieces.split_dumps cuts a large dump so that all workers parse it); without
    it, a run with standard input among its paths has no workers, for one of them would
    read it.
    """

    def __init__(self, parse: Parse, jobs: int = 1, split: Split | None = None) -> None:
        self.parse = parse
        self.jobs = max(1, jobs)
        self.split = split
        self.files = 0
        self.workers = 0

    def run(self, paths: list[str]) -> Iterator[bytes | Failure]:
        for chunk in self.run_chunks(paths):
            yield from chunk.results()

    def run_chunks(self, paths: list[str]) -> Iterator[Chunk]:
        """run's results a Chunk at a time (at most a batch of files', CHUNK_RESULTS where
        the files hold more), for a caller that writes their lines at once."""
        from .formats.pieces import PIECE
        from .read import STDIN, walk

        walked = self._count(walk(paths))
        if self.jobs == 1 or (STDIN in paths and self.split is None):  # (split reads it)
            yield from _parse_files(walked, self.parse)
            return
        if self.split is not None:
            walked = self.split(walked)
        # Enough files for workers, or a piece of a dump (many records; its pieces may carry
        # their lines, which the workers are forked without).
        head: list[str] = []
        for path in walked:
            head.append(path)
            if len(head) == MIN_FILES_FOR_WORKERS or PIECE in path:
                break
        if len(head) < MIN_FILES_FOR_WORKERS and not (head and PIECE in head[-1]):
            yield from _parse_files(head, self.parse)
            return
        in_workers = self._in_forked_workers if FORKED_WORKERS else self._in_workers
        yield from in_workers(itertools.chain(head, walked))

    def _count(self, paths: Iterator[str]) -> Iterator[str]:
        for path in paths:
            self.files += 1
            yield path

    def _in_forked_workers(self, paths: Iterator[str]) -> Iterator[Chunk]:
        """_in_workers with forked children, each with a pipe of its own each way.

        Batches go out to the workers in input order, a few in flight each, and their results
        are written in that order, a chunk at a time, from the pipe of the worker that has
        each (or as read ahead of their turn, _Workers.read_ahead); a worker gets its next
        batch when it ends one, as far as AHEAD_PER_WORKER allows. A worker that dies
        (killed, out of memory, a crash in C code) is replaced and its batches sent to the
        new one: the batch it died on is retried once, then a file at a time, and a file
        that kills a worker twice is reported as an internal failure; results written
        before it died are not written again (_Share).
        """
        workers = _Workers(self.parse)
        order: deque[_Job] = deque()  # batches sent and not yet read to the end, in input order
        batches = _batches(paths, BATCH_FILES)

        def top_up(worker: _Worker) -> None:
            """Send `worker` batches until it has IN_FLIGHT_PER_WORKER to parse, as far as
            the results waiting to be written allow."""
            while worker.working < IN_FLIGHT_PER_WORKER and len(order) < self.jobs * AHEAD_PER_WORKER:
                following = next(batches, None)
                if following is None:
                    return
                order.append(_Job(following, worker, _Share()))
                worker.send(following)

        try:
            for _ in range(self.jobs):
                try:
                    workers.start()
                except OSError:  # out of processes or memory: fewer workers, or none
                    break
            self.workers = len(workers.all)
            if not workers.all:
                for batch in batches:
                    yield from _parse_batch(batch, self.parse)
                return
            for _ in range(IN_FLIGHT_PER_WORKER):
                for worker in workers.all:
                    following = next(batches, None)
                    if following is not None:
                        order.append(_Job(following, worker, _Share()))
                        worker.send(following)
            while order:
                job = order[0]
                if job.start < 0:
                    job.start = job.share.seen
                workers.read_ahead(job.worker, top_up)
                chunk = job.worker.receive()
                if chunk is None:
                    order.popleft()
                    yield from self._replace(workers, order, job)
                elif chunk is _END:
                    order.popleft()
                    top_up(job.worker)
                elif (new := job.share.take(chunk)).size:
                    yield new
        finally:
            # On Ctrl-C or a closed output pipe: workers end at their next result.
            workers.stop()

    def _replace(self, workers: _Workers, order: deque[_Job], died: _Job) -> Iterator[Chunk]:
        """A new worker for one that died on `died`'s batch; it takes that worker's batches."""
        dead, share = died.worker, died.share
        workers.bury(dead)
        worker = workers.start()
        share.seen = died.start  # its results are read again from where it began
        retry = _after_death(died.batch, died.retried)
        order.extendleft(_Job(batch, dead, share, retried) for batch, retried in reversed(retry))
        for job in order:
            if job.worker is dead:
                job.worker = worker
                worker.send(job.batch)
        if not retry:
            share.seen = share.written  # what it wrote stands; the next file's results are new
            yield Chunk.of([_died(died.batch[0])])

    def _in_workers(self, paths: Iterator[str]) -> Iterator[Chunk]:
        """The runner's batches parsed by concurrent.futures' pool, where there is no fork.

        A worker that dies (killed, out of memory, a crash in C code) breaks the pool, and
        every batch in it fails with no word of which worker died on what. The batch whose
        results come next is then parsed again alone (_isolated), and the others sent again
        once it is done: only the file that kills a worker is reported, never one beside it.
        """
        from concurrent.futures.process import BrokenProcessPool

        pool = _Pool(self._start_pool)
        self.workers = self.jobs
        pending: deque[tuple[list[str], Future[list[Chunk]]]] = deque()
        batches = _batches(paths, BATCH_FILES)
        try:
            for batch in itertools.islice(batches, self.jobs * IN_FLIGHT_PER_WORKER):
                pending.append((batch, pool.submit(batch)))
            while pending:
                batch, future = pending.popleft()
                try:
                    done = future.result()
                except BrokenProcessPool:
                    pool.restart()
                    yield from _isolated(pool, batch)
                    pending = deque((waiting, pool.submit(waiting)) for waiting, _ in pending)
                    continue
                following = next(batches, None)
                if following is not None:
                    pending.append((following, pool.submit(following)))
                yield from done
        finally:
            # On Ctrl-C or a closed pipe: drop queued batches and let running ones end.
            pool.executor.shutdown(wait=True, cancel_futures=True)

    def _start_pool(self) -> ProcessPoolExecutor:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # fork: workers inherit the imported pipeline instead of importing it again. Every
        # worker is forked when the pool starts, before it runs any thread of its own.
        from .dates import today

        context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
        return ProcessPoolExecutor(
            self.jobs, mp_context=context, initializer=_start_worker, initargs=(self.parse, today())
        )


class Chunk(NamedTuple):
    """Results handed on together, in input order: `line_count` JSON lines joined in `lines`, and
    the failures among them, each with its place in the chunk's results.

    A worker sends a chunk without failures as its joined lines, which the main process
    writes as it read them: no object per article is unpickled, listed or joined there.
    """

    lines: bytes
    line_count: int
    failures: tuple[tuple[int, Failure], ...] = ()

    @classmethod
    def of(cls, results: list[bytes | Failure]) -> Chunk:
        """The chunk of a list of results, JSON lines and failures."""
        lines = [result for result in results if isinstance(result, bytes)]
        if len(lines) == len(results):
            return cls(b"".join(lines), len(lines))
        failures = tuple((place, r) for place, r in enumerate(results) if not isinstance(r, bytes))
        return cls(b"".join(lines), len(lines), failures)

    @property
    def size(self) -> int:
        """How many results: lines and failures."""
        return self.line_count + len(self.failures)

    def results(self) -> Iterator[bytes | Failure]:
        """Each result, a JSON line (bytes, with its newline) or a Failure, in order."""
        lines = iter(self.lines.split(b"\n"))  # (a JSON line holds no newline of its own)
        failures = dict(self.failures)
        for place in range(self.size):
            yield failures[place] if place in failures else next(lines) + b"\n"

    def after(self, skip: int) -> Chunk:
        """The chunk without its first `skip` results."""
        if skip <= 0:
            return self
        lines_skipped = skip - sum(1 for place, _ in self.failures if place < skip)
        lines_skipped = min(lines_skipped, self.line_count)
        cut = 0
        for _ in range(lines_skipped):
            cut = self.lines.index(b"\n", cut) + 1
        failures = tuple((place - skip, failure) for place, failure in self.failures if place >= skip)
        return Chunk(self.lines[cut:], self.line_count - lines_skipped, failures)


class _Share:
    """How far the results of a batch of files have been read and written.

    A worker may die after some of a batch's results were written; its batch is parsed
    again (whole, or a file at a time), and the results an earlier attempt wrote are
    dropped by their count, as parsing gives the same results in the same order.
    """

    __slots__ = ("seen", "written")

    def __init__(self) -> None:
        self.seen = 0  # results read in the current attempt
        self.written = 0  # results handed on, over all attempts

    def take(self, chunk: Chunk) -> Chunk:
        """The results of `chunk`, read next, that no attempt has handed on yet."""
        first = self.seen
        self.seen += chunk.size
        new = chunk.after(self.written - first)
        self.written = max(self.written, self.seen)
        return new


class _Job:
    """A batch of paths (or one of a batch's files), the worker it was sent to, the share
    of the batch it parses, and whether it already killed a worker."""

    __slots__ = ("batch", "retried", "share", "start", "worker")

    def __init__(self, batch: list[str], worker: _Worker, share: _Share, retried: bool = False) -> None:
        self.batch = batch
        self.worker = worker
        self.share = share
        self.retried = retried
        self.start = -1  # share.seen when its results began to be read


# What _Worker.read gives for the end of a batch's results (a worker sends _END_MESSAGE).
_END = Chunk(b"", 0)


# Each message on a task pipe: its length, then a pickle of a batch.
_TASK_HEAD = struct.Struct("<Q")
# Each message on a result pipe: its length and the count of JSON lines it is (or _PICKLED:
# a Chunk with failures, pickled), then itself.
_RESULT_HEAD = struct.Struct("<Qq")
_PICKLED = -1
_END_MESSAGE = _RESULT_HEAD.pack(0, 0)
# A result pipe this large holds a batch's results (~0.5 MB of JSON for 64 articles), so a
# worker seldom waits for the main process to read it; a task pipe this large holds the
# batches sent ahead, so the main process does not wait to hand one over: a piece of a
# compressed dump carries its ~256 KB of lines, and while the main process waited for a busy
# worker to take one, the other worker's results went unread. Linux lets anyone grow a pipe
# to 1 MB (/proc/sys/fs/pipe-max-size) until their pipes hold pipe-user-pages-soft (64 MB:
# 32 workers), and gives later ones a single page: what a task pipe cannot take then waits
# in _Worker.unsent, sent on as it drains, never blocking the main process.
_PIPE_BYTES = 1 << 20
_F_SETPIPE_SZ = 1031


class _Worker:
    """A forked child: batches in through one pipe, their results out through another."""

    def __init__(self, pid: int, tasks: int, results: int) -> None:
        self.pid = pid
        self.tasks = tasks  # the main process's ends; `tasks` does not block
        self.results = results
        self.working = 0  # batches sent whose last results have not been read
        self.unread: deque[Chunk | None] = deque()  # messages read ahead of their turn
        self.unsent = b""  # what did not fit in the task pipe yet (_Workers.read_ahead sends it)

    def send(self, batch: list[str]) -> None:
        """Hand over a batch: what the task pipe cannot take now goes when it can.

        (Written at once, a piece of a dump, ~256 KB, waited for room in a pipe the kernel
        kept small (a user's pipes past /proc/sys/fs/pipe-user-pages-soft get one page),
        while the worker waited to write results the main process was not reading.)
        """
        import pickle  # (here: a run without workers need not import it)

        self.working += 1
        message = pickle.dumps(batch, pickle.HIGHEST_PROTOCOL)
        self.unsent += _TASK_HEAD.pack(len(message)) + message
        self.send_more()

    def send_more(self) -> None:
        """Write what the task pipe takes of what is unsent. A worker that died takes
        nothing: receive says so, and the worker replacing it is sent its batches."""
        try:
            while self.unsent:
                self.unsent = self.unsent[os.write(self.tasks, self.unsent) :]
        except BlockingIOError:
            pass
        except BrokenPipeError:
            self.unsent = b""

    def receive(self) -> Chunk | None:
        """The next results of the oldest batch sent, _END after its last; None if the worker
        died before giving them."""
        return self.unread.popleft() if self.unread else self.read()

    def read(self) -> Chunk | None:
        """The next message on the result pipe (_END after a batch's last results)."""
        import pickle

        head = _read_exactly(self.results, _RESULT_HEAD.size)
        if head is None:
            return None
        size, count = _RESULT_HEAD.unpack(head)
        if not size:
            self.working -= 1
            return _END
        message = _read_exactly(self.results, size)
        if message is None:
            return None
        if count == _PICKLED:
            return pickle.loads(message)  # type: ignore[no-any-return]
        return Chunk(message, count)

    def may_read_ahead(self) -> bool:
        return len(self.unread) < UNREAD_PER_WORKER and not (self.unread and self.unread[-1] is None)


class _Workers:
    """The forked workers of a run: started, replaced when they die, stopped at the end."""

    def __init__(self, parse: Parse) -> None:
        self.parse = parse
        self.all: list[_Worker] = []

    def start(self) -> _Worker:
        task_in, task_out = os.pipe()
        result_in, result_out = os.pipe()
        with contextlib.suppress(OSError):
            import fcntl

            fcntl.fcntl(result_out, _F_SETPIPE_SZ, _PIPE_BYTES)
            fcntl.fcntl(task_out, _F_SETPIPE_SZ, _PIPE_BYTES)
        try:
            pid = os.fork()
        except OSError:
            for fd in (task_in, task_out, result_in, result_out):
                os.close(fd)
            raise
        if pid == 0:  # the worker: it never returns from here
            try:
                # Only its own ends stay open: another worker's task pipe kept open here
                # would keep that worker from reading the end of it, and waiting at the end.
                for fd in (task_out, result_in, *(f for w in self.all for f in (w.tasks, w.results))):
                    os.close(fd)
                _serve(self.parse, task_in, result_out)
            finally:
                os._exit(0)
        os.close(task_in)
        os.close(result_out)
        os.set_blocking(task_out, False)
        worker = _Worker(pid, task_out, result_in)
        self.all.append(worker)
        return worker

    def read_ahead(self, turn: _Worker, top_up: Callable[[_Worker], None]) -> None:
        """Until `turn` has results to read, read those the other workers send meanwhile
        (they would wait to write them), send a worker that ends a batch its next, and
        send on the batches the task pipes could not take whole.

        Results are written in input order: while one worker is slow (a long article, or
        its processor taken by the host), the others go on parsing later batches and their
        results wait here, UNREAD_PER_WORKER messages each at most.
        """
        import select

        while not turn.unread:
            ahead = {w.results: w for w in self.all if w is not turn and w.may_read_ahead()}
            sending = {w.tasks: w for w in self.all if w.unsent}
            readable, writable, _ = select.select([turn.results, *ahead], list(sending), [])
            for fd in writable:
                sending[fd].send_more()
            if turn.results in readable:
                return
            for fd in readable:
                worker = ahead[fd]
                message = worker.read()
                worker.unread.append(message)
                if message is _END:
                    top_up(worker)

    def bury(self, worker: _Worker) -> None:
        """Close a dead (or unwanted) worker's pipes and reap its process."""
        self.all.remove(worker)
        for fd in (worker.tasks, worker.results):
            os.close(fd)
        os.waitpid(worker.pid, 0)

    def stop(self) -> None:
        """End every worker: with its pipes closed, it exits when it next reads or writes."""
        while self.all:
            self.bury(self.all[-1])


def _serve(parse: Parse, tasks: int, results: int) -> None:
    """A worker's life: parse each batch it is sent until its pipe closes."""
    import pickle
    import signal

    # Ctrl-C reaches the whole process group: the main process stops the run.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while (message := _read_message(tasks)) is not None:
        for chunk in _parse_batch(pickle.loads(message), parse):
            _send_chunk(results, chunk)
        _write_message(results, _END_MESSAGE, b"")


def _send_chunk(fd: int, chunk: Chunk) -> None:
    """A worker's results down its pipe: their lines as they are, unless failures are among
    them (then the chunk is pickled); _Worker.read reads them."""
    import pickle

    if chunk.failures:
        body, count = pickle.dumps(chunk, pickle.HIGHEST_PROTOCOL), _PICKLED
    else:
        body, count = chunk.lines, chunk.line_count
    _write_message(fd, _RESULT_HEAD.pack(len(body), count), body)


def _write_message(fd: int, head: bytes, body: bytes) -> None:
    """Write a message, its head and itself, without copying them into one (os.writev)."""
    parts = [memoryview(head), memoryview(body)]
    while parts:
        written = os.writev(fd, parts)
        while parts and written >= len(parts[0]):
            written -= len(parts.pop(0))
        if parts:
            parts[0] = parts[0][written:]


def _read_message(fd: int) -> bytes | None:
    """The next whole message on a task pipe; None at its end, even inside a message."""
    head = _read_exactly(fd, _TASK_HEAD.size)
    if head is None:
        return None
    return _read_exactly(fd, _TASK_HEAD.unpack(head)[0])


def _read_exactly(fd: int, size: int) -> bytes | None:
    """`size` bytes read from `fd`, most often in one read (a worker writes a message whole,
    and the pipe holds it); os.read's bytes are not zeroed first, as a bytearray's are."""
    parts = []
    while size:
        part = os.read(fd, size)
        if not part:
            return None
        parts.append(part)
        size -= len(part)
    return parts[0] if len(parts) == 1 else b"".join(parts)


class _Pool:
    """concurrent.futures' process pool, started again when a worker's death breaks it."""

    def __init__(self, start: Callable[[], ProcessPoolExecutor]) -> None:
        self.start = start
        self.executor = start()

    def submit(self, batch: list[str]) -> Future[list[Chunk]]:
        """executor.submit, but a pool that broke meanwhile gives a failed future, not an
        exception."""
        from concurrent.futures import Future
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self.executor.submit(_work, batch)
        except BrokenProcessPool as exc:
            future: Future[list[Chunk]] = Future()
            future.set_exception(exc)
            return future

    def restart(self) -> None:
        # (wait: the broken pool's thread must be gone before the next fork.)
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self.start()

    def alone(self, batch: list[str]) -> list[Chunk] | None:
        """The results of `batch` parsed with nothing else in the pool; None if it broke it."""
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self.submit(batch).result()
        except BrokenProcessPool:
            self.restart()
            return None


def _isolated(pool: _Pool, batch: list[str]) -> Iterator[Chunk]:
    """The results of a batch that was in the pool when a worker died, parsed again alone;
    if it breaks the pool alone too, a file at a time, each alone. A file that kills a
    worker twice is reported as an internal failure: once may be the host's doing (the
    out-of-memory killer picks a process, not a culprit)."""
    done = pool.alone(batch)
    if done is not None:
        yield from done  # another batch broke the pool
        return
    for path in batch:
        # Two tries alone; a batch of one file has just had its first.
        done = pool.alone([path]) if len(batch) > 1 else None
        if done is None:
            done = pool.alone([path])
        yield from done if done is not None else [Chunk.of([_died(path)])]


def _after_death(batch: list[str], retried: bool) -> list[tuple[list[str], bool]]:
    """What to parse again after a worker died on `batch`, each with whether it already
    killed one: the batch once more, then its files one at a time; nothing for a single
    file that killed two (it is reported as an internal failure)."""
    if not retried:
        return [(batch, True)]
    if len(batch) > 1:
        return [([path], False) for path in batch]
    return []


def _died(path: str) -> Failure:
    from .formats.pieces import PIECE, file_of, piece_place
    from .pipeline import Failure

    message = "a worker process died while parsing it (killed, out of memory or crashed)"
    if PIECE in path:  # a piece of a large dump or an archive
        message += f": the piece of it from {piece_place(path)}"
    return Failure(file_of(path), InputError(Reason.INTERNAL, message))


def _batches(paths: Iterator[str], size: int) -> Iterator[list[str]]:
    """`size` paths at a time; a piece of a dump (many records) goes in a batch of its own."""
    from .formats.pieces import PIECE

    batch: list[str] = []
    for path in paths:
        if PIECE in path:
            if batch:
                yield batch
                batch = []
            yield [path]
            continue
        batch.append(path)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _parse_files(paths: Iterable[str], parse: Parse) -> Iterator[Chunk]:
    for batch in _batches(iter(paths), BATCH_FILES):
        yield from _parse_batch(batch, parse)


def _parse_batch(paths: list[str], parse: Parse) -> Iterator[Chunk]:
    """The results of a batch of input files as JSON lines and failures, CHUNK_RESULTS at a
    time; never raises for a bad input.

    The batch is parsed in one call, so the pipeline can run each stage over many articles;
    should an input trigger a bug there, the batch is parsed again a file at a time, past
    the results already given (the same ones, in the same order), and only that file fails.
    """
    results = _batch_results(paths, parse)
    while chunk := list(itertools.islice(results, CHUNK_RESULTS)):
        yield Chunk.of(chunk)


def _batch_results(paths: list[str], parse: Parse) -> Iterator[bytes | Failure]:
    """_parse_batch's results one at a time."""
    from .pipeline import Failure
    from .write import to_json_line

    given = 0
    try:
        # (The pipeline hands over a batch's articles one after another, so serialising
        # them as they come is a stage of its own already.)
        for result in parse(paths):
            yield result if isinstance(result, Failure) else to_json_line(result)
            given += 1
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception:
        for path in paths:
            for result in _parse_file(path, parse):
                if given:
                    given -= 1  # given already, by the attempt that failed
                    continue
                yield result


def _parse_file(path: str, parse: Parse) -> Iterator[bytes | Failure]:
    """One input file's results as JSON lines and failures; never raises for a bad input.

    A bug the input triggers (any exception but an InputError, which the pipeline reports
    itself) becomes a Failure with reason `internal`, so one file cannot end a long run.
    """
    from .formats.pieces import file_of
    from .pipeline import Failure
    from .write import to_json_line

    try:
        for result in parse([path]):
            yield result if isinstance(result, Failure) else to_json_line(result)
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception as exc:
        # The records of a multi-record file before the bug are kept; the file's reader
        # cannot go on past it.
        detail = f"{type(exc).__name__}: {exc}".splitlines()[0][:200] if str(exc) else type(exc).__name__
        error = InputError(Reason.INTERNAL, f"internal error ({detail}); please report it")
        yield Failure(file_of(path), error)


_worker_parse: Parse | None = None


def _start_worker(parse: Parse, day: dt.date) -> None:
    import signal

    from .dates import set_today

    global _worker_parse
    set_today(day)  # a spawned worker (not forked) has not inherited the run's
    # Ctrl-C reaches the whole process group: the main process stops the run, workers
    # must not print tracebacks of their own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_parse = parse


def _work(batch: list[str]) -> list[Chunk]:
    """A batch's results, whole: the executor hands back one result per batch."""
    assert _worker_parse is not None
    return list(_parse_batch(batch, _worker_parse))
