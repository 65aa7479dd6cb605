import { auditLog, engagement, engagementEvent, notification, offering, quote } from "@bgm/db";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APP_URL,
  type Api,
  addMember,
  api,
  createTestApp,
  type OrgUser,
  signUpCompany,
  signUpProvider,
  type TestApp,
} from "../../../test/helpers.js";

let t: TestApp;
let company: OrgUser;
let colleague: OrgUser;
let staff: OrgUser;
let partner: OrgUser;
let partnerMember: OrgUser;
let otherCompany: OrgUser;
let otherPartner: OrgUser;
let offeringId: string;
let asCompany: Api;
let asPartner: Api;
let asMember: Api;

const FUTURE = "2099-12-31";

async function publishOffering(orgId: string, values: Partial<typeof offering.$inferInsert> = {}): Promise<string> {
  const [row] = await t.database.db
    .insert(offering)
    .values({
      orgId,
      title: "COPSOQ-Analyse",
      category: "survey_analysis",
      deliveryMode: "remote",
      priceFromCents: 120_000,
      priceUnit: "flat",
      status: "published",
      providerName: "SurveyPro GmbH",
      ...values,
    })
    .returning({ id: offering.id });
  return row?.id as string;
}

const brief = {
  what: "Mitarbeiterbefragung COPSOQ",
  when: "Q2 2026",
  employeeCount: 120,
  budgetCents: 500_000,
  message: "Bitte mit Auswertung",
};

