import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../server/seed/demo";
import { testCore } from "../support/core";

describe("cluster suggestions on a board", () => {
  let t: Awaited<ReturnType<typeof testCore>>;
  let synthesisId: string;
  let facilitator: { userId: string; sessionId: string };
  let participant: { userId: string; sessionId: string };
  const op = (o: Record<string, unknown>) =>
    t.core.boards.apply(facilitator, { boardId: synthesisId, opId: randomUUID(), op: o });

  beforeAll(async () => {
    t = await testCore("sqlite");
    await seedDemo(t.db, t.clock.now());
    synthesisId = (await t.db.board.findFirstOrThrow({ where: { kind: "synthesis" } })).id;
    const id = async (email: string) => ({
      userId: (await t.db.user.findUniqueOrThrow({ where: { email } })).id,
      sessionId: "s",
    });
    facilitator = await id("facilitator@plenary.demo");
    participant = await id("participant@plenary.demo");
    await op({ type: "synthesis.pull", category: "barriers" });
  });
  afterAll(() => t.close());

  it("suggests clusters over every room's unclustered notes of one category, without changing the board", async () => {
    const before = (await t.db.board.findUniqueOrThrow({ where: { id: synthesisId } })).seq;
    const r = await t.core.clustering.suggest(facilitator, synthesisId, { category: "barriers" });
    const pulled = await t.db.note.findMany({ where: { boardId: synthesisId, category: "barriers" } });
    expect(r.considered).toBe(pulled.length);
    expect([...r.clusters.flatMap((c) => c.noteIds), ...r.unclustered].sort()).toEqual(pulled.map((n) => n.id).sort());
    expect(r.clusters.length).toBeGreaterThan(0);
    expect((await t.db.board.findUniqueOrThrow({ where: { id: synthesisId } })).seq).toBe(before);
  });

  it("turns an accepted suggestion into a real cluster through the board operation, then suggests only for what is left", async () => {
    const r = await t.core.clustering.suggest(facilitator, synthesisId, { category: "barriers", k: 3 });
    const s = r.clusters[0]!;
    const clusterId = randomUUID();
    await op({ type: "cluster.create", clusterId, label: s.label, category: "barriers", noteIds: s.noteIds });
    const inCluster = await t.db.note.findMany({ where: { clusterId } });
    expect(inCluster.map((n) => n.id).sort()).toEqual([...s.noteIds].sort());
    expect(await t.db.boardOp.count({ where: { boardId: synthesisId, type: "cluster.create" } })).toBe(1);

    const again = await t.core.clustering.suggest(facilitator, synthesisId, { category: "barriers" });
    expect(again.considered).toBe(r.considered - s.noteIds.length);
    expect(again.clusters.flatMap((c) => c.noteIds)).not.toContain(s.noteIds[0]);

    const placed = await t.core.clustering.place(facilitator, synthesisId, { category: "barriers" });
    for (const p of placed.placements) expect(p.clusterId).toBe(clusterId);
  });

  it("refuses participants, unknown categories and silly numbers of clusters with clear errors", async () => {
    await expect(t.core.clustering.suggest(participant, synthesisId, { category: "barriers" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(t.core.clustering.suggest(null, synthesisId, { category: "barriers" })).rejects.toMatchObject({
      code: "unauthenticated",
    });
    await expect(t.core.clustering.suggest(facilitator, synthesisId, { category: "nope" })).rejects.toMatchObject({
      code: "validation",
    });
    await expect(
      t.core.clustering.suggest(facilitator, synthesisId, { category: "barriers", k: "lots" }),
    ).rejects.toMatchObject({ code: "validation" });
    await expect(
      t.core.clustering.suggest(facilitator, "no-such-board", { category: "barriers" }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
