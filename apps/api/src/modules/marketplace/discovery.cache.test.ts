import { DiscoveryQuery } from "@bgm/domain";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Api, api, createTestApp, signUpCompany, signUpProvider, type TestApp } from "../../../test/helpers.js";
import { AppError } from "../../lib/app-error.js";
import { createDiscoveryCache, DISCOVERY_CHANNEL, discoveryCacheKey } from "./discovery.cache.js";
import { toDiscoveryFilters } from "./discovery.service.js";
import { offeringBody, publishOffering, retitleSilently } from "./test-fixtures.js";

interface ListBody {
  items: { id: string; title: string; priceFromCents: number }[];
  total: number;
}

let t: TestApp;
let provider: Api;
let companyA: Api;
let companyB: Api;
let screeningId: string;

const search = async (as: Api, query: string) => {
  const res = await as.get(`/api/marketplace/offerings?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res;
};
const titlesOf = async (as: Api, query: string) => ((await search(as, query)).json() as ListBody).items.map((i) => i.title);
/** A change nobody is told about: only the TTL can reveal it, so it shows whether an answer came from the cache. */
const renameBehindTheApisBack = (id: string, title: string) => retitleSilently(t.database.db, id, title);

beforeAll(async () => {
  t = await createTestApp();
  provider = api(t.app, (await signUpProvider(t.app, { name: "Cache Partner" })).cookie);
  await provider.patch("/api/provider/profile", { regions: ["Hamburg"] });
  companyA = api(t.app, (await signUpCompany(t.app, { name: "Erste GmbH" })).cookie);
  companyB = api(t.app, (await signUpCompany(t.app, { name: "Zweite GmbH" })).cookie);
  screeningId = (
    await publishOffering(provider, {
      title: "Rückenscreening",
      description: "Station für den Gesundheitstag.",
      category: "health_day_module",
      relevantPhases: [3],
    })
  ).id;
  await publishOffering(provider, { title: "Rückenschule", description: "Acht Termine.", relevantPhases: [4] });
});
afterAll(() => t?.close());

describe("discovery cache", () => {
  // The setup's and earlier tests' writes clear the cache again when their notifications arrive, after the
  // commit: a test that shows an answer came from the cache must not have one arrive in the middle.
  beforeEach(() => t.notificationsSettled(DISCOVERY_CHANNEL));

  it("serves a repeated query from the cache, the same bytes to every company", async () => {
    const first = await search(companyA, "q=R%C3%BCcken");
    await renameBehindTheApisBack(screeningId, "Rückentest ohne API");
    const again = await search(companyA, "q=R%C3%BCcken");
    const otherCompany = await search(companyB, "q=R%C3%BCcken");
    expect(again.body).toBe(first.body);
    expect(otherCompany.body).toBe(first.body);
    expect(again.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(again.headers["cache-control"]).toBe("no-store");
    // A query never asked before runs against the database: different filters never share an entry.
    expect(await titlesOf(companyB, "q=R%C3%BCcken&limit=19")).toContain("Rückentest ohne API");
    expect(await titlesOf(companyA, "q=R%C3%BCcken&phase=3")).toEqual(["Rückentest ohne API"]);
    await provider.patch(`/api/provider/offerings/${screeningId}`, { title: "Rückenscreening" });
  });

  it("still checks the caller on every request", async () => {
    await search(companyA, "q=R%C3%BCcken");
    expect((await api(t.app).get("/api/marketplace/offerings?q=R%C3%BCcken")).statusCode).toBe(401);
    expect((await api(t.app, "bgm.session_token=forged.AAAA").get("/api/marketplace/offerings?q=R%C3%BCcken")).statusCode).toBe(401);
    expect((await companyA.get("/api/marketplace/offerings?priceMin=5&priceMax=1")).statusCode).toBe(400);
  });

  it("is not flushed by refused writes", async () => {
    const before = await search(companyA, "q=R%C3%BCcken");
    await renameBehindTheApisBack(screeningId, "Rückentest ohne API");
    expect((await api(t.app).post("/api/provider/offerings", offeringBody())).statusCode).toBe(401);
    expect((await companyA.patch(`/api/provider/offerings/${screeningId}`, { title: "Fremd" })).statusCode).toBe(403);
    expect((await search(companyA, "q=R%C3%BCcken")).body).toBe(before.body);
    await provider.patch(`/api/provider/offerings/${screeningId}`, { title: "Rückenscreening" });
    expect(await titlesOf(companyA, "q=R%C3%BCcken&phase=3")).toEqual(["Rückenscreening"]);
  });

  it("shows a new published offering, an edit and an archived offering on the next query", async () => {
    expect(await titlesOf(companyA, "q=Yoga")).toEqual([]);
    const yoga = await publishOffering(provider, { title: "Yoga am Arbeitsplatz", priceFromCents: 40_000 });
    expect(await titlesOf(companyA, "q=Yoga")).toEqual(["Yoga am Arbeitsplatz"]);

    expect(await titlesOf(companyB, "q=Yoga&priceMax=45000")).toEqual(["Yoga am Arbeitsplatz"]);
    await provider.patch(`/api/provider/offerings/${yoga.id}`, { priceFromCents: 50_000, title: "Yoga im Büro" });
    expect(await titlesOf(companyB, "q=Yoga&priceMax=45000")).toEqual([]);
    expect(await titlesOf(companyA, "q=Yoga")).toEqual(["Yoga im Büro"]);

    await provider.patch(`/api/provider/offerings/${yoga.id}`, { status: "archived" });
    expect(await titlesOf(companyA, "q=Yoga")).toEqual([]);
  });

  it("does not show a draft, and shows it once published", async () => {
    const draft = (await provider.post("/api/provider/offerings", offeringBody({ title: "Pilates Entwurf" }))).json() as { id: string };
    expect(await titlesOf(companyA, "q=Pilates")).toEqual([]);
    await provider.patch(`/api/provider/offerings/${draft.id}`, { status: "published" });
    expect(await titlesOf(companyA, "q=Pilates")).toEqual(["Pilates Entwurf"]);
  });

  it("shows a provider profile change (regions) on the next query", async () => {
    expect(await titlesOf(companyA, "q=R%C3%BCcken&region=Bayern")).toEqual([]);
    await provider.patch("/api/provider/profile", { regions: ["Hamburg", "Bayern"] });
    expect(await titlesOf(companyA, "q=R%C3%BCcken&region=Bayern")).toHaveLength(2);
    await provider.patch("/api/provider/profile", { regions: ["Hamburg"] });
    expect(await titlesOf(companyA, "q=R%C3%BCcken&region=Bayern")).toEqual([]);
  });

  it("forgets answers after the TTL (changes made by another server instance)", async () => {
    // Long enough that the silent retitle fits inside it on a busy machine; 150 ms did not always.
    const short = await createTestApp({ discoveryCache: { ttlMs: 1500, maxEntries: 10 } });
    try {
      const p = api(short.app, (await signUpProvider(short.app, { name: "TTL Partner" })).cookie);
      const c = api(short.app, (await signUpCompany(short.app)).cookie);
      const { id } = await publishOffering(p, { title: "Achtsamkeit" });
      // The publication's own notification clears the cache when it arrives (after the commit, asynchronously):
      // let it arrive before the answer that must outlive the silent change is cached.
      await short.notificationsSettled(DISCOVERY_CHANNEL);
      const titles = async () => ((await c.get("/api/marketplace/offerings?q=Achtsamkeit")).json() as ListBody).items.map((i) => i.title);
      expect(await titles()).toEqual(["Achtsamkeit"]);
      await retitleSilently(short.database.db, id, "Achtsamkeit plus");
      expect(await titles()).toEqual(["Achtsamkeit"]);
      await new Promise((resolve) => setTimeout(resolve, 1600));
      expect(await titles()).toEqual(["Achtsamkeit plus"]);
    } finally {
      await short.close();
    }
  });
});

describe("discoveryCacheKey", () => {
  const CURSOR = Buffer.from(JSON.stringify([0, "Rückenscreening", "00000000-0000-4000-8000-000000000000"])).toString("base64url");
  const keyOf = (qs: string) => discoveryCacheKey(toDiscoveryFilters(DiscoveryQuery.parse(Object.fromEntries(new URLSearchParams(qs)))));

  it("differs for every filter, cursor and limit", () => {
    const queries = [
      "",
      "q=R%C3%BCcken",
      "q=Ruecken",
      "category=movement",
      "category=coaching",
      "certification=ZPP",
      "deliveryMode=remote",
      "priceMin=100",
      "priceMax=100",
      "priceMin=100&priceMax=200",
      "phase=2",
      "phase=3",
      "region=Hamburg",
      "region=Bayern",
      `cursor=${CURSOR}`,
      "limit=10",
      "q=R%C3%BCcken&region=Hamburg",
      "q=Hamburg",
      `q=R%C3%BCcken&cursor=${CURSOR}`,
    ];
    const keys = queries.map(keyOf);
    expect(new Set(keys).size).toBe(queries.length);
  });

  it("is the same for the same normalized query", () => {
    expect(keyOf("region=Hamburg&q=R%C3%BCcken")).toBe(keyOf("q=R%C3%BCcken&region=Hamburg"));
    expect(keyOf("q=%20R%C3%BCcken%20")).toBe(keyOf("q=R%C3%BCcken"));
    expect(keyOf("limit=50")).toBe(keyOf(""));
  });
});

describe("createDiscoveryCache", () => {
  const deferred = () => {
    let resolve!: (v: Buffer) => void;
    const promise = new Promise<Buffer>((r) => {
      resolve = r;
    });
    return { promise, resolve };
  };
  const body = (text: string) => async () => Buffer.from(text);
  const text = async (answer: Promise<Buffer>) => (await answer).toString();

  it("runs one query for identical concurrent misses", async () => {
    const cache = createDiscoveryCache({ ttlMs: 10_000, maxEntries: 10 });
    let runs = 0;
    const d = deferred();
    const compute = () => {
      runs++;
      return d.promise;
    };
    const both = Promise.all([cache.answer("k", compute), cache.answer("k", compute)]);
    d.resolve(Buffer.from("body"));
    expect((await both).map(String)).toEqual(["body", "body"]);
    expect(await text(cache.answer("k", compute))).toBe("body");
    expect(runs).toBe(1);
  });

  it("does not keep an answer whose query overlapped a write", async () => {
    const cache = createDiscoveryCache({ ttlMs: 10_000, maxEntries: 10 });
    const d = deferred();
    const before = cache.answer("k", () => d.promise);
    await cache.afterWrite(async () => {});
    // A caller after the write does not join the query that started before it.
    const after = cache.answer("k", body("new"));
    d.resolve(Buffer.from("old"));
    expect(await text(before)).toBe("old");
    expect(await text(after)).toBe("new");
    expect(await text(cache.answer("k", body("newer")))).toBe("new");
  });

  it("invalidates after a write that may have committed, not after a refused one; can be turned off", async () => {
    const cache = createDiscoveryCache({ ttlMs: 10_000, maxEntries: 10 });
    await cache.answer("k", body("old"));
    await expect(cache.afterWrite(() => Promise.reject(AppError.forbidden("no")))).rejects.toThrow("no");
    expect(await text(cache.answer("k", body("new")))).toBe("old");
    await expect(cache.afterWrite(() => Promise.reject(new Error("connection lost")))).rejects.toThrow("connection lost");
    expect(await text(cache.answer("k", body("new")))).toBe("new");

    const off = createDiscoveryCache({ ttlMs: 0, maxEntries: 10 });
    await off.answer("k", body("one"));
    expect(await text(off.answer("k", body("two")))).toBe("two");
  });

  it("keeps at most maxEntries answers", async () => {
    const cache = createDiscoveryCache({ ttlMs: 10_000, maxEntries: 2 });
    for (const k of ["a", "b", "c"]) await cache.answer(k, body(`${k}1`));
    expect(await text(cache.answer("a", body("a2")))).toBe("a2");
    expect(await text(cache.answer("c", body("c2")))).toBe("c1");
  });
});
