import { offering } from "@bgm/db";
import type { FastifyBaseLogger } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, api, createTestApp, type OrgUser, signUp, signUpCompany, signUpProvider, type TestApp } from "../../../test/helpers.js";
import { dispatchMails } from "./index.js";

let t: TestApp;
let company: OrgUser;
let partner: OrgUser;
let partnerMember: OrgUser;
let offeringId: string;

interface Item {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
}
const list = async (user: OrgUser) => (await api(t.app, user.cookie).get("/api/notifications")).json() as { items: Item[]; unread: number };

async function request(what: string) {
  const res = await api(t.app, company.cookie).post("/api/engagements", { offeringId, brief: { what } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  company = await signUpCompany(t.app, { name: "Leser GmbH" });
  partner = await signUpProvider(t.app, { name: "Melder AG" });
  partnerMember = await addMember(t, partner, "partner_member");
  const [row] = await t.database.db
    .insert(offering)
    .values({
      orgId: partner.orgId,
      title: "Stressprävention",
      category: "mental_health",
      deliveryMode: "hybrid",
      priceFromCents: 9_900,
      priceUnit: "per_participant",
      status: "published",
    })
    .returning({ id: offering.id });
  offeringId = row?.id as string;
});
afterAll(() => t?.close());

describe("in-app notifications", () => {
  it("lists my notifications newest first with the unread count, and marks them read", async () => {
    expect(await list(partner)).toEqual({ items: [], nextCursor: null, unread: 0 });
    const first = await request("Erste Anfrage");
    const second = await request("Zweite Anfrage");
    const mine = await list(partner);
    expect(mine.unread).toBe(2);
    expect(mine.items.map((n) => n.link)).toEqual([`/engagements/${second}`, `/engagements/${first}`]);
    expect(mine.items[0]).toMatchObject({
      kind: "engagement.created",
      title: "Neue Angebotsanfrage",
      body: "Leser GmbH bittet um ein Angebot für „Stressprävention“.",
      readAt: null,
    });
    // The brief stays out of notifications.
    expect(JSON.stringify(mine)).not.toMatch(/Erste Anfrage|Zweite Anfrage/);

    const target = mine.items[1] as Item;
    const read = await api(t.app, partner.cookie).post(`/api/notifications/${target.id}/read`);
    expect(read.statusCode, read.body).toBe(200);
    expect(Date.parse(read.json().readAt)).not.toBeNaN();
    const again = await api(t.app, partner.cookie).post(`/api/notifications/${target.id}/read`);
    expect(again.json().readAt).toBe(read.json().readAt);
    expect((await list(partner)).unread).toBe(1);
    // A colleague's own notifications are untouched.
    expect((await list(partnerMember)).unread).toBe(2);

    const all = await api(t.app, partner.cookie).post("/api/notifications/read-all");
    expect(all.statusCode, all.body).toBe(200);
    expect(await list(partner)).toMatchObject({ unread: 0 });
    expect((await list(partnerMember)).unread).toBe(2);
  });

  it("does not let anyone else read or mark my notifications (404)", async () => {
    const target = (await list(partnerMember)).items[0] as Item;
    for (const other of [partner, company]) {
      const res = await api(t.app, other.cookie).post(`/api/notifications/${target.id}/read`);
      expect(res.statusCode).toBe(404);
      expect((await list(other)).items.map((n) => n.id)).not.toContain(target.id);
    }
    expect((await api(t.app, partnerMember.cookie).post("/api/notifications/00000000-0000-4000-8000-000000000000/read")).statusCode).toBe(
      404,
    );
    expect((await api(t.app, partnerMember.cookie).post("/api/notifications/kaputt/read")).statusCode).toBe(400);
    expect((await list(partnerMember)).items.find((n) => n.id === target.id)?.readAt).toBeNull();
  });

  it("answers members of any role, refuses users without an organization (403) and anonymous callers (401)", async () => {
    const staff = await addMember(t, company, "employee");
    expect(await list(staff)).toEqual({ items: [], nextCursor: null, unread: 0 });
    const loner = await signUp(t.app);
    expect((await api(t.app, loner.cookie).get("/api/notifications")).statusCode).toBe(403);
    expect((await api(t.app).get("/api/notifications")).statusCode).toBe(401);
  });
});

describe("dispatchMails", () => {
  it("never throws and logs failures without addresses", async () => {
    const logged: unknown[] = [];
    const log = { warn: (...args: unknown[]) => logged.push(args) } as unknown as FastifyBaseLogger;
    const sent: string[] = [];
    const mailer = {
      async send(m: { to: string }) {
        if (m.to.startsWith("kaputt"))
          throw Object.assign(new Error(`550 <${m.to}> mailbox unavailable`), { code: "EENVELOPE", responseCode: 550 });
        sent.push(m.to);
      },
    };
    await dispatchMails(mailer, log, [
      { to: "kaputt@example.de", subject: "s", text: "t" },
      { to: "gut@example.de", subject: "s", text: "t" },
    ]);
    expect(sent).toEqual(["gut@example.de"]);
    expect(logged).toHaveLength(1);
    expect(JSON.stringify(logged)).not.toContain("@example.de");
    expect(JSON.stringify(logged)).toContain("EENVELOPE");
  });
});
