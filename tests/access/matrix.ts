/**
 * Who may use which door. One table drives the access tests (tests/integration/access-matrix.test.ts)
 * and the documentation (docs/access-matrix.md, written by `npm run docs:access`; a test fails
 * when the file no longer matches this table, and another when a route module or a socket event
 * of the running server has no row here).
 *
 * Adding a door: append a row to HTTP or SOCKET (group rows by area, as below). Adding an identity:
 * add it to ROLES and ROLE_NAMES, and sign it in the test's setup.
 */
export const ROLES = [
  "anonymous",
  "stranger",
  "other_event",
  "other_organiser",
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
  other_organiser: "organiser of another event",
  participant: "participant (in Room C)",
  rapporteur: "rapporteur",
  facilitator: "facilitator",
  organiser: "organiser",
  secretariat: "secretariat",
  admin: "platform administrator (of no event)",
};

/**
 * The organiser of another event tries every door with this event's ids. Where a door names an
 * object (a round, a board, an item: any placeholder but those of EVENT_PLACEHOLDERS), they name
 * it from their own event, where every permission check passes: only the object's event can stop
 * them. Where a door names only the event, it is this event, which they have no part in.
 */
export const EVENT_PLACEHOLDERS = ["slug", "eventId", "eventDay", "uuid"] as const;

const ALL = ROLES;
const SIGNED_IN = ROLES.filter((r) => r !== "anonymous");
const TEAM = ["rapporteur", "facilitator", "organiser", "secretariat"] as const;
const IN_EVENT = ["participant", ...TEAM] as const;
const RUNS_ROUNDS = ["facilitator", "organiser"] as const;
const ACTIONS = ["facilitator", "organiser", "secretariat"] as const;
const CREATORS = ["other_organiser", "organiser", "admin"] as const;
const WRITERS = ["participant", "rapporteur", "facilitator", "organiser"] as const;
// Every account's sign-in and reset links are in it: the operator's tool, never a tenant's (issue 16, defect 1).
const MAILBOX = ["admin"] as const;

/**
 * Placeholders filled by the test. Of this event: {slug}, {eventId}, {eventDay}; {roundId} (the
 * running round), {spareRound}, {spareRoom} and {spareUser} (a round that is not running, one of
 * its rooms, a participant placed there); {ownBoard} (Room C's), {otherBoard} (Room A's),
 * {synthesis}, {ownRoom}; {itemId}, {agendaItemId}, {categoryId}, {questionId}, {registrationId};
 * {mailId}; tokens {invitationToken}, {registrationToken}. Made afresh for each request, since
 * the request may use them up: {newNote} (a participant's note), {newCluster}, {newCluster2},
 * {newAgendaItem}, {newCategory}, {newQuestion}, {newItem}, {newResource}, {newHelp},
 * {newRegistration}, {newInvitationToken}, {newRegistrationToken}, {newLoginLink},
 * {newSignUpToken}; {uuid} is a new id. Also {proposalId} (an action item Plenary
 * drafted, awaiting review) and {spareUserId} (an account no identity uses).
 */
export type HttpDoor = {
  door: string;
  method: "GET" | "POST";
  path: string;
  form?: Record<string, string>;
  allowed: readonly Role[];
  /** Statuses that mean "let in" here although they usually mean refused or a bad fixture (a wrong password is 401). */
  accepts?: readonly number[];
  /** Sign in afresh for this request: the door ends the session it is sent with. */
  freshSession?: boolean;
};
export type SocketDoor = { door: string; event: string; payload: Record<string, unknown>; allowed: readonly Role[] };

const boardOp = (board: string, op: Record<string, unknown>) => ({ boardId: board, opId: "{uuid}", op });