async function requestQuote(body: Record<string, unknown> = {}) {
  const res = await asCompany.post("/api/engagements", { offeringId, taskKey: "employee_survey", brief, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as EngagementBody;
}

interface EngagementBody {
  id: string;
  status: string;
  version: number;
  companyName: string;
  providerName: string;
  offeringTitle: string;
  taskKey: string | null;
  phase: number | null;
  progressPercent: number | null;
  nextActionBy: string | null;
  lastActivityAt: string;
  quotes: { id: string; status: string; priceCents: number; expired: boolean; validUntil: string }[];
  timeline: {
    kind: string;
    fromStatus: string | null;
    toStatus: string | null;
    actorSide: string;
    actorName: string | null;
    message: string;
  }[];
  allowedActions: string[];
}

const act = (as: Api, id: string, action: string, extra: Record<string, unknown> = {}) =>
  as.post(`/api/engagements/${id}/transitions`, { action, ...extra });
const sendQuote = (as: Api, id: string, extra: Record<string, unknown> = {}) =>
  as.post(`/api/engagements/${id}/quotes`, {
    priceCents: 150_000,
    scopeOfWork: "Befragung, Auswertung, Workshop",
    validUntil: FUTURE,
    ...extra,
  });

async function ok(res: Awaited<ReturnType<Api["post"]>>, status = 200): Promise<EngagementBody> {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as EngagementBody;
}

async function unread(user: OrgUser): Promise<number> {
  return (await api(t.app, user.cookie).get("/api/notifications")).json().unread;
}

/** Everything a refused call could have touched. */
async function snapshot(id: string) {
  const [e] = await t.database.db.select().from(engagement).where(eq(engagement.id, id));
  const quotes = await t.database.db.select().from(quote).where(eq(quote.engagementId, id)).orderBy(quote.createdAt);
  const [n] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(notification);
  const [events] = await t.database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(engagementEvent)
    .where(eq(engagementEvent.engagementId, id));
  return { e, quotes, notifications: n?.n, events: events?.n, mails: t.mails.length };
}

beforeAll(async () => {
  t = await createTestApp();
  company = await signUpCompany(t.app, { name: "Muster Logistik GmbH" });
  colleague = await addMember(t, company, "bgm_manager");
  staff = await addMember(t, company, "employee");
  partner = await signUpProvider(t.app, { name: "SurveyPro GmbH" });
  partnerMember = await addMember(t, partner, "partner_member");
  otherCompany = await signUpCompany(t.app, { name: "Fremde AG" });
  otherPartner = await signUpProvider(t.app, { name: "Unbeteiligt GmbH" });
  offeringId = await publishOffering(partner.orgId);
  asCompany = api(t.app, company.cookie);
  asPartner = api(t.app, partner.cookie);
  asMember = api(t.app, partnerMember.cookie);
});
afterAll(() => t?.close());

describe("the full negotiation and delivery", () => {
  it("runs requested → quoted → revision → quoted (supersedes) → accepted → in progress → delivered → completed", async () => {
    const mailsBefore = t.mails.length;
    const created = await requestQuote();
    expect(created).toMatchObject({
      status: "requested",
      version: 1,
      companyName: "Muster Logistik GmbH",
      providerName: "SurveyPro GmbH",
      offeringTitle: "COPSOQ-Analyse",
      taskKey: "employee_survey",
      phase: 2,
      nextActionBy: "provider",
      allowedActions: ["cancel"],
      quotes: [],
    });
    const id = created.id;
    expect(created.timeline).toMatchObject([
      { kind: "created", toStatus: "requested", actorSide: "company", actorName: "Muster Logistik GmbH Admin" },
    ]);

    // Both partner members are told, by notification and mail; nobody of the company is.
    const newMails = t.mails.slice(mailsBefore);
    expect(newMails.map((m) => m.to).sort()).toEqual([partner.email, partnerMember.email].sort());
    expect(newMails[0]?.subject).toBe("BGM Hub: Neue Angebotsanfrage – COPSOQ-Analyse");
    expect(newMails[0]?.text).toContain(`${APP_URL}/engagements/${id}`);
    expect(newMails[0]?.text).not.toContain("Bitte mit Auswertung");
    expect(await unread(partner)).toBe(1);
    expect(await unread(partnerMember)).toBe(1);
    expect(await unread(colleague)).toBe(0);

    const inbox = (await asPartner.get("/api/engagements")).json().items;
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ id, companyName: "Muster Logistik GmbH", status: "requested", nextActionBy: "provider" });
    expect((await asPartner.get(`/api/engagements/${id}`)).json().allowedActions).toEqual(["send_quote", "decline"]);

    const quoted = await ok(await sendQuote(asMember, id, { priceCents: 180_000, message: "Gerne!" }), 201);
    expect(quoted).toMatchObject({ status: "quoted", version: 2, nextActionBy: "company", allowedActions: ["send_quote", "decline"] });
    const companySide = (await asCompany.get(`/api/engagements/${id}`)).json() as EngagementBody;
    expect(companySide.allowedActions).toEqual(["request_revision", "accept_quote", "reject_quote", "cancel"]);
    expect(quoted.quotes).toMatchObject([{ priceCents: 180_000, status: "open", expired: false, validUntil: FUTURE }]);
    // The company's managers hear of it, the employee does not.
    expect(await unread(company)).toBe(1);
    expect(await unread(colleague)).toBe(1);
    expect(await unread(staff)).toBe(0);
    expect(t.mails.at(-1)?.subject).toBe("BGM Hub: Neues Angebot – COPSOQ-Analyse");

    const noMessage = await act(asCompany, id, "request_revision");
    expect(noMessage.statusCode).toBe(422);
    expect(noMessage.json().error.details).toEqual({ field: "message" });
    const revision = await ok(await act(asCompany, id, "request_revision", { message: "Bitte ohne Workshop", expectedVersion: 2 }));
    expect(revision).toMatchObject({ status: "revision_requested", version: 3, nextActionBy: "provider" });
    expect(revision.quotes.map((q) => q.status)).toEqual(["revision_requested"]);

    const second = await ok(await sendQuote(asPartner, id, { priceCents: 140_000 }), 201);
    expect(second.quotes.map((q) => q.status)).toEqual(["revision_requested", "open"]);
    const third = await ok(await sendQuote(asPartner, id, { priceCents: 130_000, message: "Nochmals günstiger" }), 201);
    expect(third.quotes.map((q) => [q.status, q.priceCents])).toEqual([
      ["revision_requested", 180_000],
      ["superseded", 140_000],
      ["open", 130_000],
    ]);
    expect(third.timeline.at(-1)).toMatchObject({
      kind: "send_quote",
      fromStatus: "quoted",
      toStatus: "quoted",
      message: "Nochmals günstiger",
    });

    const accepted = await ok(await act(asCompany, id, "accept_quote", { expectedVersion: third.version }));
    expect(accepted).toMatchObject({ status: "accepted", nextActionBy: "provider", allowedActions: ["cancel"] });
    expect(accepted.quotes.map((q) => q.status)).toEqual(["revision_requested", "superseded", "accepted"]);

    const started = await ok(await act(asPartner, id, "start"));
    expect(started.status).toBe("in_progress");
    const progress = await ok(await asMember.post(`/api/engagements/${id}/progress`, { percent: 40, message: "Fragebogen versendet" }));
    expect(progress).toMatchObject({ status: "in_progress", progressPercent: 40, version: started.version });
    expect(progress.timeline.at(-1)).toMatchObject({ kind: "progress", message: "Fragebogen versendet", actorSide: "provider" });
    expect(t.mails.at(-1)?.subject).toBe("BGM Hub: Fortschritt: 40 % – COPSOQ-Analyse");

    await ok(await act(asPartner, id, "mark_delivered"));
    expect((await act(asCompany, id, "request_changes")).statusCode).toBe(422);
    await ok(await act(asCompany, id, "request_changes", { message: "Bitte Abteilungen getrennt auswerten" }));
    await ok(await act(asPartner, id, "mark_delivered"));
    const done = await ok(await act(asCompany, id, "complete"));
    expect(done).toMatchObject({ status: "completed", allowedActions: [], nextActionBy: null });
    const [row] = await t.database.db.select().from(engagement).where(eq(engagement.id, id));
    expect(row?.endedAt).toBeInstanceOf(Date);

    // Both sides read the same timeline.
    const companyView = (await asCompany.get(`/api/engagements/${id}`)).json() as EngagementBody;
    const partnerView = (await asPartner.get(`/api/engagements/${id}`)).json() as EngagementBody;
    expect(partnerView.timeline).toEqual(companyView.timeline);
    expect(partnerView.allowedActions).toEqual([]);
    expect(companyView.timeline.map((e) => e.kind)).toEqual([
      "created",
      "send_quote",
      "request_revision",
      "send_quote",
      "send_quote",
      "accept_quote",
      "start",
      "progress",
      "mark_delivered",
      "request_changes",
      "mark_delivered",
      "complete",
    ]);
    expect(companyView.timeline.find((e) => e.kind === "request_revision")?.message).toBe("Bitte ohne Workshop");
    expect(companyView.timeline.find((e) => e.kind === "send_quote")?.actorName).toBe("New partner_member");

    // Audit entries of each side, with states but no free text.
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    const byOrg = (org: string) => audit.filter((a) => a.orgId === org).map((a) => a.action);
    expect(byOrg(company.orgId)).toEqual(
      expect.arrayContaining(["engagement.created", "engagement.request_revision", "engagement.accept_quote", "engagement.complete"]),
    );
    expect(byOrg(partner.orgId)).toEqual(expect.arrayContaining(["engagement.send_quote", "engagement.start", "engagement.progress"]));
    expect(JSON.stringify(audit.map((a) => a.details))).not.toMatch(/Workshop|Fragebogen|Abteilungen/);
  });
});

