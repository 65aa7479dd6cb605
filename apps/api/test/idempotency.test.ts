import { randomUUID } from "node:crypto";
import { apiKey, dataGrant, engagement, healthDay, idempotencyKey, offering, participation, partnerResult, quote } from "@bgm/db";
import { ErrorBody, outputType } from "@bgm/domain";
import { count, eq, sql } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sweepIdempotencyKeys } from "../src/lib/idempotency.js";
import { inOneMonth, makeWorld, type World } from "../src/modules/data-grants/test-fixtures.js";
import { dayWithSlots, openRegistration } from "../src/modules/health-days/report.test-fixtures.js";
import { addPerson, interventionWithSession, makeCompany } from "../src/modules/participation/test-fixtures.js";
import { makeResultWorld, multipart, PDF, type ResultWorld } from "../src/modules/results/test-fixtures.js";
import { FUTURE_QUOTE, publishTestOffering } from "./engagement-fixtures.js";
import { type Api, api, createTestApp, signUpCompany, signUpProvider, type TestApp } from "./helpers.js";

/** Issue 16: `Idempotency-Key` on creating POSTs (apps/api/src/lib/idempotency.ts). */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const post = (as: Api, url: string, body: unknown, key?: string) =>
  as.raw({ method: "POST", url, payload: body as object, headers: key === undefined ? {} : { "idempotency-key": key } });
const replayed = (res: LightMyRequestResponse) => res.headers["idempotent-replayed"] === "true";
const rows = async (table: Parameters<ReturnType<TestApp["database"]["db"]["select"]>["from"]>[0]) =>
  Number((await t.database.db.select({ n: count() }).from(table))[0]?.n ?? 0);
const errorCode = (res: LightMyRequestResponse) => {
  expect(ErrorBody.safeParse(res.json()).success, res.body).toBe(true);
  return res.json().error.code as string;
};

