import { io as ioClient, type Socket } from "socket.io-client";
import { createPlenaryServer, type PlenaryServer } from "../../server/app";
import { loadEnv } from "../../server/env";
import type { DatabaseTarget } from "../../server/db/resolve-database";
import { type Engine, freshDatabase } from "./databases";
import { PROTOCOL_VERSION } from "../../server/core/contract/version";

export type TestServer = { url: string; port: number; server: PlenaryServer; close: () => Promise<void> };

/** The real server (Express, Remix build, Socket.IO, core) on an ephemeral port over a fresh database. */
export async function startTestServer(
  engine: Engine | DatabaseTarget = "sqlite",
  env: Record<string, string> = {},
  opts: { presenceBeatMs?: number } = {},
): Promise<TestServer & { target: DatabaseTarget }> {
  const target = typeof engine === "string" ? await freshDatabase(engine) : engine;
  const server = await createPlenaryServer(
    // The built-in clustering engine unless a test asks otherwise: a model fetched into this checkout changes nothing.
    loadEnv({
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: target.url,
      LOG_QUIET: "1",
      EMBEDDINGS_ENGINE: "lexical",
      ...env,
    }),
    opts,
  );
  const port = await server.listen();
  return { url: `http://127.0.0.1:${port}`, port, server, target, close: () => server.close() };
}

/** A browser-like HTTP client: keeps cookies, does not follow redirects, posts forms. */
export class Browser {
  private cookies = new Map<string, string>();
  constructor(private readonly base: string) {}

  /** Starts from another browser's cookies (a copy: what this one is sent back stays here). */
  useCookies(header: string) {
    for (const pair of header.split("; ").filter(Boolean)) {
      const [name, ...rest] = pair.split("=");
      this.cookies.set(name!, rest.join("="));
    }
    return this;
  }

  get cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async request(path: string, init: RequestInit = {}) {
    const res = await fetch(new URL(path, this.base), {
      ...init,
      redirect: "manual",
      headers: { cookie: this.cookieHeader, ...(init.headers as Record<string, string>) },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [name, ...rest] = pair!.split("=");
      const value = rest.join("=");
      if (!value || /max-age=0/i.test(c)) this.cookies.delete(name!);
      else this.cookies.set(name!, value);
    }
    return res;
  }

  get(path: string) {
    return this.request(path);
  }

  /** Posts a form the way a browser without JavaScript would (a document request, not a Remix fetch). */
  post(path: string, fields: Record<string, string>) {
    return this.request(path, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
  }

  async signIn(email: string, password: string) {
    const res = await this.post("/login", { email, password });
    if (res.status !== 302) throw new Error(`sign-in failed with ${res.status}`);
    return res;
  }

  /**
   * Signs up the way a person does: the form, then the link from the email
   * (read from the test server's dev mailbox), which makes the account and signs in.
   */
  async signUp(server: PlenaryServer, fields: { name: string; email: string; password: string }) {
    const asked = await this.post("/signup", fields);
    if (asked.status !== 200) throw new Error(`sign-up failed with ${asked.status}`);
    const mail = await server.db.devMail.findFirstOrThrow({
      where: { to: fields.email.toLowerCase() },
      orderBy: { createdAt: "desc" },
    });
    const link = new URL(mail.text.match(/https?:\/\/\S+\/signup\/confirm\/\S+/)![0]);
    const res = await this.get(link.pathname);
    if (res.status !== 302) throw new Error(`sign-up confirmation failed with ${res.status}`);
    return res;
  }

  socket(): Promise<Socket> {
    const s = ioClient(this.base, {
      transports: ["websocket"],
      auth: { protocol: PROTOCOL_VERSION },
      extraHeaders: { cookie: this.cookieHeader },
      reconnection: false,
    });
    return new Promise((resolve, reject) => {
      s.once("connect", () => resolve(s));
      s.once("connect_error", reject);
    });
  }
}

export const nextEvent = <T>(s: Socket, event: string, timeoutMs = 5000) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    s.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
