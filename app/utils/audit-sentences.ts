// What each audited action says: the sentence's key under `auditLog.sentence` and its values, by
// the action's key as the core records it (`report.publish`). Pure, so a test can check that every
// action the core writes has its sentence and none shows as a bare key again.

export type Details = Record<string, string | number | boolean | null>;
export type Said = { key: string; values?: Record<string, string | number> };
export type Helpers = {
  /** A name the core resolved, or words saying it is gone. */
  person: (v: unknown) => string;
  round: (v: unknown) => string;
  /** A role or status key, said in words. */
  role: (v: unknown) => string;
  status: (v: unknown) => string;
  writer: (v: unknown) => string;
  text: (v: unknown) => string;
  number: (v: unknown) => string;
};

export const AUDIT_SENTENCES: Record<string, (d: Details, h: Helpers) => Said> = {
  "event.create": () => ({ key: "event_create" }),
  "event.update": (d, h) =>
    d.agendaMoved ? { key: "event_updateMoved", values: { count: h.number(d.agendaMoved) } } : { key: "event_update" },
  "event.draft": () => ({ key: "event_draft" }),
  "event.published": () => ({ key: "event_published" }),
  "event.cancelled": () => ({ key: "event_cancelled" }),
  "event.closed": () => ({ key: "event_closed" }),
  "event.announce": (d, h) => ({ key: "event_announce", values: { message: h.text(d.message) } }),
  "form.question": (d, h) =>
    d.question ? { key: "form_question", values: { question: h.text(d.question) } } : { key: "form_questionGone" },
  "registration.approve": (d, h) => ({
    key: "registration_approve",
    values: { person: h.person(d.person), status: h.status(d.status) },
  }),
  "registration.reject": (d, h) => ({ key: "registration_reject", values: { person: h.person(d.person) } }),
  "registration.promote": (d, h) => ({
    key: "registration_promote",
    values: { person: h.person(d.person), status: h.status(d.status) },
  }),
  "registration.record": (d, h) => ({
    key: d.attended ? "registration_recordAttended" : "registration_record",
    values: { person: h.person(d.person) },
  }),
  "registration.attendance": (d, h) => ({ key: "registration_attendance", values: { person: h.person(d.person) } }),
  "registrations.import": (d, h) => ({
    key: "registrations_import",
    values: { added: h.number(d.added), attendance: h.number(d.attendance), errors: h.number(d.errors) },
  }),
  "participants.export": (d, h) => ({ key: "participants_export", values: { rows: h.number(d.rows) } }),
  "action.delete": (d, h) => ({ key: "action_delete", values: { title: h.text(d.title) } }),
  "retention.purge": (d, h) => ({ key: "retention_purge", values: { registrations: h.number(d.registrations) } }),
  "role.room": (d, h) => ({
    key: "role_room",
    values: { person: h.person(d.person), to: h.role(d.to), from: h.role(d.from), round: h.round(d.round) },
  }),
  "round.message": (d, h) => ({
    key: "round_message",
    values: { round: h.round(d.round), message: h.text(d.message) },
  }),
  "report.generate": (d, h) => ({ key: "report_generate", values: { writer: h.writer(d.writer) } }),
  "report.regenerate": (d, h) => ({ key: "report_regenerate", values: { writer: h.writer(d.writer) } }),
  "report.submit": () => ({ key: "report_submit" }),
  "report.approve": () => ({ key: "report_approve" }),
  "report.reopen": () => ({ key: "report_reopen" }),
  "report.publish": (d, h) => ({ key: "report_publish", values: { version: h.number(d.version) } }),
  "report.withdraw": (d, h) => ({ key: "report_withdraw", values: { notice: h.text(d.notice) } }),
  "team.invite": (d, h) => ({ key: "team_invite", values: { email: h.text(d.email), role: h.role(d.role) } }),
  "invitations.import": (d, h) => ({
    key: "invitations_import",
    values: { imported: h.number(d.imported), errors: h.number(d.errors) },
  }),
  "role.granted": (d, h) => ({ key: "role_granted", values: { email: h.text(d.email), role: h.role(d.role) } }),
};
