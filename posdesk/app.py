"""posdesk's composition root and command line.

`posdesk` starts the cashier window; the sub-commands serve installers, scripts and tests.
Every failure becomes one line on stderr and a non-zero exit code, never a traceback.
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

if TYPE_CHECKING:
    from posdesk.services.build import Services
    from posdesk.services.lane_lock import LaneLock

log = logging.getLogger(__name__)

#: Exit codes: 0 ok, 1 the command failed, 2 bad usage (argparse's own).
EXIT_FAILED = 1


class CliError(Exception):
    """A failure the user can act on; its message is printed as is."""


def _data_dir(args: argparse.Namespace) -> Path:
    from posdesk.services.build import default_data_dir
    return Path(args.data) if args.data else default_data_dir()


def _lock_lane(data: Path) -> None:
    """Hold the lane's lock for the rest of this process (the kernel frees it at exit).

    Every command that opens the lane's database takes it, the read-only ones too: opening a
    lane commits sales a crash left half-written and migrates the schema, so it writes."""
    from posdesk.services.lane_lock import LaneLock, LaneLocked
    lock = LaneLock(data)
    if any(held.path == lock.path for held in _HELD_LOCKS):
        return
    try:
        lock.acquire()
    except LaneLocked as e:
        raise CliError(str(e)) from e
    _HELD_LOCKS.append(lock)


#: Locks held until the process ends (released by the kernel, never by hand).
_HELD_LOCKS: list[LaneLock] = []


def _services(args: argparse.Namespace, *, demo: bool = False, devices: bool = False) -> Services:
    """The lane's services; `devices` also starts the devices and the recorder."""
    from posdesk.services.build import build_services, setup_logging
    data = _data_dir(args)
    _lock_lane(data)
    setup_logging(data)
    return build_services(data, demo=demo, with_devices=devices, with_recording=devices)


def _with_services(func: Callable[..., int], *extra: object) -> Callable[[argparse.Namespace], int]:
    """A command run against the lane's services (no devices, no recorder), closed after."""
    def run(args: argparse.Namespace) -> int:
        services = _services(args)
        try:
            return func(args, services, *extra)
        finally:
            services.close()
    return run


# -- commands ----------------------------------------------------------------------------
def cmd_gui(args: argparse.Namespace) -> int:
    from posdesk.services.setup import needs_setup
    from posdesk.ui.bootstrap import run_gui, run_setup
    if needs_setup(_data_dir(args)):
        setup = _services(args)
        try:
            if not run_setup(setup.lane):
                raise CliError("setup cancelled; nothing was saved, the wizard runs again next time")
        finally:
            setup.close()
    services = _services(args, demo=False, devices=True)
    try:
        return run_gui(services.lane, quit_at_login=args.quit_at_login)
    finally:
        services.close()


def cmd_demo(args: argparse.Namespace) -> int:
    from posdesk.ui.bootstrap import run_demo
    services = _services(args, demo=True, devices=True)
    try:
        return run_demo(services.lane, sales=args.sales, seed=args.seed, headless=args.headless,
                        interactive=args.interactive)
    finally:
        services.close()


def cmd_config(args: argparse.Namespace) -> int:
    from posdesk.services.build import open_config
    from posdesk.services.config import ConfigError
    # Read without the checks, so a bad file can still be shown and repaired.
    config = open_config(_data_dir(args), check=False)
    try:
        if args.action == "get":
            if args.key:
                print(config.get(args.key))
            else:
                for k, v in config.flat().items():
                    print(f"{k} = {v}")
        else:
            if args.value is None:
                raise CliError("config set needs KEY VALUE")
            _lock_lane(_data_dir(args))
            pin_only = config.get("ui.login") == "pin_only"  # as the approver logs in today
            config.set(args.key, args.value)  # checks the key and type before asking a PIN
            from posdesk.services.guard import is_guarded_setting
            if is_guarded_setting(args.key):
                from posdesk.cli_guard import authorize
                from posdesk.services.guard import Guard, lane_users, shared_pins
                with lane_users(_data_dir(args), str(config.get("lane.id")), pin_only=pin_only) as users:
                    problem = shared_pins(users) if config.get("ui.login") == "pin_only" else None
                    if problem is not None:
                        raise CliError(f"cannot log in by PIN only: {problem}")
                    authorize(args, Guard(users), "config_set", CliError, key=args.key,
                              value=args.value)
            config.save()
    except ConfigError as e:
        raise CliError(str(e)) from e
    return 0



