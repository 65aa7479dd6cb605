import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createTestApp, signIn, type TestApp } from "../../../test/helpers.js";
import { DEMO_PASSWORD } from "../../seed/demo-logins.js";
import { seedDemo } from "../../seed/seed-demo.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db, t.app.auth);
}, 180_000);
afterAll(() => t?.close());

describe("proactive suggestions on a fresh demo", () => {
  it("shows Petra a proactive suggestion notification once the jobs of the seed have run", async () => {
    await t.app.jobs.runDue({ now: new Date(Date.now() + 1000) });
    const petra = api(t.app, await signIn(t.app, "petra.manager@muster-gmbh.de", DEMO_PASSWORD));
    const notices = (await petra.get("/api/notifications?limit=100")).json().items as {
      kind: string;
      title: string;
      body: string;
      readAt: string | null;
    }[];
    // The seed adds Muster GmbH's goals and accepts ErgoProfi's ergonomic assessment and Upfit's participation
    // figures: the goals bring up new partners (one notice for the topic); the ergonomics partner is already booked.
    const proactive = notices.filter((n) => n.kind === "proactive_suggestions");
    expect(proactive).toHaveLength(1);
    expect(proactive[0]).toMatchObject({ title: "2 Partner passen zu Ihren neuen Schwerpunkten", readAt: null });
    expect(proactive[0]?.body).toContain(
      "Resilienztraining für Teams (MindBalance Coaching) – Passt zu Ihrem Ziel „Krankheitstage senken“",
    );
    // The seed's triggers fire together; whichever run takes the company's lock first records them (goal or
    // participation topic, both of which read the goals), the other finds nothing new.
    const items = (await petra.get("/api/proactive-suggestions")).json().items as { topic: string; offering: { title: string } }[];
    expect(items.map((s) => s.offering.title).sort()).toEqual(["COPSOQ-Analyse", "Resilienztraining für Teams"]);
    expect(["goal", "participation"]).toContain(items[0]?.topic);
  }, 120_000);
});
