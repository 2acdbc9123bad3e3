/**
 * Who may use which door. One table drives the access tests (tests/integration/access-matrix.test.ts)
 * and the documentation (docs/access-matrix.md, written by `npm run docs:access`; a test fails
 * when the file no longer matches this table).
 */
export const ROLES = [
  "anonymous",
  "stranger",
  "other_event",
  "participant",
  "rapporteur",
  "facilitator",
  "organiser",
  "secretariat",
  "admin",
] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_NAMES: Record<Role, string> = {
  anonymous: "anonymous visitor",
  stranger: "signed-in stranger",
  other_event: "participant of another event",
  participant: "participant (in Room C)",
  rapporteur: "rapporteur",
  facilitator: "facilitator",
  organiser: "organiser",
  secretariat: "secretariat",
  admin: "platform administrator (of no event)",
};

const ALL = ROLES;
const SIGNED_IN = ROLES.filter((r) => r !== "anonymous");
const TEAM = ["rapporteur", "facilitator", "organiser", "secretariat"] as const;
const IN_EVENT = ["participant", ...TEAM] as const;

/**
 * Placeholders filled by the test: {slug}, {ownBoard} (Room C's), {otherBoard} (Room A's), {synthesis}, {roundId},
 * {eventId}, {itemId}, {proposalId} (an item Plenary drafted), {questionId} (a custom registration question),
 * {spareUserId} (an account no identity uses), {uuid} (new on every request).
 */
export type HttpDoor = {
  door: string;
  method: "GET" | "POST";
  path: string;
  form?: Record<string, string>;
  allowed: readonly Role[];
};
export type SocketDoor = { door: string; event: string; payload: Record<string, unknown>; allowed: readonly Role[] };

