import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { auditLog, healthDayCheckIn, offering, participation, withTenantTx } from "@bgm/db";
import { ErrorBody } from "@bgm/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Api,
  addMember,
  api,
  createTestApp,
  type OrgUser,
  signUpCompany,
  signUpProvider,
  type TestApp,
} from "../../../test/helpers.js";
import { addPerson, expectOk, type Person } from "../participation/test-fixtures.js";
import { ticketKeys } from "./tickets.keys.js";

/**
 * The door of "Fit for Work": employees' QR tickets, a phone's batches of scans (idempotent by nonce,
 * duplicates flagged, cancelled/foreign/forged refused), two phones syncing at once, the live figures,
 * and who may do any of it.
 */

const MIN = 60_000;
const berlin = (d: Date) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin", year: "numeric", month: "2-digit", day: "2-digit" }).format(d);

let t: TestApp;
let manager: OrgUser;
let asManager: Api;
let offeringId: string;
let dayId: string;
let openSlot: string;
let laterSlot: string;
const people: Person[] = [];

interface Ticket {
  ticketId: string;
  slotId: string;
  token: string;
  shortCode: string;
  qrUrl: string;
  status: string;
}

async function makeDay(as: Api, offer: string, title: string) {
  const now = Date.now();
  const created = await as.post("/api/health-days", {
    title,
    startsOn: berlin(new Date(now)),
    endsOn: berlin(new Date(now + 24 * 60 * MIN)),
    locations: ["Kantine"],
  });
  expectOk(created, 201, "create day");
  const id = created.json().id as string;
  const station = await as.post(`/api/health-days/${id}/modules`, { offeringId: offer, location: "Kantine" });
  expectOk(station, 201, "add station");
  const moduleId = station.json().modules[0].id as string;
  // One slot whose doors are open (it starts in 20 minutes) and one three hours ahead.
  const at = (m: number) => new Date(now + m * MIN).toISOString();
  const slots = await as.post(`/api/health-days/${id}/modules/${moduleId}/slots`, {
    slots: [
      { startsAt: at(20), endsAt: at(80), capacity: 50 },
      { startsAt: at(180), endsAt: at(240), capacity: 50, location: "Raum 2" },
    ],
  });
  expectOk(slots, 201, "add slots");
  const ids = slots.json().modules[0].slots.map((s: { id: string; startsAt: string }) => s) as { id: string; startsAt: string }[];
  ids.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  expectOk(await as.post(`/api/health-days/${id}/transitions`, { action: "open_registration" }), 200, "open registration");
  return { id, open: ids[0]?.id as string, later: ids[1]?.id as string };
}

async function register(p: Person, day: string, slot: string) {
  expectOk(await (p.as as Api).post(`/api/me/health-days/${day}/slots/${slot}/registration`), 201, "register");
}

async function ticketsOf(p: Person, day: string): Promise<Ticket[]> {
  const res = await (p.as as Api).get(`/api/me/health-days/${day}/tickets`);
  expectOk(res, 200, "tickets");
  return res.json().items;
}

let seq = 0;
const nonce = () => `n${Date.now().toString(36)}${(seq++).toString(36).padStart(4, "0")}`;
const scan = (ticket: { token?: string; shortCode?: string }, over: Record<string, unknown> = {}) => ({
  nonce: nonce(),
  ...(ticket.token !== undefined ? { token: ticket.token } : { shortCode: ticket.shortCode }),
  scannedAt: new Date().toISOString(),
  deviceId: "phone-1",
  ...over,
});

async function sync(scans: unknown[], as: Api = asManager, day = dayId) {
  const res = await as.post(`/api/health-days/${day}/check-ins`, { scans });
  expectOk(res, 200, "sync");
  return res.json().results as { nonce: string; outcome: string; replay: boolean; slotId: string | null }[];
}

async function placeStatus(ticketId: string) {
  const [row] = await t.database.db.select({ status: participation.status }).from(participation).where(eq(participation.id, ticketId));
  return row?.status;
}