def cmd_user(args: argparse.Namespace, services: Services) -> int:
    from posdesk.core.permissions import Role
    if args.action == "add":
        if not args.name or not args.pin:
            raise CliError("user add needs NAME --pin PIN [--role cashier|manager|admin]")
        from posdesk.cli_guard import authorize
        from posdesk.services.guard import Guard
        authorize(args, Guard(services.users), "user_add", CliError, name=args.name, role=args.role)
        services.users.add(args.name, Role(args.role), args.pin)
        print(f"added {args.role} {args.name}")
    else:
        for u in services.users.list():
            print(f"{u.name}\t{u.role.value}\t{'locked' if u.locked else 'active'}")
    return 0


def cmd_catalog(args: argparse.Namespace, services: Services) -> int:
    path = Path(args.file)
    if args.action == "import":
        if not path.exists():
            raise CliError(f"no such file: {path}")
        result = services.catalog.import_csv(path)
        for err in result.errors:
            print(f"{path}:{err.line}: {err.message}", file=sys.stderr)
        print(f"imported {result.imported} products, {len(result.errors)} rows rejected")
        return EXIT_FAILED if result.errors and not result.imported else 0
    count = services.catalog.export_csv(path)
    print(f"exported {count} products to {path}")
    return 0


def cmd_sales(args: argparse.Namespace, services: Services) -> int:
    from posdesk.services.sale_listing import listed_sales
    rows = listed_sales(services.sales, services.recordings, limit=args.limit)
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        for r in rows:
            print(f"{r['receipt_no'] or '-':>6}  {r['state']:<10} {r['started_utc'][:19]}  "
                  f"{r['total']:>10} {r['currency']}  {r['cashier']}")
    return 0


def cmd_report(args: argparse.Namespace, services: Services) -> int:
    from posdesk.core.report_rows import report_dict, report_rows, report_title
    lane = services.config.get("lane.id")
    if args.kind == "x":
        report = services.shifts.x_report(lane)
    else:
        last = services.shifts.last_closed(lane)
        if last is None:
            raise CliError("no shift has been closed on this lane yet")
        from posdesk.services.z_witness import ZWitness
        report = ZWitness(services.data_dir, lane).stamped(services.shifts.z_report(last.id))
    if args.json:
        print(json.dumps(report_dict(report), indent=2, ensure_ascii=False))
    else:
        print(report_title(report))
        for label, value in report_rows(report):
            print(f"{str(label):<40} {value:>12}")
    return 0


def cmd_db(args: argparse.Namespace) -> int:
    from posdesk.services.build import upgrade_database
    data = _data_dir(args)
    _lock_lane(data)
    print(f"database at version {upgrade_database(data)}")
    return 0


def cmd_simulate(args: argparse.Namespace) -> int:
    from posdesk.services.devices import run_simulator
    return run_simulator(args.device, args.rest)


