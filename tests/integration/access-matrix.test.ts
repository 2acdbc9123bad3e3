import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { io as ioClient, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operation } from "../../server/core/boards/ops";
import { ROOT_DIR } from "../../server/paths";
import { HTTP, ROLES, SOCKET, renderMatrix } from "../access/matrix";
import { type Doors, namesAnObject, prepareDoors } from "../support/doors";
import { startTestServer, type TestServer } from "../support/server";
import { registeredSocketEvents } from "../support/socket-events";
import { PROTOCOL_VERSION } from "../../server/core/contract/version";

describe("the access matrix, door by door and role by role", () => {
  let t: TestServer;
  let d: Doors;

  beforeAll(async () => {
    t = await startTestServer("sqlite");
    d = await prepareDoors(t);
  }, 90_000);
  afterAll(() => t.close());

  it("is documented exactly as tested (docs/access-matrix.md is generated from the same table)", () => {
    const doc = readFileSync(path.resolve(__dirname, "../../docs/access-matrix.md"), "utf8");
    expect(doc, "run `npm run docs:access` after changing tests/access/matrix.ts").toBe(renderMatrix());
  });

  describe("covers every door by construction", () => {
    it("has a row for every page and every action of every route module", async () => {
      const build = (await import(pathToFileURL(path.join(ROOT_DIR, "build", "index.js")).href)) as ServerBuild;
      const fullPath = (id: string): string => {
        const r = build.routes[id]!;
        const parent = r.parentId ? fullPath(r.parentId) : "";
        return [parent, r.path ?? ""].filter(Boolean).join("/");
      };
      // A door belongs to the most specific route whose pattern its path matches.
      const routes = Object.keys(build.routes)
        .filter((id) => id !== "root")
        .map((id) => {
          const p = fullPath(id);
          const pattern = new RegExp(
            `^/${p
              .split("/")
              .map((s) => (s === "*" ? ".*" : s.replace(/[.]/g, "\\.").replace(/:\w+/g, "[^/]+")))
              .join("/")}/?$`,
          );
          return { id, pattern, literal: p.replace(/:\w+|\*/g, "").length, module: build.routes[id]!.module };
        });
      const routeOf = (doorPath: string) =>
        routes
          .filter((r) => r.pattern.test(doorPath.replace(/\{\w+\}/g, "x").split("?")[0]!))
          .sort((a, b) => b.literal - a.literal)[0]?.id;
      // A page request runs its route's loader and every enclosing layout's; an action runs in its route only.
      const covered = new Set<string>();
      for (const d of HTTP) {
        let id = routeOf(d.path);
        if (d.method === "POST") covered.add(`POST ${id}`);
        else for (; id; id = build.routes[id]?.parentId) covered.add(`GET ${id}`);
      }
      const missing: string[] = [];
      for (const r of routes) {
        if ((r.module.loader || r.module.default) && !covered.has(`GET ${r.id}`)) missing.push(`GET ${r.id}`);
        if (r.module.action && !covered.has(`POST ${r.id}`)) missing.push(`POST ${r.id}`);
      }
      expect(missing, "add rows to tests/access/matrix.ts for these").toEqual([]);
    });

    it("has a row for every socket event the server registers, and every kind of board operation", async () => {
      const s = await d.browsers.anonymous.socket();
      try {
        const events = registeredSocketEvents(t.server);
        expect(events.length).toBeGreaterThan(10);
        expect(events.filter((e) => !SOCKET.some((d) => d.event === e))).toEqual([]);
      } finally {
        s.close();
      }
      const types = operation.options.map((o) => o.shape.type.value);
      const covered = new Set(SOCKET.map((d) => (d.payload.op as { type?: string } | undefined)?.type));
      expect(types.filter((type) => !covered.has(type))).toEqual([]);
    });
  });

  describe.each(HTTP.map((d) => [`${d.method} ${d.path} (${d.door})`, d] as const))("%s", (_name, door) => {
    it.each(ROLES.map((r) => [r, door.allowed.includes(r)] as const))("%s → %s", async (role, allowed) => {
      const { b, url, form } = await d.open(door, role);
      const res =
        door.method === "GET"
          ? await b.request(url, { headers: { accept: "text/html" } })
          : await b.request(url, {
              method: "POST",
              headers: { "content-type": "application/x-www-form-urlencoded", origin: t.url },
              body: new URLSearchParams(form).toString(),
            });
      await res.arrayBuffer();
      const accepted = door.accepts?.includes(res.status) ?? false;
      const toLogin = res.status >= 300 && res.status < 400 && (res.headers.get("location") ?? "").startsWith("/login");
      const refused = !accepted && (toLogin || [401, 403, 404].includes(res.status));
      expect(res.status, `unexpected ${res.status} for ${role}`).not.toBe(500);
      if (!accepted) expect(res.status, `invalid request in the matrix fixture for ${role}`).not.toBe(400);
      expect({ role, status: res.status, refused }).toEqual({ role, status: res.status, refused: !allowed });
    });
  });

  describe.each(SOCKET.map((d) => [`${d.event} (${d.door})`, d] as const))("%s", (_name, door) => {
    it.each(ROLES.map((r) => [r, door.allowed.includes(r)] as const))("%s → %s", async (role, allowed) => {
      const s: Socket = ioClient(t.url, {
        transports: ["websocket"],
        auth: { protocol: PROTOCOL_VERSION },
        extraHeaders: { cookie: d.browsers[role].cookieHeader },
        reconnection: false,
      });
      try {
        await new Promise<void>((resolve, reject) => {
          s.once("connect", () => resolve());
          s.once("connect_error", reject);
        });
        const payload = await d.fill(door.payload, role, namesAnObject(door.payload));
        const ack = (await s.timeout(5000).emitWithAck(door.event, payload)) as {
          ok: boolean;
          error?: { code: string; message: string };
        };
        if (allowed) {
          // Let in: a result, or a business rule the request met (this round is not running, not the vote phase).
          if (!ack.ok) expect(ack.error, `${role} should be let in`).toMatchObject({ code: "conflict" });
        } else {
          expect(ack.ok, `${role} should be refused`).toBe(false);
          expect(["unauthenticated", "forbidden", "not_found"]).toContain(ack.error?.code);
        }
      } finally {
        s.close();
      }
    });
  });
});
