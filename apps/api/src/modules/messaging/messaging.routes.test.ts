import {
  auditLog,
  engagementMessage,
  engagementMessageAttachment,
  engagementMessageRead,
  job,
  notification,
  user,
  withTenantTx,
} from "@bgm/db";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EngagementWorld, makeEngagementWorld } from "../../../test/engagement-fixtures.js";
import { APP_URL, type Api, api, createTestApp, signUp, signUpCompany, signUpProvider, type TestApp } from "../../../test/helpers.js";
import { EXECUTABLE, multipart, PDF } from "../results/test-fixtures.js";

let t: TestApp;
let w: EngagementWorld;
let outsiderCompany: Api;
let outsiderPartner: Api;

const url = () => `/api/engagements/${w.engagementId}/messages`;

function postFiles(as: Api, fields: Record<string, string>, files: { name: string; content: Buffer; type?: string }[]) {
  const body = multipart(fields, files, "attachments");
  return as.raw({ method: "POST", url: url(), payload: body.payload, headers: { "content-type": body.contentType } });
}

beforeAll(async () => {
  t = await createTestApp();
  w = await makeEngagementWorld(t, { until: "in_progress", offering: {}, companyName: "Nachrichten GmbH" });
  outsiderCompany = api(t.app, (await signUpCompany(t.app, { name: "Fremde Firma" })).cookie);
  outsiderPartner = api(t.app, (await signUpProvider(t.app, { name: "Fremder Partner" })).cookie);
  const res = await w.asCompany.post("/api/employees", {
    firstName: "Erika",
    lastName: "Mustermann",
    email: "erika.mustermann@nachrichten.de",
    department: "Produktion",
  });
  expect(res.statusCode, res.body).toBe(201);
}, 120_000);
afterAll(() => t.close());

