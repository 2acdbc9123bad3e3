// Starts a disposable PostgreSQL server from Debian's binaries on a free
// loopback port in a temporary folder, for tests and for writing migrations.
// PostgreSQL refuses to run as root, so as root it runs as the `postgres`
// system user that Debian's package creates.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, chmodSync, chownSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

export const INSTALL_HINT =
  "PostgreSQL server binaries not found: install them with `sudo apt-get install -y postgresql` (or set PG_BIN to the folder holding initdb and pg_ctl)";

/** @returns {string | null} the folder holding initdb and pg_ctl */
export function findPostgresBin() {
  const candidates = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const base = "/usr/lib/postgresql";
  if (existsSync(base)) {
    for (const v of readdirSync(base).sort((a, b) => Number(b) - Number(a))) candidates.push(path.join(base, v, "bin"));
  }
  for (const dir of ["/usr/local/bin", "/usr/bin"]) candidates.push(dir);
  return candidates.find((d) => existsSync(path.join(d, "initdb")) && existsSync(path.join(d, "pg_ctl"))) ?? null;
}

/** @returns {Promise<number>} */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === "object" && addr ? addr.port : 0));
    });
  });
}

/**
 * @returns {Promise<{ url: string, port: number, dir: string, stop: () => void, pause: () => void, resume: () => void }>}
 */
export async function startThrowawayPostgres() {
  const bin = findPostgresBin();
  if (!bin) throw new Error(INSTALL_HINT);
  const asRoot = process.getuid?.() === 0;
  let uid = -1;
  let gid = -1;
  if (asRoot) {
    const id = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    const g = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
    if (id.status !== 0)
      throw new Error("running as root needs the `postgres` system user (created by `apt-get install postgresql`)");
    uid = Number(id.stdout.trim());
    gid = Number(g.stdout.trim());
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "plenary-pg-"));
  chmodSync(dir, 0o700);
  if (asRoot) chownSync(dir, uid, gid);
  const run = (/** @type {string} */ cmd, /** @type {string[]} */ args) => {
    const full = path.join(bin, cmd);
    if (asRoot) return execFileSync("runuser", ["-u", "postgres", "--", full, ...args], { stdio: "pipe", cwd: dir });
    return execFileSync(full, args, { stdio: "pipe", cwd: dir });
  };
  const data = path.join(dir, "data");
  run("initdb", ["-D", data, "-U", "plenary", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "-N"]);
  const port = await freePort();
  // fsync off: the data is thrown away, and tests run several times faster.
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  run("pg_ctl", ["-D", data, "-o", opts, "-l", path.join(dir, "log"), "-w", "-t", "30", "start"]);
  run("createdb", ["-h", "127.0.0.1", "-p", String(port), "-U", "plenary", "plenary"]);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    } catch {
      /* already gone */
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // For fault tests: the server stops answering (as when a database host goes away) and comes back.
  // A fast shutdown drops every connection at once, as a lost host does, but first writes out what
  // was committed: with synchronous_commit off (above), an immediate stop loses the last fraction of
  // a second of commits, such as the session a test signed in with just before.
  const pause = () => run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
  const resume = () => run("pg_ctl", ["-D", data, "-o", opts, "-l", path.join(dir, "log"), "-w", "-t", "30", "start"]);
  return { url: `postgres://plenary@127.0.0.1:${port}/plenary`, port, dir, stop, pause, resume };
}

/** Creates one more database on the same server (one per test file). */
export function createDatabase(/** @type {number} */ port, /** @type {string} */ name) {
  const bin = findPostgresBin();
  if (!bin) throw new Error(INSTALL_HINT);
  const asRoot = process.getuid?.() === 0;
  const args = ["-h", "127.0.0.1", "-p", String(port), "-U", "plenary", name];
  const full = path.join(bin, "createdb");
  if (asRoot) execFileSync("runuser", ["-u", "postgres", "--", full, ...args], { stdio: "pipe" });
  else execFileSync(full, args, { stdio: "pipe" });
  return `postgres://plenary@127.0.0.1:${port}/${name}`;
}