export const HTTP: HttpDoor[] = [
  { door: "Home", method: "GET", path: "/", allowed: ALL },
  { door: "Event page", method: "GET", path: "/events/{slug}", allowed: ALL },
  { door: "Event calendar file", method: "GET", path: "/events/{slug}/calendar.ics", allowed: ALL },
  { door: "My events", method: "GET", path: "/my-events", allowed: SIGNED_IN },
  // Only organisers an administrator approved create events on a default instance (the demo organiser is one).
  { door: "New event form", method: "GET", path: "/events/new", allowed: ["organiser", "admin"] },
  {
    door: "Create an event",
    method: "POST",
    path: "/events/new",
    form: {
      title: "Matrix event",
      format: "online",
      timezone: "Europe/Brussels",
      startsAt: "{eventDay}T10:00",
      endsAt: "{eventDay}T11:00",
      languages: "en",
    },
    allowed: ["organiser", "admin"],
  },
  { door: "Live session", method: "GET", path: "/events/{slug}/live", allowed: IN_EVENT },
  { door: "Manage: figures", method: "GET", path: "/events/{slug}/manage", allowed: ["organiser", "secretariat"] },
  {
    door: "Manage: participants",
    method: "GET",
    path: "/events/{slug}/manage/participants",
    allowed: ["organiser", "secretariat"],
  },
  {
    door: "Manage: participants CSV",
    method: "GET",
    path: "/events/{slug}/manage/participants.csv",
    allowed: ["organiser", "secretariat"],
  },
  { door: "Manage: settings", method: "GET", path: "/events/{slug}/manage/settings", allowed: ["organiser"] },
  { door: "Manage: agenda", method: "GET", path: "/events/{slug}/manage/agenda", allowed: ["organiser"] },
  { door: "Manage: registration form", method: "GET", path: "/events/{slug}/manage/form", allowed: ["organiser"] },
  { door: "Manage: team", method: "GET", path: "/events/{slug}/manage/team", allowed: ["organiser"] },
  { door: "Breakout rounds", method: "GET", path: "/events/{slug}/breakouts", allowed: ["facilitator", "organiser"] },
  {
    door: "A breakout round",
    method: "GET",
    path: "/events/{slug}/breakouts/{roundId}",
    allowed: ["facilitator", "organiser"],
  },
  { door: "Own room's board", method: "GET", path: "/events/{slug}/boards/{ownBoard}", allowed: IN_EVENT },
  { door: "Another room's board", method: "GET", path: "/events/{slug}/boards/{otherBoard}", allowed: TEAM },
  { door: "Another room's board as CSV", method: "GET", path: "/events/{slug}/boards/{otherBoard}.csv", allowed: TEAM },
  {
    door: "Another room's board as Markdown",
    method: "GET",
    path: "/events/{slug}/boards/{otherBoard}.md",
    allowed: TEAM,
  },
  { door: "Plenary synthesis board", method: "GET", path: "/events/{slug}/boards/{synthesis}", allowed: IN_EVENT },
  {
    door: "Cluster suggestions",
    method: "GET",
    path: "/events/{slug}/boards/{ownBoard}/suggestions?category=barriers",
    allowed: ["facilitator", "organiser"],
  },
  {
    door: "Rapporteur's summary of a room",
    method: "GET",
    path: "/events/{slug}/boards/{otherBoard}/summary",
    allowed: TEAM,
  },
  { door: "Report editor", method: "GET", path: "/events/{slug}/report/edit", allowed: TEAM },
  { door: "Draft report download", method: "GET", path: "/events/{slug}/report/files/md?version=draft", allowed: TEAM },
  { door: "Published report", method: "GET", path: "/events/{slug}/report", allowed: ALL },
  { door: "Published report download", method: "GET", path: "/events/{slug}/report/files/md?version=1", allowed: ALL },
  { door: "Follow-up of action items", method: "GET", path: "/events/{slug}/follow-up", allowed: ALL },
  { door: "Follow-up CSV", method: "GET", path: "/events/{slug}/follow-up.csv", allowed: ALL },
  { door: "Follow-up calendar", method: "GET", path: "/events/{slug}/follow-up.ics", allowed: ALL },
  {
    door: "Manage action items",
    method: "GET",
    path: "/events/{slug}/actions",
    allowed: ["facilitator", "organiser", "secretariat"],
  },
  { door: "Audit log", method: "GET", path: "/events/{slug}/manage/audit", allowed: ["organiser"] },
  // Every account's sign-in and reset links are in it: the operator's tool, never a tenant's (issue 16, defect 1).
  { door: "Dev mailbox (sign-in links inside)", method: "GET", path: "/dev/mailbox", allowed: ["admin"] },
  { door: "Administration: instance", method: "GET", path: "/admin", allowed: ["admin"] },
  { door: "Administration: accounts", method: "GET", path: "/admin/users", allowed: ["admin"] },
  {
    door: "Save the instance's settings",
    method: "POST",
    path: "/admin?index",
    form: { name: "Plenary", languages: "en", defaultLanguage: "en", eventCreation: "approved" },
    allowed: ["admin"],
  },
  {
    door: "Set an account's platform role",
    method: "POST",
    path: "/admin/users",
    form: { intent: "role", userId: "{spareUserId}", role: "member" },
    allowed: ["admin"],
  },
  {
    door: "Disable an account (asks first)",
    method: "POST",
    path: "/admin/users",
    form: { intent: "disable", userId: "{spareUserId}", confirmed: "yes" },
    allowed: ["admin"],
  },
  {
    door: "Enable an account",
    method: "POST",
    path: "/admin/users",
    form: { intent: "enable", userId: "{spareUserId}" },
    allowed: ["admin"],
  },
  {
    door: "Email me a sign-in link",
    method: "POST",
    path: "/login",
    form: { intent: "link", email: "{uuid}@matrix.test" },
    allowed: ALL,
  },
  {
    door: "Manage: add participants",
    method: "GET",
    path: "/events/{slug}/manage/add-participants",
    allowed: ["organiser", "secretariat"],
  },
  {
    door: "Record a participant (any time)",
    method: "POST",
    path: "/events/{slug}/manage/add-participants",
    form: {
      name: "Matrix person",
      email: "{uuid}@matrix.test",
      organisation: "Matrix",
      categoryKey: "other",
      consentData: "on",
      attended: "on",
    },
    allowed: ["organiser", "secretariat"],
  },
  {
    door: "Publish the event (asks first)",
    method: "POST",
    path: "/events/{slug}/manage?index",
    form: { status: "published", confirmed: "yes" },
    allowed: ["organiser"],
  },
  {
    door: "Edit a registration question",
    method: "POST",
    path: "/events/{slug}/manage/form",
    form: { intent: "update-question", id: "{questionId}", kind: "short_text", label: "Which theme matters most?" },
    allowed: ["organiser"],
  },
  {
    door: "Questions for every room",
    method: "POST",
    path: "/events/{slug}/breakouts/{roundId}",
    form: { intent: "questions", questions: "What stops migrant women from being heard?" },
    allowed: ["facilitator", "organiser"],
  },
  { door: "My data (JSON)", method: "GET", path: "/account/data.json", allowed: SIGNED_IN },
  {
    door: "Announce to the event",
    method: "POST",
    path: "/events/{slug}",
    form: { intent: "announce", message: "Matrix test" },
    allowed: ["facilitator", "organiser"],
  },
  {
    door: "Comment on the report",
    method: "POST",
    path: "/events/{slug}/report/edit",
    form: { intent: "comment", key: "findings", body: "Matrix test" },
    allowed: TEAM,
  },
  {
    door: "Edit a report section",
    method: "POST",
    path: "/events/{slug}/report/edit",
    form: { intent: "save", key: "resources", markdown: "Matrix test" },
    allowed: ["rapporteur", "organiser", "secretariat"],
  },
  {
    door: "Accept an action item Plenary proposed",
    method: "POST",
    path: "/events/{slug}/report/edit",
    form: { intent: "proposal-accept", itemId: "{proposalId}", title: "Matrix proposal" },
    allowed: ["facilitator", "organiser", "secretariat"],
  },
  {
    door: "Add a free section to the report",
    method: "POST",
    path: "/events/{slug}/report/edit",
    form: { intent: "add-section", title: "Matrix test" },
    allowed: ["rapporteur", "organiser", "secretariat"],
  },
  {
    door: "Save a rapporteur's summary",
    method: "POST",
    path: "/events/{slug}/boards/{otherBoard}/summary",
    form: { observations: "Matrix test", keyMessages: "One\nTwo" },
    allowed: TEAM,
  },
  {
    door: "Create an action item",
    method: "POST",
    path: "/events/{slug}/actions",
    form: { intent: "create", title: "Matrix test" },
    allowed: ["facilitator", "organiser", "secretariat"],
  },
  {
    door: "Update an action item",
    method: "POST",
    path: "/events/{slug}/actions",
    form: { intent: "update", itemId: "{itemId}", title: "Matrix test item", status: "agreed" },
    allowed: ["facilitator", "organiser", "secretariat"],
  },
  {
    door: "Add an agenda item",
    method: "POST",
    path: "/events/{slug}/manage/agenda",
    form: { kind: "other", title: "Matrix test", startsAt: "{eventDay}T13:00", endsAt: "{eventDay}T13:10" },
    allowed: ["organiser"],
  },
];