describe("messages per engagement", () => {
  it("company asks, the partner sees it unread, answers with a PDF, the company reads it", async () => {
    t.mails.length = 0;
    const asked = await w.asCompany.post(url(), { text: "Wann starten die Workshops?", topic: "Termine" });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json()).toMatchObject({ senderSide: "company", topic: "Termine", text: "Wann starten die Workshops?", attachments: [] });

    const unread = (await w.asPartner.get("/api/messages/unread")).json();
    expect(unread).toEqual({ total: 1, items: [{ engagementId: w.engagementId, unread: 1 }], nextCursor: null });
    expect((await w.asCompany.get("/api/messages/unread")).json().total).toBe(0);

    // The partner is told in the app and by mail, with a link and without the text.
    const mails = t.mails.splice(0);
    expect(mails.length).toBeGreaterThan(0);
    expect(mails[0]?.text).toContain(`${APP_URL}/engagements/${w.engagementId}`);
    expect(mails.map((m) => m.text + m.subject).join()).not.toContain("Workshops");
    const notes = await t.database.db.select().from(notification).where(eq(notification.kind, "engagement.message"));
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.map((n) => n.body).join()).not.toContain("Workshops");

    const list = (await w.asPartner.get(url())).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ unread: true, senderSide: "company" });
    const read = await w.asPartner.post(`${url()}/read`, {});
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().total).toBe(0);
    expect((await w.asPartner.get(url())).json().items[0].unread).toBe(false);

    const answered = await postFiles(w.asPartner, { text: "Ab dem 3. März, Plan anbei." }, [{ name: "plan.pdf", content: PDF }]);
    expect(answered.statusCode, answered.body).toBe(201);
    const answer = answered.json();
    expect(answer.attachments).toEqual([
      { id: expect.any(String), fileName: "plan.pdf", mimeType: "application/pdf", sizeBytes: PDF.length },
    ]);
    expect((await w.asCompany.get("/api/messages/unread")).json().total).toBe(1);

    const page = (await w.asCompany.get(url())).json();
    expect(page.items.map((m: { text: string }) => m.text)).toEqual(["Ab dem 3. März, Plan anbei.", "Wann starten die Workshops?"]);
    const file = await w.asCompany.get(`${url()}/${answer.id}/attachments/${answer.attachments[0].id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toContain("application/pdf");
    expect(file.rawPayload.equals(PDF)).toBe(true);
    await w.asCompany.post(`${url()}/read`, {});
    expect((await w.asCompany.get("/api/messages/unread")).json()).toEqual({ total: 0, items: [], nextCursor: null });

    // Both messages stand in the shared timeline beside the status changes, on both sides.
    for (const as of [w.asCompany, w.asPartner]) {
      const timeline = (await as.get(`/api/engagements/${w.engagementId}`)).json().timeline as { kind: string; message: string }[];
      expect(timeline.filter((e) => e.kind === "message").map((e) => e.message)).toEqual([
        "Wann starten die Workshops?",
        "Ab dem 3. März, Plan anbei.",
      ]);
      expect(timeline.some((e) => e.kind === "start")).toBe(true);
    }
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, "message.sent"));
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain("Workshops");
  });

  it("pages newest first with the one list envelope", async () => {
    for (let i = 0; i < 3; i++) expect((await w.asPartner.post(url(), { text: `Seite ${i}` })).statusCode).toBe(201);
    const first = (await w.asCompany.get(`${url()}?limit=2`)).json();
    expect(first.items.map((m: { text: string }) => m.text)).toEqual(["Seite 2", "Seite 1"]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await w.asCompany.get(`${url()}?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((m: { text: string }) => m.text)).toEqual(["Seite 0", "Ab dem 3. März, Plan anbei."]);
    expect((await w.asCompany.get("/api/messages/unread")).json().total).toBe(3);
    await w.asCompany.post(`${url()}/read`, {});
  });

  it("refuses an executable (422), a file over 10 MB (413) and an empty text (400); nothing is stored", async () => {
    const before = (await w.asCompany.get(url())).json().items.length;
    const exe = await postFiles(w.asPartner, { text: "Programm" }, [{ name: "bericht.pdf", content: EXECUTABLE }]);
    expect(exe.statusCode).toBe(422);
    expect(exe.json().error).toMatchObject({ code: "file_type_mismatch", details: { detectedType: "unknown" } });
    const big = await postFiles(w.asPartner, { text: "Groß" }, [
      { name: "gross.pdf", content: Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)]) },
    ]);
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe("payload_too_large");
    expect((await w.asPartner.post(url(), { text: "   " })).statusCode).toBe(400);
    expect((await w.asCompany.get(url())).json().items.length).toBe(before);
  });

  it("warns the company of personal employee data and audits the override", async () => {
    const warned = await w.asCompany.post(url(), { text: "Frau erika mustermann fehlt, Mail an x.y@example.org" });
    expect(warned.statusCode).toBe(422);
    expect(warned.json().error).toMatchObject({
      code: "personal_data_warning",
      details: {
        matches: [
          { kind: "email", value: "x.y@example.org" },
          { kind: "employee_name", value: "Erika Mustermann" },
        ],
      },
    });
    // A name inside other words is no match.
    expect((await w.asCompany.post(url(), { text: "Die Muster-Erika-Mustermannschaft" })).statusCode).toBe(201);

    const sent = await w.asCompany.post(url(), { text: "Bitte Erika Mustermann einladen", acknowledgePersonalData: true });
    expect(sent.statusCode, sent.body).toBe(201);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, "message.personal_data_acknowledged"));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({ messageId: sent.json().id, emails: 0, employeeNames: 1 });
    expect(JSON.stringify(audit)).not.toContain("Mustermann");
    // Multipart carries the acknowledgement as a form field.
    const viaForm = await postFiles(w.asCompany, { text: "Erika Mustermann, s. Anhang", acknowledgePersonalData: "true" }, [
      { name: "a.pdf", content: PDF },
    ]);
    expect(viaForm.statusCode, viaForm.body).toBe(201);
    // The partner side is not checked (it has no register of the company's employees).
    expect((await w.asPartner.post(url(), { text: "Kontakt: info@partner.de" })).statusCode).toBe(201);
  });

  it("only the two parties read or write the thread: anyone else, the platform admin included, gets 404", async () => {
    const admin = await signUp(t.app, { name: "Plattform Admin" });
    await t.database.db.update(user).set({ platformRole: "admin" }).where(eq(user.id, admin.userId));
    const asAdmin = api(t.app, admin.cookie);
    for (const as of [outsiderCompany, outsiderPartner]) {
      expect((await as.get(url())).statusCode).toBe(404);
      expect((await as.post(url(), { text: "Hallo?" })).statusCode).toBe(404);
      expect((await as.post(`${url()}/read`, {})).statusCode).toBe(404);
      expect((await postFiles(as, { text: "x" }, [{ name: "a.pdf", content: PDF }])).statusCode).toBe(404);
      expect((await as.get("/api/messages/unread")).json()).toEqual({ total: 0, items: [], nextCursor: null });
    }
    expect([401, 403, 404]).toContain((await asAdmin.get(url())).statusCode);
    const mine = (await w.asCompany.get(url())).json().items[0];
    const pdfMessage = (await w.asCompany.get(url())).json().items.find((m: { attachments: unknown[] }) => m.attachments.length > 0);
    expect((await outsiderPartner.get(`${url()}/${pdfMessage.id}/attachments/${pdfMessage.attachments[0].id}`)).statusCode).toBe(404);
    expect(mine).toBeDefined();
  });

  it("under row-level security a foreign organization sees no message rows at all", async () => {
    const other = await signUpProvider(t.app, { name: "Dritter Partner" });
    const seen = await withTenantTx(t.database.db, other.orgId, async (tx) => ({
      messages: await tx.select().from(engagementMessage),
      files: await tx.select().from(engagementMessageAttachment),
      read: await tx.select().from(engagementMessageRead),
    }));
    expect(seen).toEqual({ messages: [], files: [], read: [] });
    const own = await withTenantTx(t.database.db, w.partner.orgId, (tx) => tx.select({ id: engagementMessage.id }).from(engagementMessage));
    expect(own.length).toBeGreaterThan(3);
    // A party cannot write into another engagement's thread by naming it.
    await expect(
      withTenantTx(t.database.db, other.orgId, (tx) =>
        tx.insert(engagementMessage).values({
          engagementId: w.engagementId,
          orgId: w.company.orgId,
          providerOrgId: other.orgId,
          senderSide: "provider",
          body: "eingeschleust",
        }),
      ),
    ).rejects.toThrow();
  });

  it("tells the partner's webhooks of a company message (ids only) and takes an Idempotency-Key", async () => {
    const fanouts = () =>
      t.database.db
        .select({ payload: job.payload })
        .from(job)
        .where(and(eq(job.queue, "webhooks.fanout"), sql`${job.payload}->>'type' = 'message.received'`));
    const before = (await fanouts()).length;
    const send = (text: string) =>
      w.asCompany.raw({ method: "POST", url: url(), payload: { text }, headers: { "idempotency-key": "msg-retry-1" } });
    const first = await send("Gibt es schon einen Termin für den Workshop?");
    expect(first.statusCode, first.body).toBe(201);
    const again = await send("Gibt es schon einen Termin für den Workshop?");
    expect(again.statusCode).toBe(201);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.json().id).toBe(first.json().id);
    expect((await send("Ein anderer Text")).statusCode).toBe(422);
    const events = (await fanouts()).slice(before);
    expect(events).toHaveLength(1);
    const payload = events[0]?.payload as { orgId: string; data: Record<string, string> };
    expect(payload.orgId).toBe(w.partner.orgId);
    expect(payload.data).toEqual({ engagementId: w.engagementId, threadId: w.engagementId, messageId: first.json().id });
    expect(JSON.stringify(payload)).not.toContain("Workshop");
    // The partner writing back is no event for the partner's own systems.
    expect((await w.asPartner.post(url(), { text: "Ja, am Montag." })).statusCode).toBe(201);
    expect((await fanouts()).slice(before)).toHaveLength(1);
  });
});
