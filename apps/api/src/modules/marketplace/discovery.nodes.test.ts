// Several API nodes on one database (issue 17): each node caches discovery answers, and a change made
// through one node (or past the API) reaches every node's cache through PostgreSQL LISTEN/NOTIFY at once,
// not after the TTL. On PGlite both apps share the one in-process database and its notifications.
// A listening connection that is cut and reconnects: discovery.nodes.pg.test.ts (a server's backends only).
import { offering } from "@bgm/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { api, signUpCompany } from "../../../test/helpers.js";
import { titlesOn, useTwoNodes, within } from "./discovery.nodes.fixture.js";
import { publishOffering } from "./test-fixtures.js";

const nodes = useTwoNodes();

describe("discovery cache on two nodes", () => {
  it("a publish, an edit and an archive through node A show on node B at once", async () => {
    const { providerOnA, companyOnB } = nodes;
    expect(await titlesOn(companyOnB, "Faszien")).toEqual([]); // cached on B now
    const { id } = await publishOffering(providerOnA, { title: "Faszientraining" });
    const publishMs = await within(2000, async () => (await titlesOn(companyOnB, "Faszien")).length === 1);

    await providerOnA.patch(`/api/provider/offerings/${id}`, { title: "Faszienrolle kompakt" });
    await within(2000, async () => (await titlesOn(companyOnB, "Faszien"))[0] === "Faszienrolle kompakt");

    await providerOnA.patch(`/api/provider/offerings/${id}`, { status: "archived" });
    await within(2000, async () => (await titlesOn(companyOnB, "Faszien")).length === 0);
    expect(publishMs).toBeLessThan(2000);
  });

  it("a provider profile change through node A shows in node B's region filter", async () => {
    const { providerOnA, companyOnB } = nodes;
    await publishOffering(providerOnA, { title: "Atemkurs" });
    const inBavaria = async () => {
      const res = await companyOnB.get("/api/marketplace/offerings?q=Atemkurs&region=Bayern");
      return (res.json() as { items: unknown[] }).items.length;
    };
    await within(2000, async () => (await inBavaria()) === 0);
    await providerOnA.patch("/api/provider/profile", { regions: ["Bayern"] });
    await within(2000, async () => (await inBavaria()) === 1);
  });

  it("a change written past the API (SQL) reaches both nodes' caches", async () => {
    const { database, nodeA, providerOnA, companyOnB } = nodes;
    const { id } = await publishOffering(providerOnA, { title: "Meditation" });
    const companyOnA = api(nodeA, (await signUpCompany(nodeA, { name: "Direkt GmbH" })).cookie);
    await within(2000, async () => (await titlesOn(companyOnB, "Meditation")).length === 1);
    expect(await titlesOn(companyOnA, "Meditation")).toEqual(["Meditation"]);
    await database.db.update(offering).set({ title: "Meditation am Morgen" }).where(eq(offering.id, id));
    await within(2000, async () => (await titlesOn(companyOnB, "Meditation"))[0] === "Meditation am Morgen");
    await within(2000, async () => (await titlesOn(companyOnA, "Meditation"))[0] === "Meditation am Morgen");
  });
});
