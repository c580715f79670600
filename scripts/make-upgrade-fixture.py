#!/usr/bin/env python3
"""Makes the upgrade fixture of a release: tests/Upgrade/<tag>/ holds a backup taken by that release's own
`Api.dll backup` of an installation it ran, and expected.json with what the upgrade test compares afterwards.

The installation: the release's sample province and sample dossiers (every state, open timers), then, over the API,
online submissions with uploaded scans (one received, one left waiting for the clerk) with the worker running, and last a
counter reception with a scan while no worker runs, so that its messages are still in the outbox.

Usage: scripts/make-upgrade-fixture.py [tag]       (default: the newest v* tag)
Needs: a PostgreSQL server named by ISO_TEST_POSTGRES (an Npgsql connection string of a superuser), the .NET SDK, git.
Run it once per release, right after tagging, and commit the folder; see docs/operations.md, "Releases".
"""
import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PASSWORD = "IsoDemo@2025"
SHOP = "001.01.31.H29"          # Yên Sơn one-stop shop
PROCEDURE = "2.000720"          # household business registration
COMMUNE = "000.01.31.H29"       # Ủy ban nhân dân xã Yên Sơn, whose leader is ys.leader
# Periods that the fixture's own later moves do not touch (the sample dossiers go back 60 days from the day it is made).
PERIODS = [("2026-10-01", "2026-10-31"), ("2026-11-01", "2026-11-30"), ("2026-10-15", "2026-11-20")]


def run(*args, **kw):
    return subprocess.run(args, check=True, text=True, capture_output=True, **kw).stdout.strip()


def connection():
    raw = os.environ.get("ISO_TEST_POSTGRES")
    if not raw:
        sys.exit("make-upgrade-fixture: set ISO_TEST_POSTGRES to a PostgreSQL superuser connection string")
    parts = dict(p.split("=", 1) for p in raw.split(";") if "=" in p)
    return {k.lower(): v for k, v in parts.items()}


def psql(conn, database, sql):
    env = dict(os.environ, PGPASSWORD=conn.get("password", ""))
    return run("psql", "-X", "-At", "-v", "ON_ERROR_STOP=1", "-h", conn.get("host", "127.0.0.1"), "-p", conn.get("port", "5432"),
               "-U", conn.get("username", "postgres"), "-d", database, "-c", sql, env=env)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Api:
    started = []

    def __init__(self, dll, settings, log):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Production", DOTNET_CLI_TELEMETRY_OPTOUT="1",
                   **{k.replace(":", "__"): v for k, v in settings.items()})
        env["Urls"] = self.base
        self.process = subprocess.Popen(["dotnet", dll], cwd=os.path.dirname(dll), env=env, stdout=log, stderr=subprocess.STDOUT)
        Api.started.append(self.process)
        self.tokens = {}
        deadline = time.time() + 600
        while time.time() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"make-upgrade-fixture: the release's API ended with {self.process.returncode}; see {log.name}")
            try:
                with urllib.request.urlopen(self.base + "/health/ready", timeout=5) as r:
                    if r.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(2)
        sys.exit("make-upgrade-fixture: the release's API was not ready in 10 minutes")

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(120)

    def request(self, method, path, user=None, body=None, data=None, content_type="application/json"):
        headers = {"Accept": "application/json"}
        if user:
            headers["Authorization"] = "Bearer " + self.token(user)
        if body is not None:
            data = json.dumps(body).encode()
        if data is not None:
            headers["Content-Type"] = content_type
        req = urllib.request.Request(self.base + path, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=120) as r:
                text = r.read().decode()
        except urllib.error.HTTPError as e:
            sys.exit(f"make-upgrade-fixture: {method} {path} as {user}: {e.code} {e.read().decode()[:500]}")
        return json.loads(text) if text else None

    def token(self, user):
        if user not in self.tokens:
            got = self.request("POST", "/api/v1/auth/token", body={"grantType": "password", "userName": user, "password": PASSWORD})
            self.tokens[user] = got["access_token"]
        return self.tokens[user]

    def upload(self, user, name, content):
        boundary = uuid.uuid4().hex
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
                f"Content-Type: application/pdf\r\n\r\n").encode() + content + f"\r\n--{boundary}--\r\n".encode()
        return self.request("POST", "/api/v1/attachments", user, data=body, content_type=f"multipart/form-data; boundary={boundary}")["id"]


def scan(text):
    return f"%PDF-1.5\n% {text}\n% {uuid.uuid4()}\n".encode()


