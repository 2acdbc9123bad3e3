import type { DbLike } from "../db/client";
import { auditDetails } from "./json-columns";

export type AuditEntry = {
  /** The event it happened in; none for what concerns the instance (platform roles, accounts). */
  eventId?: string | null;
  /** Who did it; none when the system or the operator's own tools did. */
  actorId?: string | null;
  /** What was done, as `area.verb` ("event.publish", "registration.approve"). */
  action: string;
  details?: Record<string, unknown>;
};

/**
 * Writes one line of the audit log. Every service records what people did through here, inside
 * the transaction that did it when there is one, so the log's shape is decided in one place.
 */
export function audit(db: DbLike, entry: AuditEntry) {
  return db.auditLog.create({
    data: {
      eventId: entry.eventId ?? null,
      actorId: entry.actorId ?? null,
      action: entry.action,
      detailsJson: auditDetails.write(entry.details ?? {}),
    },
  });
}