beforeAll(async () => {
  t = await createTestApp();
  manager = await signUpCompany(t.app, { name: "Muster GmbH" });
  asManager = api(t.app, manager.cookie);
  const partner = await signUpProvider(t.app, { name: "Rückenpause GmbH" });
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
      providerName: "Rückenpause GmbH",
    })
    .returning({ id: offering.id });
  offeringId = row?.id as string;
  const day = await makeDay(asManager, offeringId, "Fit for Work");
  dayId = day.id;
  openSlot = day.open;
  laterSlot = day.later;
  for (let i = 0; i < 8; i++) {
    const p = await addPerson(t, manager, { account: true, firstName: "Erika", lastName: `Muster${i}` });
    people.push(p);
    await register(p, dayId, openSlot);
  }
  await register(people[0] as Person, dayId, laterSlot);
}, 120_000);
afterAll(() => t?.close());

describe("QR tickets", () => {
  it("gives each place a signed ticket with a short code and an SVG QR image, naming nobody", async () => {
    const p = people[0] as Person;
    const tickets = await ticketsOf(p, dayId);
    expect(tickets.map((x) => x.slotId).sort()).toEqual([openSlot, laterSlot].sort());
    const first = tickets.find((x) => x.slotId === openSlot) as Ticket;
    expect(first.shortCode).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    const keys = ticketKeys(t.app.config.authSecret);
    expect(keys.verify(first.token, dayId)).toMatchObject({ healthDayId: dayId, slotId: openSlot, participationId: first.ticketId });
    expect(JSON.stringify(tickets)).not.toMatch(/Erika|Muster0/);
    const qr = await (p.as as Api).get(first.qrUrl);
    expect(qr.statusCode).toBe(200);
    expect(qr.headers["content-type"]).toMatch(/^image\/svg\+xml/);
    expect(qr.body).toMatch(/^<svg/);
    // Another person's ticket is not mine.
    const other = await ((people[1] as Person).as as Api).get(first.qrUrl);
    expect(other.statusCode).toBe(404);
  });

  it("hands the phone a kit with the public key and labels, no attendee list", async () => {
    const res = await asManager.get(`/api/health-days/${dayId}/check-in-kit`);
    expectOk(res, 200, "kit");
    const kit = res.json();
    expect(kit.publicKey).toBe(ticketKeys(t.app.config.authSecret).publicKey(dayId));
    expect(kit.stations[0].slots.map((s: { id: string }) => s.id).sort()).toEqual([openSlot, laterSlot].sort());
    expect(res.body).not.toMatch(/Erika|Muster|@/);
  });
});

