import { describe, expect, it } from "vitest";
import { EVENT_ROLES, PERMISSIONS, allows, requireUser } from "../../server/core/permissions";

describe("permissions", () => {
  it("lets organisers and facilitators announce, not participants", () => {
    expect(allows(["organiser"], "event.announce")).toBe(true);
    expect(allows(["facilitator"], "event.announce")).toBe(true);
    expect(allows(["participant"], "event.announce")).toBe(false);
    expect(allows([], "event.announce")).toBe(false);
    expect(allows(["participant", "facilitator"], "event.announce")).toBe(true);
  });

  it("names only known roles", () => {
    for (const roles of Object.values(PERMISSIONS)) for (const r of roles) expect(EVENT_ROLES).toContain(r);
  });

  it("refuses anonymous actors with an unauthenticated error", () => {
    expect(() => requireUser(null)).toThrow(expect.objectContaining({ code: "unauthenticated" }));
  });
});