def main():
    os.chdir(ROOT)
    tag = sys.argv[1] if len(sys.argv) > 1 else run("git", "describe", "--tags", "--abbrev=0", "--match", "v*")
    out = os.path.join(ROOT, "tests", "Upgrade", tag)
    if os.path.exists(out):
        sys.exit(f"make-upgrade-fixture: {out} exists; a release's fixture is made once")
    conn = connection()
    work = tempfile.mkdtemp(prefix="iso-fixture-")
    source = os.path.join(work, "source")
    run("git", "worktree", "add", "--detach", source, tag)
    try:
        print(f"make-upgrade-fixture: building {tag}")
        run("dotnet", "build", os.path.join(source, "src", "Api"), "-c", "Release", "-nologo", "-v", "q")
        dll = os.path.join(source, "src", "Api", "bin", "Release", "net10.0", "Api.dll")
        database = "iso_fixture_" + tag.replace(".", "_").replace("-", "_")
        psql(conn, "postgres", f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
        psql(conn, "postgres", f"CREATE DATABASE {database}")
        cs = ";".join([f"Host={conn.get('host', '127.0.0.1')}", f"Port={conn.get('port', '5432')}",
                       f"Username={conn.get('username', 'postgres')}", f"Database={database}"]
                      + ([f"Password={conn['password']}"] if conn.get("password") else []))
        files, key = os.path.join(work, "files"), os.path.join(work, "data-protection.key")
        settings = {"ConnectionStrings:Default": cs, "Files:Folder": files, "DataProtection:KeyFile": key,
                    "Samples:Seed": "true", "Accounts:SeedDemo": "true", "Logging:LogLevel:Default": "Warning"}
        log = open(os.path.join(work, "api.log"), "w")

        print("make-upgrade-fixture: first start (sample province and dossiers, worker in the process)")
        api = Api(dll, {**settings, "Hosting:RunWorkerInProcess": "true"}, log)
        unit = psql(conn, database, f"SELECT id FROM procedures.units WHERE code = '{SHOP}'")
        procedure = psql(conn, database, f"SELECT id FROM procedures.procedures WHERE code = '{PROCEDURE}'")
        documents = psql(conn, database, f"SELECT id FROM procedures.procedure_documents WHERE procedure_id = '{procedure}' "
                                         "AND NOT is_optional ORDER BY \"order\"").split()
        citizen = "an.nguyen@demo.example"

        def submission(name, id_number):
            first = api.upload(citizen, "don-de-nghi.pdf", scan(f"giay de nghi {name}"))
            body = {"receivingUnitId": unit, "procedureId": procedure,
                    "applicant": {"fullName": name, "idNumber": id_number, "phone": "0901000001"},
                    "documents": [{"procedureDocumentId": d, "attachmentId": first if i == 0 else None} for i, d in enumerate(documents)]}
            return api.request("POST", "/api/v1/citizen/dossiers", citizen, body)["dossierId"]

        received = submission("Trần Văn Nâng Cấp", "001085077001")
        api.request("POST", f"/api/v1/dossiers/{received}/reception", "ys.clerk", {"decision": "Accept"})
        submission("Trần Thị Chờ Tiếp Nhận", "001085077002")
        time.sleep(20)   # the worker sends the messages and builds the statistics
        commune = psql(conn, database, f"SELECT id FROM procedures.units WHERE code = '{COMMUNE}'")
        statistics = {f"{start}/{end}": api.request("GET", f"/api/v1/statistics/figures?unitId={commune}&from={start}&to={end}", "ys.leader")
                      for start, end in PERIODS}
        api.stop()

        print("make-upgrade-fixture: second start without the worker (a counter reception whose messages stay in the outbox)")
        api = Api(dll, {**settings, "Hosting:RunWorkerInProcess": "false", "Samples:Seed": "false"}, log)
        counter_scan = api.upload("ys.clerk", "to-khai.pdf", scan("to khai tai quay"))
        api.request("POST", "/api/v1/dossiers", "ys.clerk", {
            "receivingUnitId": unit, "procedureId": procedure,
            "applicant": {"fullName": "Lê Văn Tại Quầy", "idNumber": "001085077003", "phone": "0912345678", "address": "Thôn 1, xã Yên Sơn"},
            "documents": [{"procedureDocumentId": d, "attachmentId": counter_scan if i == 0 else None} for i, d in enumerate(documents)]})
        api.stop()

        counts = {}
        for table in psql(conn, database, "SELECT format('%I.%I', schemaname, tablename) FROM pg_tables "
                                          "WHERE schemaname NOT IN ('pg_catalog', 'information_schema', 'hangfire') ORDER BY 1").split():
            counts[table] = int(psql(conn, database, f"SELECT count(*) FROM {table}"))
        pending = int(psql(conn, database, "SELECT count(*) FROM engine.outbox WHERE dispatched_at IS NULL"))
        if pending == 0:
            sys.exit("make-upgrade-fixture: no message left in the outbox; the fixture would not test their delivery")

        print(f"make-upgrade-fixture: backup into {out}")
        run("dotnet", dll, "backup", out, f"--ConnectionStrings:Default={cs}", f"--Files:Folder={files}", f"--DataProtection:KeyFile={key}",
            cwd=os.path.dirname(dll))
        with open(os.path.join(out, "expected.json"), "w", encoding="utf-8") as f:
            json.dump({"release": tag, "rows": counts, "pendingOutbox": pending, "commune": COMMUNE, "statistics": statistics}, f, ensure_ascii=False, indent=2)
        psql(conn, "postgres", f"DROP DATABASE {database} WITH (FORCE)")
        size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(out) for f in fs)
        print(f"make-upgrade-fixture: {out} written ({size // 1024} KB, {sum(counts.values())} rows, {pending} messages in the outbox)")
    finally:
        for process in Api.started:
            if process.poll() is None:
                process.kill()
        run("git", "worktree", "remove", "--force", source)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