describe("syncing scans", () => {
  it("checks in a valid ticket through participation (audited), and a second scan is a flagged duplicate", async () => {
    const ticket = (await ticketsOf(people[1] as Person, dayId)).find((x) => x.slotId === openSlot) as Ticket;
    const [first, second] = await sync([scan(ticket), scan(ticket, { deviceId: "phone-2" })]);
    expect(first).toMatchObject({ outcome: "checked_in", replay: false, slotId: openSlot });
    expect(second).toMatchObject({ outcome: "duplicate", replay: false });
    expect(await placeStatus(ticket.ticketId)).toBe("attended");
    const audit = await t.database.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, ticket.ticketId), eq(auditLog.action, "participation.attendance_set")));
    expect(audit).toEqual([{ details: expect.objectContaining({ to: "attended", via: "check_in" }) }]);
    const stored = await t.database.db.select().from(healthDayCheckIn).where(eq(healthDayCheckIn.participationId, ticket.ticketId));
    expect(stored.map((s) => s.outcome).sort()).toEqual(["checked_in", "duplicate"]);
  });

  it("is idempotent by nonce: syncing the same batch again changes nothing and answers the same outcomes", async () => {
    const ticket = (await ticketsOf(people[2] as Person, dayId)).find((x) => x.slotId === openSlot) as Ticket;
    const batch = [scan(ticket), scan(ticket), scan({ token: "kaputt" })];
    const once = await sync(batch);
    const [{ n: rowsBefore }] = await countScans();
    const twice = await sync(batch);
    expect(twice.map((r) => r.outcome)).toEqual(once.map((r) => r.outcome));
    expect(once.map((r) => r.outcome)).toEqual(["checked_in", "duplicate", "invalid"]);
    expect(twice.every((r) => r.replay)).toBe(true);
    const [{ n: rowsAfter }] = await countScans();
    expect(rowsAfter).toBe(rowsBefore);
  });

  it("takes a typed short code (any case, with or without the dash)", async () => {
    const ticket = (await ticketsOf(people[3] as Person, dayId)).find((x) => x.slotId === openSlot) as Ticket;
    const typed = ticket.shortCode.replace("-", " ").toLowerCase();
    const [ok, again, wrong] = await sync([
      scan({ shortCode: typed }),
      scan({ shortCode: ticket.shortCode }),
      scan({ shortCode: "22222-22222" }),
    ]);
    expect(ok?.outcome).toBe("checked_in");
    expect(again?.outcome).toBe("duplicate");
    expect(wrong?.outcome).toBe("invalid");
  });

  it("refuses a cancelled ticket, a slot not open yet, another day's and another company's ticket, and forgeries", async () => {
    const p4 = people[4] as Person;
    const cancelled = (await ticketsOf(p4, dayId)).find((x) => x.slotId === openSlot) as Ticket;
    expectOk(await (p4.as as Api).delete(`/api/me/health-days/${dayId}/slots/${openSlot}/registration`), 200, "cancel");
    const early = (await ticketsOf(people[0] as Person, dayId)).find((x) => x.slotId === laterSlot) as Ticket;

    const otherDay = await makeDay(asManager, offeringId, "Zweiter Tag");
    await register(people[5] as Person, otherDay.id, otherDay.open);
    const otherDaysTicket = (await ticketsOf(people[5] as Person, otherDay.id))[0] as Ticket;
    const keys = ticketKeys(t.app.config.authSecret);
    const foreignCompany = keys.sign({ healthDayId: randomUUID(), slotId: randomUUID(), participationId: randomUUID() });
    const valid = (await ticketsOf(people[6] as Person, dayId)).find((x) => x.slotId === openSlot) as Ticket;
    const [head, sig] = valid.token.split(".") as [string, string];
    const otherSecret = ticketKeys("another-secret-another-secret-12345").sign({
      healthDayId: dayId,
      slotId: openSlot,
      participationId: valid.ticketId,
    });

    const results = await sync([
      scan(cancelled),
      scan(early),
      scan(otherDaysTicket),
      scan({ token: foreignCompany }),
      // The signature's first character carries six full bits: changing it always changes the signature
      // (its last characters may already be the replacement, or carry padding bits a decoder ignores).
      scan({ token: `${head}.${sig[0] === "A" ? "B" : "A"}${sig.slice(1)}` }),
      scan({ token: otherSecret }),
      scan({ token: "not-a-ticket" }),
    ]);
    expect(results.map((r) => r.outcome)).toEqual([
      "refused_cancelled",
      "refused_not_open",
      "refused_foreign",
      "refused_foreign",
      "invalid",
      "invalid",
      "invalid",
    ]);
    expect(await placeStatus(valid.ticketId)).toBe("registered");
    expect(await placeStatus(cancelled.ticketId)).toBe("cancelled");
    expect(await placeStatus(otherDaysTicket.ticketId)).toBe("registered");
  });

  it("two phones syncing the same ticket at once: one checked_in, the other a duplicate; the same scan twice at once: one row", async () => {
    const ticket = (await ticketsOf(people[7] as Person, dayId)).find((x) => x.slotId === openSlot) as Ticket;
    const shared = scan(ticket);
    const [a, b] = await Promise.all([
      sync([scan(ticket, { deviceId: "phone-a" }), shared]),
      sync([scan(ticket, { deviceId: "phone-b" }), shared]),
    ]);
    const outcomes = [...(a ?? []), ...(b ?? [])].filter((r) => r.nonce !== shared.nonce).map((r) => r.outcome);
    expect(outcomes.sort()).toEqual(["checked_in", "duplicate"]);
    const sharedAnswers = [...(a ?? []), ...(b ?? [])].filter((r) => r.nonce === shared.nonce);
    expect(new Set(sharedAnswers.map((r) => r.outcome)).size).toBe(1);
    const rows = await t.database.db.select().from(healthDayCheckIn).where(eq(healthDayCheckIn.nonce, shared.nonce));
    expect(rows).toHaveLength(1);
    const checkedIn = await t.database.db
      .select()
      .from(healthDayCheckIn)
      .where(and(eq(healthDayCheckIn.participationId, ticket.ticketId), eq(healthDayCheckIn.outcome, "checked_in")));
    expect(checkedIn).toHaveLength(1);
  });

  it("answers a malformed batch with 422 and the agreed error body, writing nothing", async () => {
    const [{ n: before }] = await countScans();
    for (const body of [
      {},
      { scans: [] },
      { scans: [{ nonce: "x", token: "t", scannedAt: new Date().toISOString(), deviceId: "p" }] },
      { scans: [{ nonce: "abcdefgh", scannedAt: new Date().toISOString(), deviceId: "p" }] },
      { scans: [{ nonce: "abcdefgh", token: "a", shortCode: "b", scannedAt: new Date().toISOString(), deviceId: "p" }] },
      { scans: [{ nonce: "abcdefgh", token: "a", scannedAt: "gestern", deviceId: "p" }] },
    ]) {
      const res = await asManager.post(`/api/health-days/${dayId}/check-ins`, body);
      expect([400, 422], res.body).toContain(res.statusCode);
      expect(ErrorBody.safeParse(res.json()).success).toBe(true);
    }
    const [{ n: after }] = await countScans();
    expect(after).toBe(before);
  });
});

