"""One instance per lane: a second posdesk on the same data directory is refused."""
import subprocess
import sys
import textwrap
from pathlib import Path

from posdesk.services.lane_lock import LaneLock

_HOLDER = textwrap.dedent("""
    import sys
    from posdesk.services.lane_lock import LaneLock
    LaneLock(sys.argv[1]).acquire()
    print("locked", flush=True)
    sys.stdin.read()  # hold the lane until the test closes our stdin (or kills us)
""")


def _holder(data: Path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", _HOLDER, str(data)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def _posdesk(data: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "posdesk", "--data", str(data), *args],
                          capture_output=True, text=True, timeout=120)


def test_second_start_names_the_holding_process_and_exits_non_zero(tmp_path):
    data = tmp_path / "lane"
    holder = _holder(data)
    try:
        second = _posdesk(data, "sales", "list")
        assert second.returncode == 1
        assert f"process {holder.pid}" in second.stderr
        assert len(second.stderr.strip().splitlines()) == 1
        assert not (data / "posdesk.db").exists(), "the second instance must not open the database"
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)


def test_a_killed_holder_leaves_no_stale_lock(tmp_path):
    data = tmp_path / "lane"
    holder = _holder(data)
    holder.kill()  # SIGKILL on POSIX: the kernel releases the lock
    holder.wait(timeout=30)
    assert _posdesk(data, "sales", "list").returncode == 0


def test_config_get_reads_without_the_lock_but_set_needs_it(tmp_path):
    data = tmp_path / "lane"
    holder = _holder(data)
    try:
        assert _posdesk(data, "config", "get", "lane.id").returncode == 0
        changed = _posdesk(data, "config", "set", "lane.id", "L9")
        assert changed.returncode == 1 and f"process {holder.pid}" in changed.stderr
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)


def test_lock_is_released_on_release_and_taken_again(tmp_path):
    lock = LaneLock(tmp_path)
    lock.acquire()
    assert lock.held
    lock.release()
    lock.release()  # twice is harmless
    again = LaneLock(tmp_path)
    again.acquire()
    again.release()
