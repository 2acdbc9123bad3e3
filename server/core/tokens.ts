import { createHash, randomBytes } from "node:crypto";

/** A random URL-safe token; only its hash is stored, so a database leak reveals no usable link. */
export function newToken(bytes = 32): { token: string; hash: string } {
  const token = randomBytes(bytes).toString("base64url");
  return { token, hash: hashToken(token) };
}

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
