import type { AppLoadContext } from "@remix-run/node";
import { DomainError } from "../../server/core/errors";
import type { LimitKind } from "../../server/core/rate-limit-policy";
import { msg } from "../../server/core/i18n/message";

const wait = (ms: number) => msg("common.tooManyAttempts", { minutes: Math.max(1, Math.ceil(ms / 60_000)) });

/** Counts an attempt of `kind` from this client's address (and the email it names); refuses it with a clear message when over a limit. */
export async function limitAttempt(context: AppLoadContext, kind: LimitKind, email?: string) {
  const ms = await context.limits.take(kind, { address: context.clientIp, email });
  if (ms > 0) throw new DomainError("rate_limited", wait(ms));
}

/** Refuses when earlier failures exhausted a limit, without counting this attempt. */
export async function refuseIfBlocked(context: AppLoadContext, kind: LimitKind, email?: string) {
  const ms = await context.limits.blocked(kind, { address: context.clientIp, email });
  if (ms > 0) throw new DomainError("rate_limited", wait(ms));
}