describe("a quote request with an Idempotency-Key", () => {
  let asCompany: Api;
  let offeringId: string;
  beforeAll(async () => {
    const company = await signUpCompany(t.app, { name: "Idempotent GmbH" });
    asCompany = api(t.app, company.cookie);
    const partner = await signUpProvider(t.app, { name: "Anbieter AG" });
    offeringId = await publishTestOffering(t, partner.orgId);
  });
  const ask = (key: string | undefined, what = "Befragung", as = asCompany) =>
    post(as, "/api/engagements", { offeringId, brief: { what } }, key);

  it("answers a retry with the first answer and creates nothing new", async () => {
    const key = randomUUID();
    const before = await rows(engagement);
    const first = await ask(key);
    expect(first.statusCode, first.body).toBe(201);
    expect(replayed(first)).toBe(false);
    const again = await ask(key);
    expect(again.statusCode).toBe(201);
    expect(replayed(again)).toBe(true);
    expect(again.json()).toEqual(first.json());
    expect(again.headers["content-type"]).toMatch(/application\/json/);
    expect(await rows(engagement)).toBe(before + 1);
  });

  it("refuses the same key with another body (422) and acts on a new key", async () => {
    const key = randomUUID();
    expect((await ask(key, "Erste")).statusCode).toBe(201);
    const before = await rows(engagement);
    const other = await ask(key, "Zweite");
    expect(other.statusCode).toBe(422);
    expect(errorCode(other)).toBe("idempotency_key_reused");
    expect((await ask(randomUUID(), "Zweite")).statusCode).toBe(201);
    expect(await rows(engagement)).toBe(before + 1);
  });

  it("validates the key: 1 to 255 printable characters, else 400 before anything happens", async () => {
    const before = await rows(engagement);
    for (const bad of ["x".repeat(256), "tab\there", "ümlaut"]) {
      const res = await ask(bad);
      expect(res.statusCode, bad).toBe(400);
      expect(errorCode(res)).toBe("invalid_idempotency_key");
    }
    expect((await ask("k".repeat(255))).statusCode).toBe(201);
    expect(await rows(engagement)).toBe(before + 1);
  });

  it("without the header every POST acts, as before", async () => {
    const before = await rows(engagement);
    expect((await ask(undefined)).statusCode).toBe(201);
    expect((await ask(undefined)).statusCode).toBe(201);
    expect(await rows(engagement)).toBe(before + 2);
  });

  it("lets two requests with the same key at once act once: the other is a 409 or the replay", async () => {
    const key = randomUUID();
    const before = await rows(engagement);
    const answers = await Promise.all([ask(key), ask(key), ask(key)]);
    const acted = answers.filter((r) => r.statusCode === 201 && !replayed(r));
    expect(acted).toHaveLength(1);
    for (const r of answers.filter((a) => a !== acted[0])) {
      if (r.statusCode === 409) expect(errorCode(r)).toBe("idempotency_key_in_use");
      else expect([r.statusCode, replayed(r)], r.body).toEqual([201, true]);
    }
    expect(await rows(engagement)).toBe(before + 1);
  });

  it("keeps keys per caller: another company's request with the same key acts on its own", async () => {
    const key = randomUUID();
    const other = api(t.app, (await signUpCompany(t.app, { name: "Andere GmbH" })).cookie);
    const mine = await ask(key);
    const theirs = await ask(key, "Befragung", other);
    expect([mine.statusCode, theirs.statusCode]).toEqual([201, 201]);
    expect(replayed(theirs)).toBe(false);
    expect(theirs.json().id).not.toBe(mine.json().id);
  });

  it("stores a 4xx result of the first request and replays it", async () => {
    const key = randomUUID();
    const missing = { offeringId: randomUUID(), brief: { what: "x" } };
    const first = await post(asCompany, "/api/engagements", missing, key);
    expect(first.statusCode).toBe(422); // no such published offering
    const again = await post(asCompany, "/api/engagements", missing, key);
    expect([again.statusCode, replayed(again)]).toEqual([422, true]);
    expect(again.json()).toEqual(first.json());
  });

  it("forgets keys after 24 hours: the same key acts again, and the sweep deletes old keys", async () => {
    const key = randomUUID();
    expect((await ask(key)).statusCode).toBe(201);
    await t.database.db.update(idempotencyKey).set({ createdAt: sql`now() - interval '25 hours'` }).where(eq(idempotencyKey.key, key));
    const before = await rows(engagement);
    const later = await ask(key, "Ein anderer Auftrag");
    expect([later.statusCode, replayed(later)]).toEqual([201, false]);
    expect(await rows(engagement)).toBe(before + 1);

    await t.database.db.update(idempotencyKey).set({ createdAt: sql`now() - interval '25 hours'` }).where(eq(idempotencyKey.key, key));
    expect(await sweepIdempotencyKeys(t.database.db)).toBeGreaterThanOrEqual(1);
    expect(await t.database.db.select().from(idempotencyKey).where(eq(idempotencyKey.key, key))).toHaveLength(0);
  });

  it("does not act twice after a crash between the change and the stored answer (409 idempotency_answer_lost)", async () => {
    const key = randomUUID();
    expect((await ask(key)).statusCode).toBe(201);
    // What a crash after the commit leaves: acted, no answer, an old lock.
    await t.database.db
      .update(idempotencyKey)
      .set({ responseStatus: null, responseBody: null, lockedAt: sql`now() - interval '2 minutes'` })
      .where(eq(idempotencyKey.key, key));
    const before = await rows(engagement);
    const retry = await ask(key);
    expect(retry.statusCode).toBe(409);
    expect(errorCode(retry)).toBe("idempotency_answer_lost");
    // A crash before the commit leaves an unacted claim: after the lock's time the retry acts.
    await t.database.db.update(idempotencyKey).set({ acted: false }).where(eq(idempotencyKey.key, key));
    const taken = await ask(key);
    expect([taken.statusCode, replayed(taken)]).toEqual([201, false]);
    expect(await rows(engagement)).toBe(before + 1);
  });

  it("lists the optional header in the OpenAPI document on the creating POSTs", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
      paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
    };
    const hasKey = (path: string, method = "post") =>
      (doc.paths[path]?.[method]?.parameters ?? []).some((p) => p.in === "header" && p.name === "Idempotency-Key");
    for (const path of [
      "/api/engagements",
      "/api/engagements/{id}/quotes",
      "/api/engagements/{id}/grants",
      "/api/partner/engagements/{id}/results",
      "/api/provider/api-keys",
      "/api/me/participation-sessions/{id}/registration",
      "/api/me/health-days/{id}/slots/{slotId}/registration",
    ]) {
      expect(hasKey(path), path).toBe(true);
    }
    expect(hasKey("/api/engagements/{id}/transitions")).toBe(false);
  });
});

