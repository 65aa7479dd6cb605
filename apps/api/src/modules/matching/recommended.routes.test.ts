import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoTestApp } from "../../../test/demo-app.js";
import { type Api, addMember, api, signUpCompany, signUpProvider, type TestApp } from "../../../test/helpers.js";
import { publishOffering } from "../marketplace/test-fixtures.js";

interface Suggestion {
  offering: { id: string; title: string };
  reasons: { kind: string; text: { de: string; en: string } }[];
  score: number;
}

let t: TestApp;
let petra: Api;
let other: Api;
let employee: Api;
let partner: Api;

beforeAll(async () => {
  ({ t, petra } = await createDemoTestApp());
  const c = await signUpCompany(t.app, { name: "Andere GmbH" });
  other = api(t.app, c.cookie);
  employee = api(t.app, (await addMember(t, c, "employee")).cookie);
  partner = api(t.app, (await signUpProvider(t.app, { name: "Buddy-Testanbieter" })).cookie);
  await publishOffering(partner, {
    title: "Online-Rückenschule",
    description: "Rückengesundheit per Video für verteilte Teams.",
    category: "movement",
    deliveryMode: "remote",
    priceFromCents: 90000,
    relevantPhases: [4],
  });
});
afterAll(() => t?.close());

const recommended = async (as: Api, query = ""): Promise<{ items: Suggestion[]; nextCursor: string | null; total: number }> => {
  const res = await as.get(`/api/marketplace/recommended?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('the marketplace\'s "Empfohlen" sort (issue 15)', () => {
  it("ranks every filtered offering by the company's matching, with reasons, paged", async () => {
    const all = await recommended(petra, "limit=50");
    const plain = await petra.get("/api/marketplace/offerings?limit=50");
    // The sort hides nothing the filters find.
    expect(all.total).toBe(plain.json().total);
    expect(all.items).toHaveLength(all.total);
    const scores = all.items.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // Muster GmbH's goal "Rückenbeschwerden reduzieren" puts Rückenpause's screening above unrelated courses, with its reason.
    const screening = all.items.find((s) => s.offering.title === "Rückenscreening");
    expect(screening?.reasons.map((r) => r.text.de)).toContain("Passt zu Ihrem Ziel „Rückenbeschwerden reduzieren“");
    expect(all.items[0]?.reasons.length).toBeGreaterThan(0);
    // Booked and under way: listed at the end, without reasons.
    const booked = all.items.findIndex((s) => s.offering.title === "Rückenfit-Kurs (8 Wochen)");
    expect(booked).toBeGreaterThan(-1);
    expect(all.items[booked]?.reasons).toEqual([]);

    const first = await recommended(petra, "limit=5");
    expect(first.items.map((s) => s.offering.id)).toEqual(all.items.slice(0, 5).map((s) => s.offering.id));
    expect(first.nextCursor).toBe("5");
    const second = await recommended(petra, `limit=5&cursor=${first.nextCursor}`);
    expect(second.items.map((s) => s.offering.id)).toEqual(all.items.slice(5, 10).map((s) => s.offering.id));
  });

  it("keeps the discovery filters", async () => {
    const remote = await recommended(petra, "deliveryMode=remote&limit=50");
    expect(remote.items.length).toBeGreaterThan(0);
    const plain = await petra.get("/api/marketplace/offerings?deliveryMode=remote&limit=50");
    expect(remote.items.map((s) => s.offering.id).sort()).toEqual(
      plain
        .json()
        .items.map((o: { id: string }) => o.id)
        .sort(),
    );
  });

  it("ranks for the caller's own company: another company's goals give no reasons here", async () => {
    const theirs = await recommended(other, "limit=50");
    expect(theirs.items.flatMap((s) => s.reasons).some((r) => r.text.de.includes("Rückenbeschwerden"))).toBe(false);
  });

  it("is for managers only, and checks its input", async () => {
    expect((await employee.get("/api/marketplace/recommended")).statusCode).toBe(403);
    expect((await partner.get("/api/marketplace/recommended")).statusCode).toBe(403);
    expect((await petra.get("/api/marketplace/recommended?cursor=abc")).statusCode).toBe(400);
    expect((await petra.get("/api/marketplace/recommended?limit=500")).statusCode).toBe(400);
  });
});

describe("why one offering fits (the offering detail page)", () => {
  const fit = async (as: Api, id: string) => as.get(`/api/marketplace/offerings/${id}/fit`);

  it('gives the same reasons and score as the "Empfohlen" sort, for the caller\'s company', async () => {
    const all = await recommended(petra, "limit=50");
    const screening = all.items.find((s) => s.offering.title === "Rückenscreening");
    expect(screening).toBeDefined();
    const res = await fit(petra, screening!.offering.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ reasons: screening!.reasons, score: screening!.score, matched: true });
    // Another company gets its own answer: Muster GmbH's goal is not among its reasons.
    const theirs = await fit(other, screening!.offering.id);
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json().reasons.some((r: { text: { de: string } }) => r.text.de.includes("Rückenbeschwerden"))).toBe(false);
  });

  it("says when the matching leaves an offering out (booked and under way)", async () => {
    const all = await recommended(petra, "limit=50");
    const booked = all.items.find((s) => s.offering.title === "Rückenfit-Kurs (8 Wochen)");
    const res = await fit(petra, booked!.offering.id);
    expect(res.json()).toEqual({ reasons: [], score: 0, matched: false });
  });

  it("is for managers only; a draft or unknown offering does not exist here", async () => {
    const all = await recommended(petra, "limit=1");
    const id = all.items[0]!.offering.id;
    expect((await fit(employee, id)).statusCode).toBe(403);
    expect((await fit(partner, id)).statusCode).toBe(403);
    const created = await partner.post("/api/provider/offerings", {
      title: "Entwurf Fit",
      category: "coaching",
      deliveryMode: "remote",
      priceFromCents: 1000,
      priceUnit: "flat",
    });
    expect((await fit(petra, created.json().id)).statusCode).toBe(404);
    expect((await fit(petra, "00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
    expect((await fit(petra, "nope")).statusCode).toBe(400);
  });
});

const ask = async (as: Api, question: string) => {
  const res = await as.post("/api/matching/assistant", { question });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    answer: { de: string; en: string };
    understood: {
      categories: string[];
      deliveryMode: string | null;
      region: string | null;
      maxPriceCents: number | null;
      funded: boolean;
      goal: string | null;
    };
    items: Suggestion[];
    model: string;
  };
};

describe("the partner buddy without a model (issue 15, 5.2)", () => {
  it('answers "Wer kann uns bei Rückenproblemen im Lager helfen?" with ergonomics/movement offerings and reasons', async () => {
    const a = await ask(petra, "Wer kann uns bei Rückenproblemen im Lager helfen?");
    expect(a.model).toBe("rules");
    expect(a.understood.categories).toEqual(expect.arrayContaining(["ergonomics", "movement"]));
    expect(a.items.length).toBeGreaterThan(0);
    expect(a.items[0]?.reasons[0]?.text.de).toMatch(/^Passt zu Ihrer Frage: (Ergonomie|Bewegung) hilft bei Rücken/);
    // Every answer says why: the question's need, or the company's goal about the back that the question names.
    for (const s of a.items) expect(s.reasons.some((r) => r.text.de.includes("Rücken"))).toBe(true);
    expect(a.answer.de).toContain(a.items[0]!.offering.title);
  });

  it('reads the goal "Krankenstand senken" as movement and mental health, although no offering says so', async () => {
    const a = await ask(petra, "Was passt zu unserem Ziel Krankenstand senken?");
    expect(a.understood.categories.sort()).toEqual(["mental_health", "movement"]);
    expect(a.items.length).toBeGreaterThan(0);
    expect(a.items.every((s) => s.reasons[0]?.text.de.includes("Fehlzeiten"))).toBe(true);
  });

  it("reads delivery mode, price and § 20 from the question", async () => {
    const a = await ask(petra, "Gibt es Online-Kurse gegen Rückenschmerzen unter 1.000 €, die die Krankenkasse bezuschusst?");
    expect(a.understood).toMatchObject({ deliveryMode: "remote", maxPriceCents: 100000, funded: true });
    expect(a.items.map((s) => s.offering.title)).toContain("Online-Rückenschule");
    const en = await ask(other, "Who can help with back pain online?");
    expect(en.understood.deliveryMode).toBe("remote");
    expect(en.answer.en).toMatch(/^For back pain/);
  });

  it("says so when nothing fits, is for managers only and validates the question", async () => {
    const none = await ask(petra, "Suchtprävention vor Ort in Dresden unter 10 €");
    expect(none.items).toEqual([]);
    expect(none.answer.de).toContain("nichts Passendes");
    expect((await employee.post("/api/matching/assistant", { question: "Rücken?" })).statusCode).toBe(403);
    expect((await petra.post("/api/matching/assistant", { question: "" })).statusCode).toBe(400);
    expect((await petra.post("/api/matching/assistant", { question: "x".repeat(501) })).statusCode).toBe(400);
  });
});
