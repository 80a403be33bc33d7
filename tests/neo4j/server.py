"""A real Neo4j Community 5.26 server for tests, CI, benchmarks and manual use.

Neo4j comes from Maven Central (``org.neo4j:neo4j``, which brings the Bolt connector):
``mvn dependency:build-classpath`` on ``pom.xml`` resolves it once, the classpath is cached
under ``~/.cache/qkg-neo4j`` (``QKG_NEO4J_CACHE`` overrides), and ``Launcher.java`` is compiled
there once. :class:`Neo4jServer` runs the launcher: an embedded DBMS with Bolt on
127.0.0.1, auth off, a small page cache and its data in a folder of the caller's choosing, so
a test can kill it with SIGKILL and start it again on the same data.

Command line::

    python -m tests.neo4j.server --fetch-only     # resolve the jars, compile the launcher (CI)
    python -m tests.neo4j.server                  # start, print the URI, stop on Ctrl-C
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = [
    "NEO4J_VERSION",
    "TEST_JVM_FLAGS",
    "Neo4jServer",
    "Neo4jStartError",
    "cache_dir",
    "fetch",
    "free_port",
    "running_server",
]

HERE = Path(__file__).resolve().parent
POM = HERE / "pom.xml"
LAUNCHER = HERE / "Launcher.java"
NEO4J_VERSION = "5.26.30"
#: JVM flags Neo4j ships for Java 17, and a heap cap that suits a 2-core CI machine.
JVM_FLAGS = (
    "-Xmx768m",
    "-XX:+UseSerialGC",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "-Dio.netty.tryReflectionSetAccessible=true",
)


#: For short-lived test servers: the C1 JIT only, which starts twice as fast and runs a cold
#: server's first few hundred transactions about three times faster (measured here). Long
#: runs (benchmarks) keep the default tiered JIT for its peak speed.
TEST_JVM_FLAGS = ("-XX:TieredStopAtLevel=1",)


class Neo4jStartError(RuntimeError):
    """Neo4j could not be fetched or started; the message says what failed and how to fix it."""


def cache_dir() -> Path:
    """Where the resolved classpath and the compiled launcher are kept between runs."""
    base = os.environ.get("QKG_NEO4J_CACHE") or str(Path.home() / ".cache" / "qkg-neo4j")
    return Path(base)


def _key() -> str:
    digest = hashlib.sha256(POM.read_bytes() + LAUNCHER.read_bytes()).hexdigest()[:16]
    return f"{NEO4J_VERSION}-{digest}"


def _tool(name: str) -> str:
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / name).exists():
        return str(Path(java_home) / "bin" / name)
    found = shutil.which(name)
    if not found:
        raise Neo4jStartError(
            f"{name!r} is not on PATH: install a Java 17+ JDK and Maven (Debian: apt-get install "
            "openjdk-17-jdk-headless maven), or set QKG_NEO4J_URI to a running Neo4j"
        )
    return found


def _run(cmd: list[str], what: str, *, timeout: float) -> None:
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise Neo4jStartError(f"{what} took longer than {timeout:.0f} s") from None
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-15:])
        raise Neo4jStartError(f"{what} failed (exit {proc.returncode}):\n{tail}")


def fetch(*, timeout: float = 900.0) -> tuple[str, Path]:
    """Resolve the Neo4j jars with Maven and compile the launcher, once; return
    ``(classpath, classes_dir)``. Cached until ``pom.xml`` or ``Launcher.java`` changes or a
    jar disappears from the local Maven repository."""
    root = cache_dir() / _key()
    cp_file, classes = root / "classpath.txt", root / "classes"
    if cp_file.exists() and (classes / "Launcher.class").exists():
        classpath = cp_file.read_text().strip()
        if all(Path(p).exists() for p in classpath.split(os.pathsep)):
            return classpath, classes
    root.mkdir(parents=True, exist_ok=True)
    tmp_cp = root / "classpath.txt.tmp"
    _run(
        [
            _tool("mvn"),
            "-q",
            "-B",
            "-f",
            str(POM),
            "dependency:build-classpath",
            f"-Dmdep.outputFile={tmp_cp}",
        ],
        f"resolving org.neo4j:neo4j:{NEO4J_VERSION} from Maven Central with mvn",
        timeout=timeout,
    )
    classpath = tmp_cp.read_text().strip()
    if not classpath:
        raise Neo4jStartError("mvn dependency:build-classpath produced an empty classpath")
    tmp_classes = Path(tempfile.mkdtemp(prefix="classes-", dir=root))
    _run(
        [_tool("javac"), "-nowarn", "-cp", classpath, "-d", str(tmp_classes), str(LAUNCHER)],
        "compiling tests/neo4j/Launcher.java",
        timeout=300,
    )
    shutil.rmtree(classes, ignore_errors=True)
    tmp_classes.rename(classes)
    tmp_cp.replace(cp_file)
    return classpath, classes


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Neo4jServer:
    """One Neo4j JVM on 127.0.0.1 with its data in ``data_dir``.

    ``start()`` returns once the launcher printed READY (a query on database ``neo4j``
    succeeded). ``stop()`` sends SIGTERM and waits for the clean shutdown; ``kill()`` sends
    SIGKILL (fault tests). A stopped or killed server can be started again on the same data.
    """

    def __init__(
        self,
        data_dir: Path,
        *,
        port: int | None = None,
        page_cache_mib: int = 64,
        jvm_flags: tuple[str, ...] = (),
    ) -> None:
        self.data_dir = Path(data_dir)
        self.jvm_flags = jvm_flags
        self.port = port or free_port()
        self.page_cache_mib = page_cache_mib
        self._proc: subprocess.Popen[str] | None = None
        self._pump: threading.Thread | None = None
        self._log: list[str] = []

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def start(self, *, timeout: float = 180.0) -> str:
        """Start the JVM and wait for READY; return the Bolt URI."""
        if self.running:
            return self.uri
        classpath, classes = fetch()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        cmd = [
            _tool("java"),
            *JVM_FLAGS,
            *self.jvm_flags,
            "-cp",
            f"{classes}{os.pathsep}{classpath}",
            "Launcher",
            str(self.data_dir),
            str(self.port),
            str(self.page_cache_mib),
        ]
        self._log = []
        proc = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,  # a Ctrl-C in the terminal is ours to forward, not the JVM's
        )
        self._proc = proc
        ready = threading.Event()

        def pump() -> None:
            assert proc.stdout is not None
            with proc.stdout:
                for line in proc.stdout:
                    self._log.append(line.rstrip("\n"))
                    del self._log[:-200]
                    if line.startswith("READY"):
                        ready.set()

        self._pump = threading.Thread(target=pump, name=f"neo4j-{self.port}-log", daemon=True)
        self._pump.start()
        deadline = time.monotonic() + timeout
        while not ready.wait(0.1):
            if proc.poll() is not None:
                raise Neo4jStartError(
                    f"Neo4j exited with code {proc.returncode} before it was ready on {self.uri}:\n"
                    + "\n".join(self._log[-30:])
                )
            if time.monotonic() > deadline:
                self.kill()
                raise Neo4jStartError(
                    f"Neo4j was not ready on {self.uri} after {timeout:.0f} s:\n" + "\n".join(self._log[-30:])
                )
        return self.uri

    def stop(self, *, timeout: float = 60.0) -> None:
        """SIGTERM and wait for the clean shutdown (about 20 s); SIGKILL if it hangs."""
        proc = self._proc
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(30)
        self._reap()

    def _reap(self) -> None:
        if self._pump is not None:
            self._pump.join(10)
            self._pump = None

    def kill(self) -> None:
        """SIGKILL the JVM (what a crash looks like to the database) and reap it."""
        proc = self._proc
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait(30)
        self._reap()

    def log(self) -> str:
        """The last lines the JVM printed."""
        return "\n".join(self._log)


@contextmanager
def running_server(data_dir: Path | None = None, *, page_cache_mib: int = 64) -> Iterator[Neo4jServer]:
    """A started server, stopped (and its temporary data removed) on exit."""
    owned = data_dir is None
    path = Path(tempfile.mkdtemp(prefix="qkg-neo4j-")) if data_dir is None else data_dir
    server = Neo4jServer(path, page_cache_mib=page_cache_mib)
    try:
        server.start()
        yield server
    finally:
        server.stop()
        if owned:
            shutil.rmtree(path, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.neo4j.server", description=__doc__.split("\n")[0])
    parser.add_argument("--fetch-only", action="store_true", help="resolve the jars and compile; no start")
    parser.add_argument("--data-dir", type=Path, help="keep the data here (default: a temporary folder)")
    parser.add_argument("--port", type=int, help="Bolt port (default: a free one)")
    parser.add_argument("--page-cache-mib", type=int, default=256)
    args = parser.parse_args(argv)
    try:
        if args.fetch_only:
            classpath, classes = fetch()
            print(f"Neo4j {NEO4J_VERSION}: {len(classpath.split(os.pathsep))} jars; launcher in {classes}")
            return 0
        owned = args.data_dir is None
        data = Path(tempfile.mkdtemp(prefix="qkg-neo4j-")) if owned else args.data_dir
        server = Neo4jServer(data, port=args.port, page_cache_mib=args.page_cache_mib)
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        signal.signal(signal.SIGINT, lambda *_: stop.set())
        try:
            print(server.start(), flush=True)
            print(f"# pid {server.pid}, data in {data}; export QKG_NEO4J_URI={server.uri}", flush=True)
            while not stop.wait(1.0) and server.running:
                pass
        finally:
            server.stop()
            if owned:
                shutil.rmtree(data, ignore_errors=True)
    except Neo4jStartError as exc:
        print(f"neo4j: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