describe("quotes, grants and API keys with an Idempotency-Key", () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(t);
  });

  it("a quote is sent once", async () => {
    const res = await w.asCompany.post("/api/engagements", { offeringId: w.offeringId, brief: { what: "Zweite Anfrage" } });
    const id = res.json().id as string;
    const key = randomUUID();
    const body = { priceCents: 90_000, scopeOfWork: "Befragung", validUntil: FUTURE_QUOTE };
    const before = await rows(quote);
    const first = await post(w.asPartner, `/api/engagements/${id}/quotes`, body, key);
    expect(first.statusCode, first.body).toBe(201);
    const again = await post(w.asPartner, `/api/engagements/${id}/quotes`, body, key);
    expect([again.statusCode, replayed(again)]).toEqual([201, true]);
    expect(again.json()).toEqual(first.json());
    expect(await rows(quote)).toBe(before + 1);
    const other = await post(w.asPartner, `/api/engagements/${id}/quotes`, { ...body, priceCents: 95_000 }, key);
    expect([other.statusCode, errorCode(other)]).toEqual([422, "idempotency_key_reused"]);
    expect(await rows(quote)).toBe(before + 1);
  });

  it("a 5xx of a request that did not act releases the key: the retry acts", async () => {
    const res = await w.asCompany.post("/api/engagements", { offeringId: w.offeringId, brief: { what: "Dritte Anfrage" } });
    const url = `/api/engagements/${res.json().id}/quotes`;
    const key = randomUUID();
    const body = { priceCents: 80_000, scopeOfWork: "Befragung", validUntil: FUTURE_QUOTE };
    // A failure inside the route's transaction that is no bad input (this test file has a database of its own).
    await t.database.db.execute(sql`ALTER TABLE quote ADD CONSTRAINT idem_test_fail CHECK (price_cents < 0) NOT VALID`);
    const failed = await post(w.asPartner, url, body, key);
    await t.database.db.execute(sql`ALTER TABLE quote DROP CONSTRAINT idem_test_fail`);
    expect(failed.statusCode).toBe(500);
    expect(await t.database.db.select().from(idempotencyKey).where(eq(idempotencyKey.key, key))).toHaveLength(0);
    const before = await rows(quote);
    const retry = await post(w.asPartner, url, body, key);
    expect([retry.statusCode, replayed(retry)], retry.body).toEqual([201, false]);
    expect(await rows(quote)).toBe(before + 1);
  });

  it("a grant is given once", async () => {
    const key = randomUUID();
    const body = { decisions: [{ scopeKey: "goals", grant: true }], expiresAt: inOneMonth() };
    const url = `/api/engagements/${w.engagementId}/grants`;
    const before = await rows(dataGrant);
    const first = await post(w.asCompany, url, body, key);
    expect(first.statusCode, first.body).toBe(200);
    const again = await post(w.asCompany, url, body, key);
    expect([again.statusCode, replayed(again)]).toEqual([first.statusCode, true]);
    expect(again.body).toBe(first.body);
    expect(await rows(dataGrant)).toBe(before + 1);
  });

  it("an API key is created once, and its plaintext is never stored for the replay", async () => {
    const key = randomUUID();
    const before = await rows(apiKey);
    const first = await post(w.asPartner, "/api/provider/api-keys", { name: "Pipeline" }, key);
    expect(first.statusCode, first.body).toBe(201);
    const plaintext = first.json().key as string;
    const again = await post(w.asPartner, "/api/provider/api-keys", { name: "Pipeline" }, key);
    expect([again.statusCode, replayed(again)]).toEqual([201, true]);
    const { key: _shownOnce, ...rest } = first.json();
    expect(again.json()).toEqual(rest);
    expect(await rows(apiKey)).toBe(before + 1);
    const stored = await t.database.db.select().from(idempotencyKey).where(eq(idempotencyKey.key, key));
    expect(stored[0]?.responseBody).not.toContain(plaintext);
  });
});

describe("a result upload (multipart, by API key) with an Idempotency-Key", () => {
  let w: ResultWorld;
  let bearer: string;
  let bearerId: string;
  beforeAll(async () => {
    w = await makeResultWorld(t);
    const res = await w.asPartner.post("/api/provider/api-keys", { name: "Upload" });
    bearer = res.json().key;
    bearerId = res.json().id;
  });
  const upload = (key: string, pdf: Buffer, headers: Record<string, string> = { authorization: `Bearer ${bearer}` }) => {
    // A new boundary each time: the same parts are the same request.
    const body = multipart(
      { outputType: "report_pdf", payload: JSON.stringify(outputType("report_pdf")?.example ?? {}), note: "Bericht" },
      [{ name: "bericht.pdf", content: pdf }],
    );
    return t.app.inject({
      method: "POST",
      url: `/api/partner/engagements/${w.engagementId}/results`,
      headers: { ...headers, "content-type": body.contentType, "idempotency-key": key },
      payload: body.payload,
    });
  };

  it("delivers once; other bytes under the same key are a 422; the same key by session is another caller", async () => {
    const key = randomUUID();
    const before = await rows(partnerResult);
    const first = await upload(key, PDF);
    expect(first.statusCode, first.body).toBe(201);
    const again = await upload(key, PDF);
    expect([again.statusCode, replayed(again)], again.body).toEqual([201, true]);
    expect(again.json()).toEqual(first.json());
    expect(await rows(partnerResult)).toBe(before + 1);

    const changed = await upload(key, Buffer.concat([PDF, Buffer.from("% other\n")]));
    expect([changed.statusCode, errorCode(changed)]).toEqual([422, "idempotency_key_reused"]);
    expect(await rows(partnerResult)).toBe(before + 1);

    // The partner's own session is not the key: the same Idempotency-Key acts for it.
    const bySession = await upload(key, PDF, { cookie: w.partner.cookie, "x-requested-with": "bgm-hub" });
    expect([bySession.statusCode, replayed(bySession)], bySession.body).toEqual([201, false]);
    expect(await rows(partnerResult)).toBe(before + 2);
    const keys = await t.database.db.select().from(idempotencyKey).where(eq(idempotencyKey.key, key));
    expect(keys.map((k) => k.caller).sort()).toEqual([`api_key:${bearerId}`, `user:${w.partner.userId}`].sort());
  });
});