describe("ending early", () => {
  it("the partner declines a request; the engagement ends and the company is told", async () => {
    const { id } = await requestQuote();
    const before = await unread(company);
    const declined = await ok(await act(asMember, id, "decline", { message: "Keine Kapazität" }));
    expect(declined).toMatchObject({ status: "declined", allowedActions: [], nextActionBy: null });
    expect(await unread(company)).toBe(before + 1);
    expect(t.mails.at(-1)).toMatchObject({ subject: "BGM Hub: Anfrage abgelehnt – COPSOQ-Analyse" });
    const [row] = await t.database.db.select().from(engagement).where(eq(engagement.id, id));
    expect(row?.endedAt).toBeInstanceOf(Date);
    const late = await sendQuote(asPartner, id);
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: "invalid_transition", details: { status: "declined", allowedActions: [] } });
  });

  it("the company rejects a quote", async () => {
    const { id } = await requestQuote();
    await ok(await sendQuote(asPartner, id), 201);
    const rejected = await ok(await act(asCompany, id, "reject_quote", { message: "Zu teuer" }));
    expect(rejected).toMatchObject({ status: "quote_rejected", allowedActions: [] });
    expect(rejected.quotes.map((q) => q.status)).toEqual(["rejected"]);
    expect((await asPartner.get(`/api/engagements/${id}`)).json().allowedActions).toEqual([]);
  });

  it("the company cancels, also once work has started", async () => {
    const first = await requestQuote();
    expect((await ok(await act(asCompany, first.id, "cancel"))).status).toBe("cancelled");
    const second = await requestQuote();
    await ok(await sendQuote(asPartner, second.id), 201);
    await ok(await act(asCompany, second.id, "accept_quote"));
    await ok(await act(asPartner, second.id, "start"));
    const cancelled = await ok(await act(api(t.app, colleague.cookie), second.id, "cancel"));
    expect(cancelled).toMatchObject({ status: "cancelled", allowedActions: [] });
    expect((await act(asCompany, second.id, "cancel")).statusCode).toBe(409);
  });

  it("the company withdraws a request before any quote („Anfrage zurückziehen“): cancelled, audited, the partner told", async () => {
    const { id } = await requestQuote();
    expect((await asCompany.get(`/api/engagements/${id}`)).json().allowedActions).toEqual(["cancel"]);
    const before = await unread(partner);
    const withdrawn = await ok(await act(asCompany, id, "cancel"));
    expect(withdrawn).toMatchObject({ status: "cancelled", allowedActions: [] });
    expect(await unread(partner)).toBe(before + 1);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.filter((a) => a.orgId === company.orgId).map((a) => a.action)).toContain("engagement.cancel");
    // Too late to quote now.
    expect((await sendQuote(asPartner, id)).statusCode).toBe(409);
  });

  it("the provider changes a quote the company has not answered („Angebot ändern“): the open one is superseded, audited", async () => {
    const { id } = await requestQuote();
    await ok(await sendQuote(asPartner, id), 201);
    expect((await asPartner.get(`/api/engagements/${id}`)).json().allowedActions).toContain("send_quote");
    const changed = await ok(await sendQuote(asPartner, id, { priceCents: 120_000 }), 201);
    expect(changed.status).toBe("quoted");
    expect(changed.quotes.map((q) => [q.status, q.priceCents])).toEqual(
      expect.arrayContaining([
        ["superseded", 150_000],
        ["open", 120_000],
      ]),
    );
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.filter((a) => a.orgId === partner.orgId && a.action === "engagement.send_quote")).toHaveLength(2);
    // Once the company has answered, the quote is no longer the provider's to change.
    await ok(await act(asCompany, id, "accept_quote"));
    expect((await sendQuote(asPartner, id)).statusCode).toBe(409);
  });

  it("tells the company which data scopes the offering requests (the recap before accepting)", async () => {
    const scoped = await publishOffering(partner.orgId, { title: "Datenangebot", requiredDataScopes: ["goals", "employee_count"] });
    const { id } = await requestQuote({ offeringId: scoped, taskKey: null });
    expect((await asCompany.get(`/api/engagements/${id}`)).json().requestedDataScopes).toEqual(["goals", "employee_count"]);
    expect((await asPartner.get(`/api/engagements/${id}`)).json().requestedDataScopes).toEqual(["goals", "employee_count"]);
  });

  it("the company closes an order in progress as completed without waiting for the partner's delivery note", async () => {
    const { id } = await requestQuote();
    await ok(await sendQuote(asPartner, id), 201);
    await ok(await act(asCompany, id, "accept_quote"));
    const started = await ok(await act(asPartner, id, "start"));
    expect(started).toMatchObject({ status: "in_progress", nextActionBy: "provider" });
    expect((await asCompany.get(`/api/engagements/${id}`)).json().allowedActions).toEqual(["complete", "cancel"]);
    const done = await ok(await act(asCompany, id, "complete"));
    expect(done).toMatchObject({ status: "completed", allowedActions: [], nextActionBy: null });
    expect((await asPartner.get(`/api/engagements/${id}`)).json()).toMatchObject({ status: "completed", allowedActions: [] });
    expect((await act(asPartner, id, "mark_delivered")).statusCode).toBe(409);
  });
});

