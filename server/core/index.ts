import type { Db } from "../db/client";
import { createAuthService } from "./auth/service";
import type { RealtimeBus } from "./bus";
import { type Clock, systemClock } from "./clock";
import { createEventService } from "./events/service";
import { checkHealth } from "./health";
import type { Logger } from "./logger";
import { createDevMailbox } from "./mail/dev-mailbox";
import type { Mailer } from "./mail/mailer";
import { createBoardService } from "./boards/service";
import { busWithAccessEpochs, createAccessEpochs } from "./boards/access-cache";
import { createBreakoutService } from "./breakouts/service";
import { createEventManagement } from "./events/manage";
import { createInvitationService } from "./invitations/service";
import { type Actor, requirePermission } from "./permissions";
import { listParticipants } from "./registration/dashboard";
import { exportParticipantsCsv } from "./registration/export";
import { registrationFigures } from "./registration/figures";
import { createRegistrationService } from "./registration/service";
import { createSignedLinks } from "./signed-links";
import { type ClusteringEngine, createClusteringEngine } from "./clustering/engine";
import { createClusteringService } from "./clustering/service";
import { createRoomSummaryService } from "./reports/room-summaries";
import { createReportService } from "./reports/service";
import type { ModelConfig } from "./reports/writing/config";
import { createActionService } from "./actions/service";
import { createAccountService } from "./account/service";
import { createPlatformService } from "./platform/service";
import { createContentService } from "./content/service";

export interface CoreDeps {
  db: Db;
  bus: RealtimeBus;
  mailer: Mailer;
  log: Logger;
  /** Signs emailed links that carry their own proof (see signed-links.ts). */
  secret: string;
  /** Base URL for links in emails sent outside a request (PUBLIC_URL). */
  publicUrl?: string;
  clock?: Clock;
  /** Suggests clusters; the built-in lexical engine unless the server configured an embeddings provider. */
  clustering?: ClusteringEngine;
  /** How often presence is announced (see presence.ts); tests shorten it. */
  presenceBeatMs?: number;
  /** A language model that drafts report prose (LLM_URL, LLM_MODEL); the offline writer otherwise, and as fall-back. */
  reportModel?: ModelConfig | null;
}

/**
 * The domain core: every rule of Plenary, reachable by both doors (Remix
 * loaders/actions and Socket.IO handlers). The server builds exactly one.
 */
export function createCore(deps: CoreDeps) {
  const clock = deps.clock ?? systemClock;
  // Board access decisions cached per connection stay fresh through these epochs, which every
  // service's announcement of a role, assignment or rule change (bus.accessChanged) bumps.
  const epochs = createAccessEpochs();
  const bus = busWithAccessEpochs(deps.bus, epochs);
  const full = { ...deps, bus, clock, links: createSignedLinks(deps.secret) };
  const registrations = createRegistrationService(full);
  const clusteringEngine = deps.clustering ?? createClusteringEngine();
  const boards = createBoardService({ ...full, access: epochs });
  return {
    log: deps.log,
    /** How mail leaves this instance ("devmail" keeps it in the dev mailbox), for the administrator's page. */
    mailKind: deps.mailer.kind,
    clock,
    auth: createAuthService(full),
    events: createEventService(full),
    manage: createEventManagement({
      ...full,
      // Without a request there is no base URL for links: promotions then email the configured PUBLIC_URL.
      onCapacityRaised: async (eventId) =>
        void (await registrations.promoteFromWaitlist(eventId, deps.publicUrl ?? "http://localhost:3000")),
      // The Chatham House rule changed: open boards show authors afresh.
      onViewsChanged: (eventId) => boards.refreshViews(eventId),
    }),
    registrations,
    participants: {
      list: (actor: Actor, eventId: string, query: unknown) => listParticipants(deps.db, actor, eventId, query),
      exportCsv: (actor: Actor, eventId: string) => exportParticipantsCsv(deps.db, actor, eventId),
      figures: async (actor: Actor, eventId: string) => {
        await requirePermission(deps.db, actor, eventId, "event.view_participants");
        return registrationFigures(deps.db, eventId);
      },
    },
    invitations: createInvitationService(full),
    breakouts: createBreakoutService(full),
    boards,
    clustering: createClusteringService({ db: deps.db, engine: clusteringEngine }),
    reports: createReportService({ db: deps.db, clock, engine: clusteringEngine, model: deps.reportModel ?? null }),
    roomSummaries: createRoomSummaryService({ db: deps.db }),
    actions: createActionService({ db: deps.db, clock, mailer: deps.mailer, log: deps.log }),
    account: createAccountService({
      db: deps.db,
      bus,
      clock,
      promote: (eventId) => registrations.promoteFromWaitlist(eventId, deps.publicUrl ?? "http://localhost:3000"),
      // A deleted author's notes read "former participant" from now on, on open boards too.
      refreshViews: (eventId) => boards.refreshViews(eventId),
    }),
    devMailbox: createDevMailbox(deps.db, { enabled: deps.mailer.kind === "devmail" }),
    platform: createPlatformService({ db: deps.db, bus, clock }),
    /** The organisers' words in every working language (content/languages.ts decides which one a reader gets). */
    content: createContentService({ db: deps.db }),
    health: () => checkHealth(deps.db),
  };
}

export type Core = ReturnType<typeof createCore>;
export type { EventRole } from "./permissions";
export type { Actor };
export { isDomainError, httpStatusOf } from "./errors";
export type { DomainError, FieldErrors } from "./errors";
