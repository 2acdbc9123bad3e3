import type { AppLoadContext } from "@remix-run/node";
import { DomainError } from "../../server/core/errors";
import type { LimitKind } from "../../server/http/rate-limits";

const wait = (ms: number) =>
  `Too many attempts. Please wait ${Math.max(1, Math.ceil(ms / 60_000))} minute(s) and try again.`;

/** Counts an attempt of `kind` from this client (and key); refuses it with a clear message when over the limit. */
export function limitAttempt(context: AppLoadContext, kind: LimitKind, key = "") {
  const ms = context.limits.take(kind, `${context.clientIp}|${key.toLowerCase()}`);
  if (ms > 0) throw new DomainError("rate_limited", wait(ms));
}

/** Refuses when earlier failures exhausted the limit, without counting this attempt. */
export function refuseIfBlocked(context: AppLoadContext, kind: LimitKind, key = "") {
  const ms = context.limits.blocked(kind, `${context.clientIp}|${key.toLowerCase()}`);
  if (ms > 0) throw new DomainError("rate_limited", wait(ms));
}
