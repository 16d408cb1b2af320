"""The one thread that writes to the database, in submission order.

The GUI thread never waits on the disk: it submits a job (a function doing its writes) and
goes on. Each job runs in its own short transaction, so a kill -9 loses at most the job in
flight; journal events of an open sale are submitted one by one as they happen.

Failures are reported, never swallowed, and nothing is dropped, not even at shutdown:
- An `OperationalError` (database locked, I/O error) or a full disk (reported as `DiskFull`,
  not as the failed rollback SQLite leaves behind) is taken as passing: the job
  stays at the head of the queue and is retried with growing delays (up to
  `max_retry_delay`), and jobs behind it wait, because a sale's later events depend on its
  earlier ones. `done(None, error)` and `on_error(error, True)` report the first failure of
  each job; `done(result, None)` follows once it succeeds.
- Any other exception (a broken rule such as a receipt gap) cannot succeed by retrying: the
  job is moved to `failed` (see `retry_failed`), `done(None, error)` and
  `on_error(error, False)` report it, and the queue goes on.
So `done` may be called twice for one job: first with an error, then with the result.
"""
from __future__ import annotations

import logging
import threading
from collections import deque
from dataclasses import dataclass
from typing import Any, Callable

from peewee import Database, OperationalError

from .errors import DiskFull, storage_error

log = logging.getLogger(__name__)

Done = Callable[[Any, "BaseException | None"], None]
ErrorHandler = Callable[[BaseException, bool], None]


@dataclass
class Job:
    fn: Callable[[], Any]
    done: Done | None = None
    failures: int = 0


class DbWriter:
    """Owns every write to `database`. `start()` it once; `stop()` it at shutdown."""

    def __init__(self, database: Database, *, on_error: ErrorHandler | None = None,
                 retry_delay: float = 0.05, max_retry_delay: float = 5.0,
                 name: str = "db-writer"):
        self._db = database
        self._on_error = on_error
        self._retry_delay = retry_delay
        self._max_retry_delay = max_retry_delay
        self._jobs: deque[Job] = deque()
        self._busy = 0  # jobs submitted and not yet finished (queued + running)
        self._cond = threading.Condition()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        #: Jobs that failed for good, with their error, kept for `retry_failed`.
        self.failed: list[tuple[Job, BaseException]] = []

    def start(self) -> None:
        self._thread.start()

    def submit(self, fn: Callable[[], Any], done: Done | None = None) -> None:
        """Queue `fn` to run on the writer thread inside a transaction; `done(result, error)`
        is called on the writer thread."""
        with self._cond:
            if self._stopping:
                raise RuntimeError("database writer is stopped")
            self._jobs.append(Job(fn, done))
            self._busy += 1
            self._cond.notify_all()

    @property
    def pending(self) -> int:
        with self._cond:
            return self._busy

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every job submitted so far has finished; False on timeout."""
        with self._cond:
            return self._cond.wait_for(lambda: self._busy == 0, timeout)

    def retry_failed(self) -> int:
        """Queue the jobs that failed for good once more (after the cause was fixed)."""
        with self._cond:
            again, self.failed = self.failed, []
            for job, _error in again:
                job.failures = 0
                self._jobs.append(job)
                self._busy += 1
            self._cond.notify_all()
        return len(again)

    def stop(self, timeout: float | None = 10.0) -> bool:
        """Take no more jobs, finish the queued ones and end the thread. A job is never
        dropped: if the database still fails when `timeout` runs out, False is returned and
        the jobs stay queued with the thread still trying; call `stop` again to go on
        waiting (closing the lane waits as long as it takes)."""
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        if self._thread.ident is None:  # never started: nothing can have been written
            return self.pending == 0
        self._thread.join(timeout)
        if self._thread.is_alive():
            log.error("database writer: %d job(s) not written yet, still trying", self.pending)
            return False
        return True

    # -- the thread ------------------------------------------------------------------------
    def _run(self) -> None:
        try:
            while True:
                with self._cond:
                    self._cond.wait_for(lambda: self._jobs or self._stopping)
                    if not self._jobs:
                        return  # stopping and drained
                    job = self._jobs[0]
                if self._attempt(job):
                    with self._cond:
                        self._jobs.popleft()
                        self._busy -= 1
                        self._cond.notify_all()
                else:
                    self._wait_before_retry(job)
        finally:
            if not self._db.is_closed():
                self._db.close()

    def _attempt(self, job: Job) -> bool:
        """Run `job` once. True when it is finished (succeeded or failed for good)."""
        try:
            with self._db.atomic():
                result = job.fn()
        except Exception as e:  # noqa: BLE001 - any failure is reported, none kills the thread
            error = storage_error(e)
            if isinstance(error, (OperationalError, DiskFull)):
                job.failures += 1
                if job.failures == 1:
                    log.warning("database write failed, will retry: %s", error)
                    self._report(job, error, will_retry=True)
                else:
                    log.debug("database write failed (attempt %d): %s", job.failures, error)
                return False
            log.error("database write failed for good: %s", error, exc_info=e)
            with self._cond:
                self.failed.append((job, error))
            self._report(job, error, will_retry=False)
            return True
        self._call(job.done, result, None)
        return True

    def _wait_before_retry(self, job: Job) -> None:
        delay = min(self._retry_delay * 2 ** (job.failures - 1), self._max_retry_delay)
        with self._cond:
            self._cond.wait(timeout=delay)

    def _report(self, job: Job, error: BaseException, *, will_retry: bool) -> None:
        self._call(job.done, None, error)
        if self._on_error is not None:
            try:
                self._on_error(error, will_retry)
            except Exception:  # noqa: BLE001 - a broken handler must not stop the writes
                log.exception("database error handler failed")

    @staticmethod
    def _call(done: Done | None, result: Any, error: BaseException | None) -> None:
        if done is None:
            return
        try:
            done(result, error)
        except Exception:  # noqa: BLE001 - a broken callback must not stop the writes
            log.exception("database write callback failed")
