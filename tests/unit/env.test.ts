import { describe, expect, it } from "vitest";
import { EnvError, loadEnv, redactUrl } from "../../server/env";

describe("loadEnv", () => {
  it("works with nothing set", () => {
    const env = loadEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.database.kind).toBe("sqlite");
    expect(env.SESSION_SECRET).toBeUndefined();
  });

  it("treats empty values as unset", () => {
    expect(loadEnv({ PORT: "", DATABASE_URL: "" }).PORT).toBe(3000);
  });

  it.each([
    [{ PORT: "eighty" }, /PORT/],
    [{ PORT: "70000" }, /PORT must be at most 65535/],
    [{ DATABASE_URL: "mongodb://x" }, /DATABASE_URL must start with/],
    [{ SESSION_SECRET: "short" }, /SESSION_SECRET must be at least 32 characters/],
    [{ REDIS_URL: "localhost:6379" }, /REDIS_URL must start with redis:\/\//],
    [{ PUBLIC_URL: "plenary.example.org" }, /PUBLIC_URL must be an absolute URL/],
  ])("rejects %o with one clear line", (source, message) => {
    let error: unknown;
    try {
      loadEnv(source as Record<string, string>);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("\n");
  });

  it("redacts passwords from URLs it logs", () => {
    expect(redactUrl("postgres://u:secret@h:5432/db")).toBe("postgres://u:***@h:5432/db");
  });
});
