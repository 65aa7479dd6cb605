import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Api, addMember, api, createTestApp, signUpCompany, signUpProvider, type TestApp } from "../../../test/helpers.js";
import { offeringBody, publishOffering } from "./test-fixtures.js";

let t: TestApp;
let ruecken: Api;
let national: Api;
let company: Api;
let employee: Api;
let draftId: string;

interface Item {
  id: string;
  title: string;
  status: string;
  providerName: string;
}
interface ListBody {
  items: Item[];
  total: number;
  didYouMean: string | null;
  nextCursor: string | null;
}

const search = async (as: Api, query: string): Promise<ListBody> => {
  const res = await as.get(`/api/marketplace/offerings${query ? `?${query}` : ""}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const titles = (body: ListBody) => body.items.map((i) => i.title);

beforeAll(async () => {
  t = await createTestApp();
  const p1 = await signUpProvider(t.app, { name: "Rückenpause Nord" });
  ruecken = api(t.app, p1.cookie);
  await ruecken.patch("/api/provider/profile", { regions: ["Hamburg", "Bremen"] });
  national = api(t.app, (await signUpProvider(t.app, { name: "Bundesweit AG" })).cookie);
  await national.patch("/api/provider/profile", { regions: ["DE"] });
  const unprofiled = api(t.app, (await signUpProvider(t.app, { name: "Ohne Profil" })).cookie);
  const c = await signUpCompany(t.app, { name: "Suchende GmbH" });
  company = api(t.app, c.cookie);
  employee = api(t.app, (await addMember(t, c, "employee")).cookie);

  await publishOffering(ruecken, {
    title: "Rückenscreening",
    description: "Mobile Vermessung der Wirbelsäule als Station eines Gesundheitstags.",
    category: "health_day_module",
    priceFromCents: 95_000,
    priceUnit: "per_day",
    relevantPhases: [3, 4],
  });
  await publishOffering(ruecken, {
    title: "Präventionskurs Bewegung",
    description: "Acht Termine gegen Rückenschmerzen, zertifiziert.",
    certifications: ["§20 SGB V", "ZPP"],
    priceFromCents: 12_000,
    priceUnit: "per_participant",
    relevantPhases: [4],
  });
  await publishOffering(national, {
    title: "Arbeitsplatzbegehung",
    description: "Beurteilung der ergonomischen Belastungen an allen Arbeitsplätzen.",
    category: "ergonomics",
    priceFromCents: 150_000,
    relevantPhases: [2],
  });
  await publishOffering(national, {
    title: "Stressmanagement kompakt",
    description: "Workshop für Teams.",
    category: "mental_health",
    deliveryMode: "remote",
    priceFromCents: 60_000,
    relevantPhases: [4],
  });
  await publishOffering(unprofiled, {
    title: "Gesunde Ernährung",
    description: "Vortrag über Ernährung, auch bei Stress im Alltag.",
    category: "nutrition",
    deliveryMode: "hybrid",
    priceFromCents: 30_000,
  });
  draftId = (
    await ruecken.post("/api/provider/offerings", offeringBody({ title: "Rückenschule Entwurf", certifications: ["Entwurfszertifikat"] }))
  ).json().id;
});
afterAll(() => t?.close());

describe("browsing", () => {
  it("shows companies, employees and providers only published offerings, by title", async () => {
    for (const as of [company, employee, national]) {
      const body = await search(as, "");
      expect(titles(body)).toEqual([
        "Arbeitsplatzbegehung",
        "Gesunde Ernährung",
        "Präventionskurs Bewegung",
        "Rückenscreening",
        "Stressmanagement kompakt",
      ]);
      expect(body).toMatchObject({ total: 5, nextCursor: null });
      expect(body.items.every((i) => i.status === "published")).toBe(true);
    }
  });

  it("shows one published offering, a draft only to its owner", async () => {
    const all = await search(company, "");
    const id = all.items[0]?.id;
    expect((await employee.get(`/api/marketplace/offerings/${id}`)).json().title).toBe("Arbeitsplatzbegehung");
    expect((await company.get(`/api/marketplace/offerings/${draftId}`)).statusCode).toBe(404);
    expect((await national.get(`/api/marketplace/offerings/${draftId}`)).statusCode).toBe(404);
    expect((await ruecken.get(`/api/marketplace/offerings/${draftId}`)).json().status).toBe("draft");
    expect((await company.get("/api/marketplace/offerings/00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
    expect((await api(t.app).get("/api/marketplace/offerings")).statusCode).toBe(401);
  });

  it("pages by cursor with the total of all matches, by title and by relevance", async () => {
    // By title, and by relevance over several matches (ranks are floats: the cursor must carry them exactly).
    for (const filter of ["", "q=R%C3%BCcken%20or%20Stress%20or%20Bewegung%20or%20gesund", "category=movement"]) {
      const whole = await search(company, filter);
      if (filter !== "category=movement") expect(whole.total, filter).toBeGreaterThan(2);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await search(company, [filter, "limit=2", cursor ? `cursor=${cursor}` : ""].filter(Boolean).join("&"));
        expect(page.total, filter).toBe(whole.total);
        seen.push(...titles(page));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen, filter).toEqual(titles(whole));
    }
    // A position past the last match: no items, and still the total.
    const beyond = Buffer.from(JSON.stringify([0, "\uffff", "ffffffff-ffff-4fff-bfff-ffffffffffff"])).toString("base64url");
    expect(await search(company, `cursor=${beyond}`)).toEqual({ items: [], total: 5, nextCursor: null, didYouMean: null });
    expect((await company.get("/api/marketplace/offerings?cursor=abc")).statusCode).toBe(400);
  });
});

describe("filters", () => {
  it("offers exactly the certifications of published offerings as filter choices (not a draft's)", async () => {
    for (const as of [company, employee, national]) {
      const res = await as.get("/api/marketplace/certifications");
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ items: ["§20 SGB V", "ZPP"], nextCursor: null });
    }
  });

  it.each([
    ["category=ergonomics", ["Arbeitsplatzbegehung"]],
    ["certification=ZPP", ["Präventionskurs Bewegung"]],
    [`certification=${encodeURIComponent("§20 SGB V")}`, ["Präventionskurs Bewegung"]],
    ["deliveryMode=remote", ["Stressmanagement kompakt"]],
    ["priceMin=30000&priceMax=95000", ["Gesunde Ernährung", "Rückenscreening", "Stressmanagement kompakt"]],
    ["priceMax=12000", ["Präventionskurs Bewegung"]],
    ["phase=4", ["Präventionskurs Bewegung", "Rückenscreening", "Stressmanagement kompakt"]],
    ["phase=2", ["Arbeitsplatzbegehung"]],
    // Hamburg: the Hamburg provider and the nationwide one; the provider without a profile serves no region.
    ["region=Hamburg", ["Arbeitsplatzbegehung", "Präventionskurs Bewegung", "Rückenscreening", "Stressmanagement kompakt"]],
    ["region=Bayern", ["Arbeitsplatzbegehung", "Stressmanagement kompakt"]],
    ["phase=4&region=Bayern&deliveryMode=remote", ["Stressmanagement kompakt"]],
    ["category=coaching", []],
  ])("%s", async (query, expected) => {
    const body = await search(company, query);
    expect(titles(body)).toEqual(expected);
    expect(body.total).toBe(expected.length);
  });

  it("rejects bad filters with 400", async () => {
    for (const q of ["priceMin=-1", "phase=7", "category=astrology", "limit=500", "page=2", "unknown=1", "priceMin=500&priceMax=100"]) {
      expect((await company.get(`/api/marketplace/offerings?${q}`)).statusCode, q).toBe(400);
    }
  });
});

describe("German full-text search", () => {
  it('"Rücken" finds Rückenscreening and Rückenschmerzen, not the draft', async () => {
    const body = await search(company, `q=${encodeURIComponent("Rücken")}`);
    expect(titles(body)).toEqual(["Rückenscreening", "Präventionskurs Bewegung"]);
  });

  it('"Ergonomie" finds "ergonomischen" and the plain stem works too', async () => {
    expect(titles(await search(company, "q=Ergonomie"))).toEqual(["Arbeitsplatzbegehung"]);
    expect(titles(await search(company, "q=ergonomisch"))).toEqual(["Arbeitsplatzbegehung"]);
  });

  it("finds the provider name and combines search with filters", async () => {
    expect(titles(await search(company, "q=Bundesweit"))).toEqual(["Arbeitsplatzbegehung", "Stressmanagement kompakt"]);
    expect(titles(await search(company, `q=${encodeURIComponent("Rücken")}&phase=3`))).toEqual(["Rückenscreening"]);
  });

  it("ranks a title match above a description match", async () => {
    expect(titles(await search(company, "q=Stress"))).toEqual(["Stressmanagement kompakt", "Gesunde Ernährung"]);
  });

  it("understands phrases and exclusion, and treats operators and SQL as plain words", async () => {
    expect(titles(await search(company, `q=${encodeURIComponent("Rücken -Termine")}`))).toEqual(["Rückenscreening"]);
    expect(titles(await search(company, `q=${encodeURIComponent('"gegen Rückenschmerzen"')}`))).toEqual(["Präventionskurs Bewegung"]);
    for (const q of ["'); drop table offering; --", "a:* & | !", "\\", "'''", "Rücken:*|", "und"]) {
      const res = await company.get(`/api/marketplace/offerings?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
    }
    expect((await search(company, "")).total).toBe(5);
  });
});