describe("a registration with an Idempotency-Key", () => {
  it("registers once; another employee's same key registers them", async () => {
    const company = await makeCompany(t, "Anmelde GmbH");
    const anna = await addPerson(t, company.manager, { account: true });
    const ben = await addPerson(t, company.manager, { account: true });
    const { sessionId } = await interventionWithSession(company.asManager, { capacity: 5 });
    const url = `/api/me/participation-sessions/${sessionId}/registration`;
    const key = "anmeldung-1";
    const count = async () => (await t.database.db.select().from(participation).where(eq(participation.sessionId, sessionId))).length;

    const first = await post(anna.as as Api, url, {}, key);
    expect(first.statusCode, first.body).toBe(201);
    const again = await post(anna.as as Api, url, {}, key);
    expect([again.statusCode, replayed(again)]).toEqual([201, true]);
    expect(again.json()).toEqual(first.json());
    expect(await count()).toBe(1);

    const bens = await post(ben.as as Api, url, {}, key);
    expect([bens.statusCode, replayed(bens)]).toEqual([201, false]);
    expect(await count()).toBe(2);
  });
});

describe("a health day and a registration for one of its slots with an Idempotency-Key", () => {
  it("creates the day once and registers once", async () => {
    const company = await makeCompany(t, "Gesundheitstag GmbH");
    const partner = await signUpProvider(t.app, { name: "Rücken AG" });
    const [row] = await t.database.db
      .insert(offering)
      .values({
        orgId: partner.orgId,
        title: "Rückenscreening",
        category: "health_day_module",
        deliveryMode: "on_site",
        priceFromCents: 90_000,
        priceUnit: "per_day",
        status: "published",
        providerName: "Rücken AG",
      })
      .returning({ id: offering.id });
    const date = new Date(Date.now() + 30 * 24 * 3_600_000).toISOString().slice(0, 10);

    const dayBody = { title: "Fit", startsOn: date, locations: ["Kantine"], expectedHeadcount: 50, budgetCents: 100_000 };
    const days = async () => (await t.database.db.select().from(healthDay).where(eq(healthDay.orgId, company.manager.orgId))).length;
    const firstDay = await post(company.asManager, "/api/health-days", dayBody, "tag-1");
    expect(firstDay.statusCode, firstDay.body).toBe(201);
    const againDay = await post(company.asManager, "/api/health-days", dayBody, "tag-1");
    expect([againDay.statusCode, replayed(againDay)]).toEqual([201, true]);
    expect(await days()).toBe(1);

    const w = await dayWithSlots(t, {
      startsOn: date,
      slots: [{ startsAt: `${date}T08:00:00Z`, endsAt: `${date}T09:00:00Z`, capacity: 5 }],
      company,
      offeringId: row?.id as string,
    });
    await openRegistration(w);
    const erika = await addPerson(t, company.manager, { account: true });
    const url = `/api/me/health-days/${w.dayId}/slots/${w.slotIds[0]}/registration`;
    const places = async () =>
      (await t.database.db.select().from(participation).where(eq(participation.employeeId, erika.employeeId))).length;
    const first = await post(erika.as as Api, url, {}, "platz-1");
    expect(first.statusCode, first.body).toBe(201);
    const again = await post(erika.as as Api, url, {}, "platz-1");
    expect([again.statusCode, replayed(again)]).toEqual([201, true]);
    expect(again.json()).toEqual(first.json());
    expect(await places()).toBe(1);
  });
});