describe("quotes", () => {
  it("an expired quote cannot be accepted; nothing changes; a revision can still be asked for", async () => {
    const { id } = await requestQuote();
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date());
    const quoted = await ok(await sendQuote(asPartner, id, { validUntil: today }), 201);
    expect(quoted.quotes[0]?.expired).toBe(false);
    await t.database.db.update(quote).set({ validUntil: "2020-01-31" }).where(eq(quote.engagementId, id));
    expect((await asCompany.get(`/api/engagements/${id}`)).json().quotes[0].expired).toBe(true);

    const before = await snapshot(id);
    const res = await act(asCompany, id, "accept_quote");
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: "quote_expired", details: { validUntil: "2020-01-31" } });
    expect(await snapshot(id)).toEqual(before);

    const revision = await ok(await act(asCompany, id, "request_revision", { message: "Bitte neues Datum" }));
    expect(revision.status).toBe("revision_requested");
  });

  it("refuses a validity date in the past (422) and changes nothing", async () => {
    const { id } = await requestQuote();
    const before = await snapshot(id);
    const res = await sendQuote(asPartner, id, { validUntil: "2020-01-01" });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual({ field: "validUntil" });
    expect(await snapshot(id)).toEqual(before);
  });

  it("is the provider's: the company cannot send one, and send_quote is refused on the transition route", async () => {
    const { id } = await requestQuote();
    expect((await sendQuote(asCompany, id)).statusCode).toBe(403);
    const viaTransition = await act(asPartner, id, "send_quote");
    expect(viaTransition.statusCode).toBe(422);
    expect(viaTransition.json().error.details.route).toContain("/quotes");
  });
});