export const HTTP: HttpDoor[] = [
  // ---- public pages and accounts ----
  { door: "Home", method: "GET", path: "/", allowed: ALL },
  { door: "An unknown page (not found for everyone)", method: "GET", path: "/no/such/page", allowed: [] },
  { door: "Sign-in page", method: "GET", path: "/login", allowed: ALL },
  {
    door: "Sign in (wrong password)",
    method: "POST",
    path: "/login",
    form: { email: "nobody@matrix.test", password: "not the password" },
    allowed: ALL,
    accepts: [401],
  },
  { door: "Sign-up page", method: "GET", path: "/signup", allowed: ALL },
  {
    door: "Sign up",
    method: "POST",
    path: "/signup",
    form: { name: "Matrix", email: "{uuid}@matrix.test", password: "a long enough password" },
    allowed: ALL,
  },
  { door: "Confirm a sign-up (emailed link)", method: "GET", path: "/signup/confirm/{newSignUpToken}", allowed: ALL },
  { door: "Password reset page", method: "GET", path: "/forgot-password", allowed: ALL },
  {
    door: "Ask for a password reset",
    method: "POST",
    path: "/forgot-password",
    form: { email: "nobody@matrix.test" },
    allowed: ALL,
  },
  { door: "New password page", method: "GET", path: "/reset-password?token=x", allowed: ALL },
  {
    door: "Set a new password (used or unknown link)",
    method: "POST",
    path: "/reset-password",
    form: { token: "not-a-token", password: "a long enough password" },
    allowed: ALL,
    accepts: [400],
  },
  { door: "Sign in by emailed link", method: "GET", path: "/login/link/{newLoginLink}", allowed: ALL },
  { door: "Sign out (page)", method: "GET", path: "/logout", allowed: ALL },
  { door: "Sign out", method: "POST", path: "/logout", allowed: ALL, freshSession: true },
  { door: "Language switch (page)", method: "GET", path: "/language", allowed: ALL },
  { door: "Choose a language", method: "POST", path: "/language", form: { locale: "fr" }, allowed: ALL },
  { door: "My events", method: "GET", path: "/my-events", allowed: SIGNED_IN },
  { door: "My account", method: "GET", path: "/account", allowed: SIGNED_IN },
  { door: "My data (JSON)", method: "GET", path: "/account/data.json", allowed: SIGNED_IN },
  {
    door: "Delete my account (wrong password)",
    method: "POST",
    path: "/account",
    form: { password: "not the password" },
    allowed: SIGNED_IN,
    accepts: [400],
  },
  // Only organisers an administrator approved create events on a default instance (both organisers are).
  { door: "New event form", method: "GET", path: "/events/new", allowed: CREATORS },
  {
    door: "Create an event (incomplete form)",
    method: "POST",
    path: "/events/new",
    form: { title: "" },
    allowed: CREATORS,
    accepts: [400],
  },
  { door: "Dev mailbox (sign-in links inside)", method: "GET", path: "/dev/mailbox", allowed: MAILBOX },
  { door: "A mail in the dev mailbox", method: "GET", path: "/dev/mailbox/{mailId}", allowed: MAILBOX },
  {
    door: "A mail's attachment in the dev mailbox",
    method: "GET",
    path: "/dev/mailbox/{mailId}/attachments/0",
    allowed: MAILBOX,
  },

  // ---- the event's public side ----
  { door: "Event page", method: "GET", path: "/events/{slug}", allowed: ALL },
  {
    door: "Register (incomplete form)",
    method: "POST",
    path: "/events/{slug}?index",
    form: { intent: "register" },
    allowed: ALL,
    accepts: [400],
  },
  {
    door: "Announce to the event",
    method: "POST",
    path: "/events/{slug}",
    form: { intent: "announce", message: "Matrix test" },
    allowed: RUNS_ROUNDS,
  },
  { door: "Event calendar file", method: "GET", path: "/events/{slug}/calendar.ics", allowed: ALL },
  { door: "Invitation page (emailed link)", method: "GET", path: "/invitations/{invitationToken}", allowed: ALL },
  {
    door: "Accept an invitation sent to another address",
    method: "POST",
    path: "/invitations/{newInvitationToken}",
    allowed: ["anonymous"],
  },
  {
    door: "A registration's page (emailed link)",
    method: "GET",
    path: "/registrations/{registrationToken}",
    allowed: ALL,
  },
  {
    door: "Cancel a registration (emailed link)",
    method: "POST",
    path: "/registrations/{newRegistrationToken}",
    form: { intent: "cancel" },
    allowed: ALL,
  },
  { door: "Published report", method: "GET", path: "/events/{slug}/report", allowed: ALL },
  { door: "Published report download", method: "GET", path: "/events/{slug}/report/files/md?version=1", allowed: ALL },
  { door: "Follow-up of action items", method: "GET", path: "/events/{slug}/follow-up", allowed: ALL },
  { door: "Follow-up CSV", method: "GET", path: "/events/{slug}/follow-up.csv", allowed: ALL },
  { door: "Follow-up calendar", method: "GET", path: "/events/{slug}/follow-up.ics", allowed: ALL },

  // ---- managing the event ----
  { door: "Manage: figures", method: "GET", path: "/events/{slug}/manage", allowed: ["organiser", "secretariat"] },
  {
    door: "Manage: publish or cancel the event",
    method: "POST",
    path: "/events/{slug}/manage?index",
    form: { status: "published", confirmed: "yes" },
    allowed: ["organiser"],
  },
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
  {
    door: "Check a participant in",
    method: "POST",
    path: "/events/{slug}/manage/participants",
    form: { intent: "checkin", registrationId: "{registrationId}" },
    allowed: ["organiser", "facilitator", "secretariat"],
  },
  {
    door: "Reject a registration",
    method: "POST",
    path: "/events/{slug}/manage/participants",
    form: { intent: "reject", registrationId: "{newRegistration}", confirmed: "yes" },
    allowed: ["organiser"],
  },
  { door: "Manage: settings", method: "GET", path: "/events/{slug}/manage/settings", allowed: ["organiser"] },
  {
    door: "Save the settings (incomplete form)",
    method: "POST",
    path: "/events/{slug}/manage/settings",
    form: { title: "" },
    allowed: ["organiser"],
    accepts: [400],
  },
  { door: "Manage: agenda", method: "GET", path: "/events/{slug}/manage/agenda", allowed: ["organiser"] },
  {
    door: "Add an agenda item",
    method: "POST",
    path: "/events/{slug}/manage/agenda",
    form: { kind: "other", title: "Matrix test", startsAt: "{eventDay}T13:00", endsAt: "{eventDay}T13:10" },
    allowed: ["organiser"],
  },
  {
    door: "Change an agenda item",
    method: "POST",
    path: "/events/{slug}/manage/agenda",
    form: {
      intent: "update",
      itemId: "{newAgendaItem}",
      kind: "other",
      title: "Matrix test",
      startsAt: "{eventDay}T13:00",
      endsAt: "{eventDay}T13:10",
    },
    allowed: ["organiser"],
  },
  {
    door: "Delete an agenda item",
    method: "POST",
    path: "/events/{slug}/manage/agenda",
    form: { intent: "delete", itemId: "{newAgendaItem}", confirmed: "yes" },
    allowed: ["organiser"],
  },
  { door: "Manage: registration form", method: "GET", path: "/events/{slug}/manage/form", allowed: ["organiser"] },
  {
    door: "Add a stakeholder category",
    method: "POST",
    path: "/events/{slug}/manage/form",
    form: { intent: "add-category", label: "Matrix {uuid}" },
    allowed: ["organiser"],
  },
  {
    door: "Rename a stakeholder category",
    method: "POST",
    path: "/events/{slug}/manage/form",
    form: { intent: "rename-category", id: "{newCategory}", label: "Matrix renamed" },
    allowed: ["organiser"],
  },
  {
    door: "Remove a stakeholder category",
    method: "POST",
    path: "/events/{slug}/manage/form",
    form: { intent: "remove-category", id: "{newCategory}", confirmed: "yes" },
    allowed: ["organiser"],
  },
  {
    door: "Add a registration question",
    method: "POST",
    path: "/events/{slug}/manage/form",
    form: { intent: "add-question", kind: "short_text", label: "Matrix question" },
    allowed: ["organiser"],
  },
  {
    door: "Move a registration question",
    method: "POST",
    path: "/events/{slug}/manage/form",
    form: { intent: "down", id: "{newQuestion}" },
    allowed: ["organiser"],
  },
  {
    door: "Remove a registration question",
    method: "POST",
    path: "/events/{slug}/manage/form",
    form: { intent: "remove-question", id: "{newQuestion}", confirmed: "yes" },
    allowed: ["organiser"],
  },
  { door: "Manage: team", method: "GET", path: "/events/{slug}/manage/team", allowed: ["organiser"] },
  {
    door: "Invite someone to the team",
    method: "POST",
    path: "/events/{slug}/manage/team",
    form: { email: "{uuid}@matrix.test", role: "facilitator" },
    allowed: ["organiser"],
  },
  { door: "Audit log", method: "GET", path: "/events/{slug}/manage/audit", allowed: ["organiser"] },

  // ---- breakout rounds ----
  { door: "Breakout rounds", method: "GET", path: "/events/{slug}/breakouts", allowed: RUNS_ROUNDS },
  {
    door: "Create a breakout round for an agenda item",
    method: "POST",
    path: "/events/{slug}/breakouts?index",
    form: { title: "Matrix round", roomCount: "2", durationMinutes: "20", agendaItemId: "{agendaItemId}" },
    allowed: RUNS_ROUNDS,
  },
  { door: "A breakout round", method: "GET", path: "/events/{slug}/breakouts/{roundId}", allowed: RUNS_ROUNDS },
  {
    door: "Open a round",
    method: "POST",
    path: "/events/{slug}/breakouts/{roundId}",
    form: { intent: "open" },
    allowed: RUNS_ROUNDS,
  },
  {
    door: "Close a round (that is not running)",
    method: "POST",
    path: "/events/{slug}/breakouts/{spareRound}",
    form: { intent: "close" },
    allowed: RUNS_ROUNDS,
  },
  {
    door: "Extend a round",
    method: "POST",
    path: "/events/{slug}/breakouts/{roundId}",
    form: { intent: "extend" },
    allowed: RUNS_ROUNDS,
  },
  {
    door: "Message all rooms",
    method: "POST",
    path: "/events/{slug}/breakouts/{roundId}",
    form: { intent: "message", message: "Matrix test" },
    allowed: RUNS_ROUNDS,
  },
  {
    door: "Assign rooms automatically",
    method: "POST",
    path: "/events/{slug}/breakouts/{spareRound}",
    form: { intent: "assign", seed: "7" },
    allowed: RUNS_ROUNDS,
  },
  {
    door: "Edit a room",
    method: "POST",
    path: "/events/{slug}/breakouts/{spareRound}",
    form: { intent: "room", roomId: "{spareRoom}", name: "Matrix room", question: "" },
    allowed: RUNS_ROUNDS,
  },
  {
    door: "Move someone to a room",
    method: "POST",
    path: "/events/{slug}/breakouts/{spareRound}",
    form: { intent: "move", userId: "{spareUser}", roomId: "{spareRoom}" },
    allowed: RUNS_ROUNDS,
  },
  {
    door: "Give someone a room role",
    method: "POST",
    path: "/events/{slug}/breakouts/{spareRound}",
    form: { intent: "role", userId: "{spareUser}", role: "participant" },
    allowed: RUNS_ROUNDS,
  },
  {
    door: "Resolve a help request",
    method: "POST",
    path: "/events/{slug}/breakouts/{roundId}",
    form: { intent: "resolve", helpId: "{newHelp}" },
    allowed: RUNS_ROUNDS,
  },
  { door: "Live session", method: "GET", path: "/events/{slug}/live", allowed: IN_EVENT },

  // ---- boards ----
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
    allowed: RUNS_ROUNDS,
  },

  // ---- report and follow-up ----
  { door: "Report editor", method: "GET", path: "/events/{slug}/report/edit", allowed: TEAM },
  { door: "Draft report download", method: "GET", path: "/events/{slug}/report/files/md?version=draft", allowed: TEAM },
  {
    door: "Rapporteur's summary of a room",
    method: "GET",
    path: "/events/{slug}/boards/{otherBoard}/summary",
    allowed: TEAM,
  },
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
    door: "Edit a registration question",
    method: "POST",
    path: "/events/{slug}/manage/form",
    form: { intent: "update-question", id: "{newQuestion}", kind: "short_text", label: "Which theme matters most?" },
    allowed: ["organiser"],
  },
  {
    door: "Questions for every room",
    method: "POST",
    path: "/events/{slug}/breakouts/{roundId}",
    form: { intent: "questions", questions: "What stops migrant women from being heard?" },
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
    door: "Add a link to the report's resources",
    method: "POST",
    path: "/events/{slug}/report/edit",
    form: { intent: "add-resource", title: "Matrix link", url: "https://matrix.test/" },
    allowed: ["rapporteur", "organiser", "secretariat"],
  },
  {
    door: "Remove a link from the report's resources",
    method: "POST",
    path: "/events/{slug}/report/edit",
    form: { intent: "remove-resource", resourceId: "{newResource}" },
    allowed: ["rapporteur", "organiser", "secretariat"],
  },
  { door: "Manage action items", method: "GET", path: "/events/{slug}/actions", allowed: ACTIONS },
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
    allowed: ACTIONS,
  },
  {
    door: "Create an action item from a cluster",
    method: "POST",
    path: "/events/{slug}/actions",
    form: { intent: "create", title: "Matrix test", clusterId: "{newCluster}" },
    allowed: ACTIONS,
  },
  {
    door: "Update an action item",
    method: "POST",
    path: "/events/{slug}/actions",
    form: { intent: "update", itemId: "{itemId}", title: "Matrix test item", status: "agreed" },
    allowed: ACTIONS,
  },
  {
    door: "Delete an action item",
    method: "POST",
    path: "/events/{slug}/actions",
    form: { intent: "delete", itemId: "{newItem}", confirmed: "yes" },
    allowed: ACTIONS,
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
    allowed: RUNS_ROUNDS,
  },

  // ---- live session ----
  { door: "Join the live session", event: "live:join", payload: { eventId: "{eventId}" }, allowed: IN_EVENT },
  {
    door: "Enter Room C (the room of the participant, and of the secretariat)",
    event: "room:enter",
    payload: { eventId: "{eventId}", roomId: "{ownRoom}" },
    allowed: ["participant", "secretariat", ...RUNS_ROUNDS],
  },
  {
    door: "Leave one's room (nothing to refuse)",
    event: "room:leave",
    payload: { eventId: "{eventId}" },
    allowed: ALL,
  },
  {
    door: "Ask for help",
    event: "round:help",
    payload: { eventId: "{eventId}", message: "Matrix test" },
    allowed: IN_EVENT,
  },
  {
    door: "Choose a room (self-select round)",
    event: "round:choose",
    payload: { eventId: "{eventId}", roomId: "{spareRoom}" },
    allowed: IN_EVENT,
  },
  {
    door: "Open a round",
    event: "round:open",
    payload: { eventId: "{eventId}", roundId: "{roundId}" },
    allowed: RUNS_ROUNDS,
  },
  {
    door: "Close a round (that is not running)",
    event: "round:close",
    payload: { eventId: "{eventId}", roundId: "{spareRound}" },
    allowed: RUNS_ROUNDS,
  },
  {
    door: "Extend the round",
    event: "round:extend",
    payload: { eventId: "{eventId}", roundId: "{roundId}", minutes: 1 },
    allowed: RUNS_ROUNDS,
  },
  {
    door: "Message all rooms",
    event: "round:message",
    payload: { eventId: "{eventId}", roundId: "{roundId}", message: "Matrix test" },
    allowed: RUNS_ROUNDS,
  },

  // ---- boards ----
  { door: "Join own room's board", event: "board:join", payload: { boardId: "{ownBoard}" }, allowed: IN_EVENT },
  { door: "Join another room's board", event: "board:join", payload: { boardId: "{otherBoard}" }, allowed: TEAM },
  {
    door: "Leave a board (nothing to refuse)",
    event: "board:leave",
    payload: { boardId: "{otherBoard}" },
    allowed: ALL,
  },
  {
    door: "Catch up on own room's board",
    event: "board:sync",
    payload: { boardId: "{ownBoard}", afterSeq: 0 },
    allowed: IN_EVENT,
  },
  {
    door: "Catch up on another room's board",
    event: "board:sync",
    payload: { boardId: "{otherBoard}", afterSeq: 0 },
    allowed: TEAM,
  },
  {
    door: "Post a note on own room's board",
    event: "board:op",
    payload: boardOp("{ownBoard}", { type: "note.create", noteId: "{uuid}", category: "barriers", text: "Matrix" }),
    allowed: WRITERS,
  },
  {
    door: "Post a note on another room's board",
    event: "board:op",
    payload: boardOp("{otherBoard}", { type: "note.create", noteId: "{uuid}", category: "barriers", text: "Matrix" }),
    allowed: ["rapporteur", ...RUNS_ROUNDS],
  },
  {
    door: "Post on the synthesis board",
    event: "board:op",
    payload: boardOp("{synthesis}", { type: "note.create", noteId: "{uuid}", category: "barriers", text: "Matrix" }),
    allowed: ["rapporteur", ...RUNS_ROUNDS],
  },
  {
    door: "Edit a participant's note",
    event: "board:op",
    payload: boardOp("{ownBoard}", { type: "note.update", noteId: "{newNote}", text: "Edited", version: 1 }),
    allowed: ["participant", ...RUNS_ROUNDS],
  },
  {
    door: "Delete a participant's note",
    event: "board:op",
    payload: boardOp("{ownBoard}", { type: "note.delete", noteId: "{newNote}" }),
    allowed: ["participant", ...RUNS_ROUNDS],
  },
  {
    door: "Hide a note",
    event: "board:op",
    payload: boardOp("{ownBoard}", { type: "note.hide", noteId: "{newNote}", hidden: true }),
    allowed: RUNS_ROUNDS,
  },
  {
    door: "Move a note out of its cluster",
    event: "board:op",
    payload: boardOp("{ownBoard}", { type: "note.move", noteId: "{newNote}", clusterId: null }),
    allowed: RUNS_ROUNDS,
  },
  {
    door: "React to a note",
    event: "board:op",
    payload: boardOp("{ownBoard}", { type: "note.react", noteId: "{newNote}", emoji: "👍", on: true }),
    allowed: WRITERS,
  },
  {
    door: "Comment on a note",
    event: "board:op",
    payload: boardOp("{ownBoard}", { type: "note.comment", noteId: "{newNote}", commentId: "{uuid}", text: "Yes" }),
    allowed: WRITERS,
  },
  {
    door: "Vote (outside the vote phase)",
    event: "board:op",
    payload: boardOp("{ownBoard}", { type: "vote.set", noteId: "{newNote}", dots: 1 }),
    allowed: WRITERS,
  },
  {
    door: "Create a cluster",
    event: "board:op",
    payload: boardOp("{ownBoard}", { type: "cluster.create", clusterId: "{uuid}", label: "Matrix" }),
    allowed: RUNS_ROUNDS,
  },
  {
    door: "Rename a cluster",
    event: "board:op",
    payload: boardOp("{ownBoard}", { type: "cluster.rename", clusterId: "{newCluster}", label: "Renamed" }),
    allowed: RUNS_ROUNDS,
  },
  {
    door: "Delete a cluster",
    event: "board:op",
    payload: boardOp("{ownBoard}", { type: "cluster.delete", clusterId: "{newCluster}" }),
    allowed: RUNS_ROUNDS,
  },
  {
    door: "Merge clusters",
    event: "board:op",
    payload: boardOp("{ownBoard}", {
      type: "cluster.merge",
      clusterId: "{newCluster}",
      fromClusterId: "{newCluster2}",
    }),
    allowed: RUNS_ROUNDS,
  },
  {
    door: "Set the board's phase",
    event: "board:op",
    payload: boardOp("{ownBoard}", { type: "board.phase", phase: "group" }),
    allowed: RUNS_ROUNDS,
  },
  {
    door: "Lock a board",
    event: "board:op",
    payload: boardOp("{ownBoard}", { type: "board.lock", locked: false }),
    allowed: RUNS_ROUNDS,
  },
  {
    door: "Set the board's timer",
    event: "board:op",
    payload: boardOp("{ownBoard}", { type: "board.timer", minutes: 0 }),
    allowed: RUNS_ROUNDS,
  },
  {
    door: "Gather the rooms' notes on the synthesis board",
    event: "board:op",
    payload: boardOp("{synthesis}", { type: "synthesis.pull", category: "opportunities" }),
    allowed: RUNS_ROUNDS,
  },
  {
    door: "Keep gathering a category on the synthesis board",
    event: "board:op",
    payload: boardOp("{synthesis}", { type: "synthesis.follow", category: "opportunities", on: false }),
    allowed: RUNS_ROUNDS,
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
    "Generated from `tests/access/matrix.ts` by `npm run docs:access`; the access tests run every row against the real server, so this page and the behaviour cannot drift, and they fail when a page, an action or a socket event of the server has no row. ✅ let in (the door answers: a result, or a business rule such as “this round is not running”), — refused (sign-in asked, 401, 403 or 404).",
    "",
    "The *organiser of another event* tries every door with this event's ids: where the door names an object (a round, a board, a note, an item), they name it from their own event, where they pass every permission check, so only the object's event can stop them; where it names only the event, it is this one.",
    "",
    "## Pages, actions and files (HTTP)",
    "",
    ...head("Door"),
    ...HTTP.map((d) => row(`${d.door} — \`${d.method} ${d.path}\``, d.allowed)),
    "",
    "## Realtime (Socket.IO events)",
    "",
    ...head("Event"),
    ...SOCKET.map((d) => {
      const type = (d.payload.op as { type?: string } | undefined)?.type;
      return row(`${d.door} — \`${d.event}${type ? ` ${type}` : ""}\``, d.allowed);
    }),
    "",
  ].join("\n");
}
