// Plenary's process entry: checks the environment, builds the server, serves
// until SIGTERM/SIGINT, then shuts down gracefully.
import { createPlenaryServer } from "./app";
import { EnvError, loadEnv } from "./env";

function fail(line: string): never {
  process.stderr.write(`plenary: ${line}\n`);
  process.exit(1);
}

async function main() {
  let env;
  try {
    env = loadEnv();
  } catch (e) {
    if (e instanceof EnvError) fail(e.message);
    throw e;
  }

  let server;
  try {
    server = await createPlenaryServer(env);
  } catch (e) {
    fail((e as Error).message.split("\n")[0]!);
  }

  let port: number;
  try {
    port = await server.listen();
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === "EADDRINUSE")
      fail(`port ${env.PORT} is already in use. Stop the other program or set PORT to a free port.`);
    if (err.code === "EACCES") fail(`not allowed to listen on port ${env.PORT}. Use a port above 1023.`);
    fail(err.message);
  }
  const url = env.PUBLIC_URL ?? `http://localhost:${port}`;
  server.log.info("Plenary is listening", { url, database: env.database.kind, mail: server.mailer.kind });
  const { accounts, admins } = await server.core.platform.state();
  const mailNote =
    server.mailer.kind === "devmail" ? " No SMTP_URL is set, so its confirmation link is printed in this log." : "";
  if (accounts === 0)
    server.log.info(
      `first run: no account yet. Create one at ${url}/signup: the first account becomes the platform administrator.${mailNote}`,
    );
  else if (admins === 0)
    server.log.warn(
      "no platform administrator: name one with `npm run --silent admin -- --email you@example.org --role admin`",
    );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.log.info("shutting down", { signal });
    server
      .close()
      .then(() => process.exit(0))
      .catch((e) => {
        server.log.error("shutdown failed", { error: (e as Error).message });
        process.exit(1);
      });
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((e) => fail((e as Error).stack ?? String(e)));