# -- parser ------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="posdesk", description="Countertop cashier with sealed evidence")
    p.add_argument("--data", help="data directory (default: $POSDESK_DATA or the platform's)")
    p.add_argument("--version", action="store_true", help="print the version and the build date")
    p.add_argument("--quit-at-login", action="store_true",
                   help="quit once the login screen is shown (install checks, bench/startup.py)")
    p.set_defaults(func=cmd_gui)
    sub = p.add_subparsers(dest="command")

    def add(name: str, func: Callable[[argparse.Namespace], int], help: str) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help)
        sp.add_argument("--data", default=argparse.SUPPRESS, help="data directory")
        sp.set_defaults(func=func)
        return sp

    d = add("demo", cmd_demo, "ring scripted demo sales through the real window")
    d.add_argument("--sales", type=int, default=0)
    d.add_argument("--headless", action="store_true", help="offscreen, exit when done")
    d.add_argument("--seed", type=int, default=1)
    d.add_argument("--interactive", action="store_true", help="leave the window open for a person")

    c = add("config", cmd_config, "read or change settings")
    c.add_argument("action", choices=["get", "set"])
    c.add_argument("key", nargs="?")
    c.add_argument("value", nargs="?")
    from posdesk.cli_guard import add_guard_arguments
    add_guard_arguments(c)

    u = add("user", _with_services(cmd_user), "manage cashiers and managers")
    u.add_argument("action", choices=["add", "list"])
    u.add_argument("name", nargs="?")
    u.add_argument("--role", default="cashier", choices=["cashier", "manager", "admin"])
    u.add_argument("--pin")
    add_guard_arguments(u)

    cat = add("catalog", _with_services(cmd_catalog), "import or export the product catalog (CSV)")
    cat.add_argument("action", choices=["import", "export"])
    cat.add_argument("file")

    s = add("sales", _with_services(cmd_sales), "list sales")
    s.add_argument("action", choices=["list"])
    s.add_argument("--json", action="store_true")
    s.add_argument("--limit", type=int, default=1000)

    r = add("report", _with_services(cmd_report), "X (mid-shift) or Z (close of day) report")
    r.add_argument("kind", choices=["x", "z"])
    r.add_argument("--json", action="store_true")

    dbp = add("db", cmd_db, "database maintenance")
    dbp.add_argument("action", choices=["upgrade"])

    from posdesk.cli_evidence import add_parsers
    add_parsers(lambda name, func, help: add(name, _with_services(func, CliError), help))
    from posdesk.cli_payment import add_parsers as add_payment_parsers
    add_payment_parsers(lambda name, func, help: add(name, _with_services(func, CliError), help))
    from posdesk import cli_viewer
    cli_viewer.add_parsers(lambda name, func, help: add(name, _with_services(func, CliError), help))
    from posdesk.cli_install import add_parsers as add_install_parsers
    add_install_parsers(lambda name, func, help: add(name, _with_services(func, CliError), help))

    sim = add("simulate", cmd_simulate, "run a device simulator (terminal, printer, scanner)")
    sim.add_argument("device", choices=["terminal", "printer", "scanner"])
    sim.add_argument("rest", nargs=argparse.REMAINDER)
    return p


def _print_version() -> int:
    # Looked up only when asked: reading package metadata costs the window's start-up time.
    from posdesk.services.about import build_date, version
    date = build_date()
    print(f"posdesk {version()}" + (f" (built {date})" if date else ""))
    return 0


def _cache_printer_capabilities() -> None:
    """python-escpos parses its capability YAML (about half a second) on import and caches
    the result in a new temporary folder each time, unless told where to keep it."""
    import os
    import platformdirs
    cache = Path(platformdirs.user_cache_dir("posdesk", appauthor=False)) / "escpos"
    try:
        cache.mkdir(parents=True, exist_ok=True)
    except OSError:
        return  # a read-only home: the slow path still works
    os.environ.setdefault("ESCPOS_CAPABILITIES_PICKLE_DIR", str(cache))


def main(argv: Sequence[str] | None = None) -> int:
    _cache_printer_capabilities()
    args = build_parser().parse_args(argv)
    if args.version:
        return _print_version()
    try:
        return args.func(args)
    except CliError as e:
        print(f"posdesk: {e}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    except Exception as e:  # noqa: BLE001 - the CLI promises one line, not a traceback
        log.info("command failed", exc_info=True)  # the traceback goes to the log file only
        # Errors of posdesk's own layers say what happened in words; others need their type.
        known = type(e).__module__.startswith("posdesk.")
        print(f"posdesk: {e}" if known else f"posdesk: {type(e).__name__}: {e}", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