describe("did you mean", () => {
  it("offers the catalogue's spelling when a typo finds nothing, and that spelling finds the offering", async () => {
    const typo = await search(company, `q=${encodeURIComponent("Rückn")}`);
    expect(typo.total).toBe(0);
    expect(typo.didYouMean).toMatch(/^rücken/);
    expect((await search(company, `q=${encodeURIComponent(typo.didYouMean ?? "")}`)).total).toBeGreaterThan(0);
    const english = await search(company, "q=Ergonmie");
    expect(english.total).toBe(0);
    expect(english.didYouMean).toBe("ergonomischen");
    expect(titles(await search(company, "q=ergonomischen"))).toEqual(["Arbeitsplatzbegehung"]);
  });

  it("keeps the other words and says nothing when the search finds something or nothing is close", async () => {
    expect((await search(company, `q=${encodeURIComponent("Stressmanagment kompakt")}`)).didYouMean).toBe("stressmanagement kompakt");
    expect((await search(company, "q=Stres")).didYouMean).toBeNull();
    expect((await search(company, "q=xyzzy")).didYouMean).toBeNull();
    expect((await search(company, "")).didYouMean).toBeNull();
  });

  it("offers only a spelling that finds something with the same filters, and never a draft's words", async () => {
    expect((await search(company, `q=${encodeURIComponent("Rückn")}&category=nutrition`)).didYouMean).toBeNull();
    // "Rückenschule Entwurf" is a draft: its words are not the catalogue's.
    expect((await search(company, "q=Entwruf")).didYouMean).toBeNull();
  });
});