describe("refused transitions", () => {
  it("answers 409 with the caller's allowed actions for a move the state does not allow", async () => {
    const { id } = await requestQuote();
    const before = await snapshot(id);
    const start = await act(asPartner, id, "start");
    expect(start.statusCode).toBe(409);
    expect(start.json().error).toMatchObject({
      code: "invalid_transition",
      details: { status: "requested", allowedActions: ["send_quote", "decline"] },
    });
    const complete = await act(asCompany, id, "complete");
    expect(complete.statusCode).toBe(409);
    expect(complete.json().error.details).toEqual({ status: "requested", allowedActions: ["cancel"] });
    expect(await snapshot(id)).toEqual(before);
  });

  it("answers 403 with the caller's allowed actions for the other side's move", async () => {
    const { id } = await requestQuote();
    const decline = await act(asCompany, id, "decline");
    expect(decline.statusCode).toBe(403);
    expect(decline.json().error.details).toEqual({ status: "requested", allowedActions: ["cancel"] });
    await ok(await sendQuote(asPartner, id), 201);
    const before = await snapshot(id);
    const accept = await act(asPartner, id, "accept_quote");
    expect(accept.statusCode).toBe(403);
    expect(accept.json().error.details).toEqual({ status: "quoted", allowedActions: ["send_quote", "decline"] });
    expect(await snapshot(id)).toEqual(before);
  });

  it("answers 409 for a stale expectedVersion", async () => {
    const created = await requestQuote();
    await ok(await sendQuote(asPartner, created.id), 201);
    const res = await act(asCompany, created.id, "accept_quote", { expectedVersion: created.version });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: "stale_version", details: { status: "quoted", version: 2 } });
    expect((await asCompany.get(`/api/engagements/${created.id}`)).json().status).toBe("quoted");
  });

  it("takes progress only while in progress", async () => {
    const { id } = await requestQuote();
    const res = await asPartner.post(`/api/engagements/${id}/progress`, { percent: 10, message: "Start" });
    expect(res.statusCode).toBe(409);
    expect((await asCompany.post(`/api/engagements/${id}/progress`, { percent: 10, message: "Start" })).statusCode).toBe(403);
  });
});

describe("access", () => {
  let id: string;
  beforeAll(async () => {
    id = (await requestQuote({ brief: { ...brief, what: "Vertraulicher Auftrag" } })).id;
  });

  it("hides an engagement from another company and from an uninvolved provider (404)", async () => {
    const before = await snapshot(id);
    for (const user of [otherCompany, otherPartner]) {
      const as = api(t.app, user.cookie);
      expect((await as.get(`/api/engagements/${id}`)).statusCode).toBe(404);
      expect((await act(as, id, user === otherCompany ? "cancel" : "decline")).statusCode).toBe(404);
      const list = await as.get("/api/engagements");
      expect(list.statusCode).toBe(200);
      expect(list.body).not.toContain("Vertraulicher Auftrag");
      expect(list.json().items).toEqual([]);
    }
    expect((await sendQuote(api(t.app, otherPartner.cookie), id)).statusCode).toBe(404);
    expect((await api(t.app, otherPartner.cookie).post(`/api/engagements/${id}/progress`, { percent: 5, message: "x" })).statusCode).toBe(
      404,
    );
    expect(await snapshot(id)).toEqual(before);
  });

  it("keeps the company's employees out (403)", async () => {
    const as = api(t.app, staff.cookie);
    expect((await as.get(`/api/engagements/${id}`)).statusCode).toBe(403);
    expect((await as.get("/api/engagements")).statusCode).toBe(403);
    expect((await as.post("/api/engagements", { offeringId, brief })).statusCode).toBe(403);
    expect((await act(as, id, "cancel")).statusCode).toBe(403);
  });

  it("lets a provider only request nothing: creating is the company's", async () => {
    expect((await asPartner.post("/api/engagements", { offeringId, brief })).statusCode).toBe(403);
  });
});

