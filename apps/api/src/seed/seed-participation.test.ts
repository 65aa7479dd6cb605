import { engagement, intervention, offering, participation } from "@bgm/db";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoTestApp } from "../../test/demo-app.js";
import { type Api, api, createTestApp, signIn, type TestApp } from "../../test/helpers.js";
import { DEMO_PASSWORD } from "./demo-logins.js";
import { seedParticipationIntoExistingDemo } from "./seed-participation.js";

/** The demo world's participation data: reports are not empty on a first start, and Max can register. */
let t: TestApp;
let petra: Api;
let max: Api;

interface Listed {
  id: string;
  title: string;
  status: string;
  providerName: string | null;
  engagementId: string | null;
  certificationId: string | null;
  sessionCount: number;
}

beforeAll(async () => {
  ({ t, petra } = await createDemoTestApp());
  max = api(t.app, await signIn(t.app, "max.mitarbeiter@muster-gmbh.de", DEMO_PASSWORD));
}, 300_000);
afterAll(() => t?.close());

describe("participation demo data", () => {
  it("gives Muster GmbH a Lunch & Learn with Upfit, a certified 8-week §20 course and a closed workshop series", async () => {
    const items = (await petra.get("/api/interventions")).json().items as Listed[];
    const byTitle = new Map(items.map((i) => [i.title, i]));
    expect([...byTitle.keys()].sort()).toEqual([
      "Lunch & Learn: Gesunde Ernährung",
      "Rückenfit-Kurs (8 Wochen)",
      "Stressbewältigung im Arbeitsalltag",
    ]);
    expect(byTitle.get("Lunch & Learn: Gesunde Ernährung")).toMatchObject({ providerName: "Upfit", status: "open", sessionCount: 5 });
    expect(byTitle.get("Lunch & Learn: Gesunde Ernährung")?.engagementId).not.toBeNull();
    expect(byTitle.get("Rückenfit-Kurs (8 Wochen)")).toMatchObject({
      providerName: "Rückenpause GmbH",
      certificationId: "ZPP KU-20-004711",
      sessionCount: 8,
    });
    expect(byTitle.get("Stressbewältigung im Arbeitsalltag")?.status).toBe("closed");

    const course = (await petra.get(`/api/interventions/${byTitle.get("Rückenfit-Kurs (8 Wochen)")?.id}`)).json();
    const past = course.sessions.filter((s: { endsAt: string }) => Date.parse(s.endsAt) < Date.now());
    expect(past).toHaveLength(5);
    expect(past.every((s: { counts: { attended: number } }) => s.counts.attended > 0)).toBe(true);
  });

  it("shows 28/32 teilgenommen for the first Lunch & Learn", async () => {
    const items = (await petra.get("/api/interventions")).json().items as Listed[];
    const lunch = (await petra.get(`/api/interventions/${items.find((i) => i.title.startsWith("Lunch"))?.id}`)).json();
    const first = lunch.sessions[0];
    const list = (await petra.get(`/api/participation-sessions/${first.id}/attendance`)).json();
    expect(list.summary).toEqual({ attended: 28, expected: 32, rate: 0.875 });
    expect(list.rows[0].firstName).not.toBe("");
  });

  it("lets the demo employee register for the next Lunch & Learn; he is already in the back course", async () => {
    const open = (await max.get("/api/me/interventions")).json().items as {
      title: string;
      sessions: { id: string; registrationOpen: boolean; mine: { status: string } | null }[];
    }[];
    const lunch = open.find((i) => i.title.startsWith("Lunch & Learn"));
    const next = lunch?.sessions[0];
    expect(next).toMatchObject({ registrationOpen: true, mine: null });
    const res = await max.post(`/api/me/participation-sessions/${next?.id}/registration`);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().status).toBe("registered");
    const back = open.find((i) => i.title.startsWith("Rückenfit"));
    expect(back?.sessions.map((s) => s.mine?.status)).toEqual(["registered", "registered", "registered"]);
    const history = (await max.get("/api/me/participations?limit=100")).json().items as { status: string }[];
    expect(history.filter((h) => h.status === "attended").length).toBeGreaterThanOrEqual(6);
  });

  it("does nothing when run again", async () => {
    const before = [(await t.database.db.select().from(intervention)).length, (await t.database.db.select().from(participation)).length];
    expect(await seedParticipationIntoExistingDemo(t.database.db)).toBe(false);
    const items = (await petra.get("/api/interventions")).json().items as Listed[];
    expect(items).toHaveLength(3);
    const after = [(await t.database.db.select().from(intervention)).length, (await t.database.db.select().from(participation)).length];
    expect(after).toEqual(before);
    // Without a demo company, there is nothing to add to.
    const empty = await createTestApp();
    expect(await seedParticipationIntoExistingDemo(empty.database.db)).toBe(false);
    await empty.close();
  });

  it("adds the data to a demo database from before participation tracking, on its next start", async () => {
    const db = t.database.db;
    // Back to the demo world as it was: no interventions, no engagements about the two new offerings.
    await db.delete(intervention);
    const added = await db
      .select({ id: engagement.id })
      .from(engagement)
      .innerJoin(offering, eq(offering.id, engagement.offeringId))
      .where(inArray(offering.title, ["Lunch & Learn: Gesunde Ernährung", "Rückenfit-Kurs (8 Wochen)"]));
    await db.delete(engagement).where(
      inArray(
        engagement.id,
        added.map((e) => e.id),
      ),
    );
    expect(await seedParticipationIntoExistingDemo(db)).toBe(true);
    const items = (await petra.get("/api/interventions")).json().items as Listed[];
    expect(items.map((i) => i.title).sort()).toEqual([
      "Lunch & Learn: Gesunde Ernährung",
      "Rückenfit-Kurs (8 Wochen)",
      "Stressbewältigung im Arbeitsalltag",
    ]);
    expect(await seedParticipationIntoExistingDemo(db)).toBe(false);
  });
});
