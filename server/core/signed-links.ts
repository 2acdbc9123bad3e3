import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Links that carry their own proof, such as the "view, change or cancel your
 * registration" link: `<id>.<hmac>`. Nothing is stored, so every email can
 * repeat the same link, and it stops working when the secret changes.
 */
export function createSignedLinks(secret: string) {
  const mac = (purpose: string, id: string) =>
    createHmac("sha256", secret).update(`${purpose}:${id}`).digest("base64url").slice(0, 32);
  return {
    sign: (purpose: string, id: string) => `${id}.${mac(purpose, id)}`,
    /** The id the token was made for, or null when it was not made here for this purpose. */
    verify(purpose: string, token: string): string | null {
      const dot = token.lastIndexOf(".");
      if (dot <= 0 || token.length > 200) return null;
      const id = token.slice(0, dot);
      const given = Buffer.from(token.slice(dot + 1));
      const expected = Buffer.from(mac(purpose, id));
      return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
    },
  };
}

export type SignedLinks = ReturnType<typeof createSignedLinks>;