describe("input validation", () => {
  it("refuses unknown fields, oversized texts and negative numbers (400) and creates nothing", async () => {
    const count = async () => (await asCompany.get("/api/engagements")).json().items.length;
    const before = await count();
    const bad = [
      { offeringId, brief, extra: 1 },
      { offeringId, brief: { ...brief, secret: "x" } },
      { offeringId, brief: { ...brief, what: "x".repeat(201) } },
      { offeringId, brief: { ...brief, what: "" } },
      { offeringId, brief: { ...brief, message: "x".repeat(5001) } },
      { offeringId, brief: { ...brief, budgetCents: -1 } },
      { offeringId, brief: { ...brief, employeeCount: 0 } },
      { offeringId: "keine-uuid", brief },
      { offeringId },
    ];
    for (const body of bad)
      expect((await asCompany.post("/api/engagements", body)).statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
    expect(await count()).toBe(before);

    const { id } = await requestQuote();
    const snap = await snapshot(id);
    for (const body of [
      { priceCents: -1 },
      { priceCents: 1.5 },
      { scopeOfWork: "x".repeat(5001) },
      { validUntil: "2099-02-30" },
      { message: "x".repeat(5001) },
      { foo: "bar" },
    ]) {
      expect((await sendQuote(asPartner, id, body)).statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
    }
    expect((await act(asCompany, id, "fly_away")).statusCode).toBe(400);
    expect((await act(asCompany, id, "cancel", { message: "x".repeat(5001) })).statusCode).toBe(400);
    expect((await act(asCompany, id, "cancel", { expectedVersion: 0 })).statusCode).toBe(400);
    expect((await act(asCompany, id, "cancel", { who: "me" })).statusCode).toBe(400);
    expect((await asPartner.post(`/api/engagements/${id}/progress`, { percent: 101, message: "x" })).statusCode).toBe(400);
    expect((await asCompany.get("/api/engagements/keine-uuid")).statusCode).toBe(400);
    expect((await asCompany.get("/api/engagements?status=fertig")).statusCode).toBe(400);
    expect((await asCompany.get("/api/engagements?phase=7")).statusCode).toBe(400);
    expect((await asCompany.get("/api/engagements?sort=x")).statusCode).toBe(400);
    expect(await snapshot(id)).toEqual(snap);
  });

  it("refuses unknown task keys and unpublished offerings (422)", async () => {
    const unknownTask = await asCompany.post("/api/engagements", { offeringId, taskKey: "gibt_es_nicht", brief });
    expect(unknownTask.statusCode).toBe(422);
    expect(unknownTask.json().error.details).toMatchObject({ field: "taskKey" });
    const draft = await publishOffering(partner.orgId, { status: "draft", title: "Entwurf" });
    const res = await asCompany.post("/api/engagements", { offeringId: draft, brief });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual({ field: "offeringId" });
    expect((await asCompany.post("/api/engagements", { offeringId: "00000000-0000-4000-8000-000000000000", brief })).statusCode).toBe(422);
  });

  it("takes a request without a linked task", async () => {
    const created = await requestQuote({ taskKey: null });
    expect(created).toMatchObject({ taskKey: null, phase: null });
  });
});

describe("dashboard and inbox", () => {
  it("filters by status and phase and sorts by last activity", async () => {
    const fresh = await publishOffering(partner.orgId, { title: "Rückenschule" });
    const a = await requestQuote({ offeringId: fresh, taskKey: "ergonomic_workplace_check" });
    const b = await requestQuote({ offeringId: fresh, taskKey: "plan_health_day" });
    let items = (await asCompany.get("/api/engagements")).json().items as EngagementBody[];
    expect(items[0]?.id).toBe(b.id);
    await ok(await sendQuote(asPartner, a.id), 201);
    items = (await asCompany.get("/api/engagements")).json().items;
    expect(items[0]).toMatchObject({ id: a.id, status: "quoted", offeringTitle: "Rückenschule", nextActionBy: "company" });

    const quoted = (await asCompany.get("/api/engagements?status=quoted")).json().items as EngagementBody[];
    expect(quoted.length).toBeGreaterThan(0);
    expect(quoted.every((e) => e.status === "quoted")).toBe(true);
    const phase = a.phase as number;
    const inPhase = (await asCompany.get(`/api/engagements?phase=${phase}`)).json().items as EngagementBody[];
    expect(inPhase.map((e) => e.id)).toContain(a.id);
    expect(inPhase.every((e) => e.phase === phase)).toBe(true);
    // The partner's inbox holds the same engagements, seen from the other side.
    const inbox = (await asPartner.get("/api/engagements?status=quoted")).json().items as EngagementBody[];
    expect(inbox.map((e) => e.id).sort()).toEqual(quoted.map((e) => e.id).sort());
  });
});