export const SOCKET: SocketDoor[] = [
  { door: "Who am I", event: "session:whoami", payload: {}, allowed: ALL },
  {
    door: "Follow the event's announcements",
    event: "event:follow",
    payload: { eventId: "{eventId}" },
    allowed: IN_EVENT,
  },
  {
    door: "Announce",
    event: "event:announce",
    payload: { eventId: "{eventId}", message: "Matrix test" },
    allowed: ["facilitator", "organiser"],
  },
  { door: "Join the live session", event: "live:join", payload: { eventId: "{eventId}" }, allowed: IN_EVENT },
  {
    door: "Message all rooms",
    event: "round:message",
    payload: { eventId: "{eventId}", roundId: "{roundId}", message: "Matrix test" },
    allowed: ["facilitator", "organiser"],
  },
  {
    door: "Extend the round",
    event: "round:extend",
    payload: { eventId: "{eventId}", roundId: "{roundId}", minutes: 1 },
    allowed: ["facilitator", "organiser"],
  },
  { door: "Join own room's board", event: "board:join", payload: { boardId: "{ownBoard}" }, allowed: IN_EVENT },
  { door: "Join another room's board", event: "board:join", payload: { boardId: "{otherBoard}" }, allowed: TEAM },
  {
    door: "Catch up on another room's board",
    event: "board:sync",
    payload: { boardId: "{otherBoard}", afterSeq: 0 },
    allowed: TEAM,
  },
  {
    door: "Post a note on own room's board",
    event: "board:op",
    payload: {
      boardId: "{ownBoard}",
      opId: "{uuid}",
      op: { type: "note.create", noteId: "{uuid}", category: "barriers", text: "Matrix test" },
    },
    allowed: ["participant", "rapporteur", "facilitator", "organiser"],
  },
  {
    door: "Post a note on another room's board",
    event: "board:op",
    payload: {
      boardId: "{otherBoard}",
      opId: "{uuid}",
      op: { type: "note.create", noteId: "{uuid}", category: "barriers", text: "Matrix test" },
    },
    allowed: ["rapporteur", "facilitator", "organiser"],
  },
  {
    door: "Lock a board",
    event: "board:op",
    payload: { boardId: "{ownBoard}", opId: "{uuid}", op: { type: "board.lock", locked: false } },
    allowed: ["facilitator", "organiser"],
  },
  {
    door: "Post on the synthesis board",
    event: "board:op",
    payload: {
      boardId: "{synthesis}",
      opId: "{uuid}",
      op: { type: "note.create", noteId: "{uuid}", category: "barriers", text: "Matrix test" },
    },
    allowed: ["rapporteur", "facilitator", "organiser"],
  },
];

/** The table as Markdown, for docs/access-matrix.md. */
export function renderMatrix(): string {
  const head = (first: string) => [
    `| ${first} | ${ROLES.map((r) => ROLE_NAMES[r]).join(" | ")} |`,
    `| --- | ${ROLES.map(() => ":---:").join(" | ")} |`,
  ];
  const row = (label: string, allowed: readonly Role[]) =>
    `| ${label} | ${ROLES.map((r) => (allowed.includes(r) ? "✅" : "—")).join(" | ")} |`;
  return [
    "# Access matrix",
    "",
    "Generated from `tests/access/matrix.ts` by `npm run docs:access`; the access tests run every row against the real server, so this page and the behaviour cannot drift. ✅ allowed, — refused (sign-in asked, 401, 403 or 404).",
    "",
    "## Pages, actions and files (HTTP)",
    "",
    ...head("Door"),
    ...HTTP.map((d) => row(`${d.door} — \`${d.method} ${d.path}\``, d.allowed)),
    "",
    "## Realtime (Socket.IO events)",
    "",
    ...head("Event"),
    ...SOCKET.map((d) => row(`${d.door} — \`${d.event}\``, d.allowed)),
    "",
  ].join("\n");
}