describe("live figures", () => {
  it("streams counts per station and slot as server-sent events, aggregates only", async () => {
    const res = await asManager.raw({ method: "GET", url: `/api/health-days/${dayId}/check-ins/live?once=true` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/event-stream/);
    const line = res.body.split("\n").find((l) => l.startsWith("data: ")) as string;
    const live = JSON.parse(line.slice(6));
    const slot = live.stations[0].slots.find((s: { id: string }) => s.id === openSlot);
    // people 1, 2, 3 and 7 are checked in; 7 of 8 hold a place (4 cancelled).
    expect(slot).toMatchObject({ checkedIn: 4, registered: 7 });
    expect(live.totals.duplicates).toBeGreaterThanOrEqual(4);
    expect(live.totals.refused).toBeGreaterThanOrEqual(7);
    expect(res.body).not.toMatch(/Erika|Muster|@/);
  });
});

describe("the live stream", () => {
  it("pushes new figures over a real connection when a scan changes them, and ends when the client goes", async () => {
    const server = t.app.server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const abort = new AbortController();
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health-days/${dayId}/check-ins/live`, {
        headers: { cookie: manager.cookie },
        signal: abort.signal,
      });
      expect(res.status).toBe(200);
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      let text = "";
      const nextEvent = async () => {
        for (;;) {
          const end = text.indexOf("\n\n");
          if (end >= 0) {
            const event = text.slice(0, end);
            text = text.slice(end + 2);
            if (event.startsWith("event: checkins")) return JSON.parse(event.split("\ndata: ")[1] as string);
            continue;
          }
          const { value, done } = await reader.read();
          if (done) throw new Error("stream ended");
          text += decoder.decode(value, { stream: true });
        }
      };
      const first = await nextEvent();
      const p = await addPerson(t, manager, { account: true });
      await register(p, dayId, openSlot);
      const ticket = (await ticketsOf(p, dayId)).find((x) => x.slotId === openSlot) as Ticket;
      await sync([scan(ticket)]);
      const second = await nextEvent();
      expect(second.totals.checkedIn).toBe(first.totals.checkedIn + 1);
      expect(second.totals.registered).toBe(first.totals.registered + 1);
    } finally {
      abort.abort();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe("who may check in", () => {
  it("lets only the company's BGM manager scan, read the kit and the live figures", async () => {
    const b = await signUpCompany(t.app, { name: "Firma B" });
    const partner = await signUpProvider(t.app, { name: "Fremder Partner" });
    const employee = (people[0] as Person).as as Api;
    const hr = await addMember(t, manager, "employee");
    const body = { scans: [scan({ token: "x" })] };
    for (const [who, as, allowed] of [
      ["company B", api(t.app, b.cookie), [403, 404]],
      ["partner", api(t.app, partner.cookie), [403, 404]],
      ["employee", employee, [403]],
      ["employee member", api(t.app, hr.cookie), [403]],
      ["anonymous", api(t.app), [401]],
    ] as const) {
      for (const res of [
        await as.post(`/api/health-days/${dayId}/check-ins`, body),
        await as.get(`/api/health-days/${dayId}/check-in-kit`),
        await as.raw({ method: "GET", url: `/api/health-days/${dayId}/check-ins/live?once=true` }),
      ]) {
        expect(allowed as readonly number[], `${who}: ${res.statusCode} ${res.body.slice(0, 100)}`).toContain(res.statusCode);
      }
    }
    // Company B's manager: B's tenant has no such day.
    const rls = await withTenantTx(t.database.db, b.orgId, (tx) => tx.select().from(healthDayCheckIn));
    expect(rls).toEqual([]);
  });
});

async function countScans() {
  const rows = await t.database.db.select({ id: healthDayCheckIn.id }).from(healthDayCheckIn);
  return [{ n: rows.length }] as const;
}
