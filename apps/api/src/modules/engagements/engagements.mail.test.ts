import type { AddressInfo } from "node:net";
import { offering } from "@bgm/db";
import type { FastifyInstance } from "fastify";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APP_URL,
  addMember,
  api,
  type OrgUser,
  recordSubscriptions,
  signUpCompany,
  signUpProvider,
  type TestApp,
  testConfig,
} from "../../../test/helpers.js";
import { openTestDatabase } from "../../../test/test-database.js";
import { buildApp } from "../../app.js";
import { createMailer } from "../../lib/mailer.js";

/** Mails as a real SMTP server received them, decoded just enough to read subject and text. */
interface Received {
  to: string[];
  subject: string;
  text: string;
}

function decodeWords(value: string): string {
  return value.replace(/\?=\s+=\?/g, "?==?").replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_m, _charset, enc: string, data: string) =>
    enc.toUpperCase() === "B"
      ? Buffer.from(data, "base64").toString("utf8")
      : Buffer.from(
          data.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
          "latin1",
        ).toString("utf8"),
  );
}

function parseMail(raw: string, to: string[]): Received {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const body = raw.slice(split + 4);
  const header = (name: string) => head.match(new RegExp(`^${name}:\\s*(.*)$`, "im"))?.[1] ?? "";
  const encoding = header("Content-Transfer-Encoding").toLowerCase();
  const text =
    encoding === "base64"
      ? Buffer.from(body, "base64").toString("utf8")
      : encoding === "quoted-printable"
        ? Buffer.from(
            body.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
            "latin1",
          ).toString("utf8")
        : body;
  return { to, subject: decodeWords(header("Subject")), text: text.replace(/\r\n/g, "\n") };
}

let smtp: SMTPServer;
let received: Received[];
let app: FastifyInstance;
let t: TestApp;
let company: OrgUser;
let partner: OrgUser;
let partnerMember: OrgUser;
let offeringId: string;

async function waitForMails(n: number): Promise<Received[]> {
  const deadline = Date.now() + 20_000;
  while (received.length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  return received.splice(0, received.length);
}

beforeAll(async () => {
  received = [];
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push(
          parseMail(
            Buffer.concat(chunks).toString("latin1"),
            session.envelope.rcptTo.map((a) => a.address),
          ),
        );
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  const smtpUrl = `smtp://127.0.0.1:${port}?ignoreTLS=true`;
  const database = await openTestDatabase();
  const { notificationsSettled } = recordSubscriptions(database);
  const config = testConfig({ smtpUrl });
  const smtpMailer = createMailer({ db: database.db, smtpUrl, from: config.mailFrom });
  // Also kept in memory: the setup's invitation is accepted through the link of its mail.
  const sent: TestApp["mails"] = [];
  app = await buildApp({
    database,
    config,
    mailer: {
      async send(mail) {
        sent.push(mail);
        await smtpMailer.send(mail);
      },
    },
    logger: false,
    serveWeb: false,
  });
  await app.ready();
  t = {
    app,
    database,
    mails: sent,
    notificationsSettled,
    async close() {
      await app.close();
      await database.close();
    },
  };
  company = await signUpCompany(app, { name: "Post GmbH" });
  partner = await signUpProvider(app, { name: "Brief AG" });
  partnerMember = await addMember(t, partner, "partner_member");
  const [row] = await database.db
    .insert(offering)
    .values({
      orgId: partner.orgId,
      title: "Ergonomie-Check",
      category: "ergonomics",
      deliveryMode: "on_site",
      priceFromCents: 50_000,
      priceUnit: "per_day",
      status: "published",
    })
    .returning({ id: offering.id });
  offeringId = row?.id as string;
  // Invitation and sign-up mails of the setup went through the same server.
  await new Promise((r) => setTimeout(r, 300));
  received.length = 0;
});
afterAll(async () => {
  await t?.close();
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
});

describe("notification mails through SMTP", () => {
  it("tells every partner member of a request and the company of the quote, with a link and no brief", async () => {
    const created = await api(app, company.cookie).post("/api/engagements", {
      offeringId,
      taskKey: "ergonomic_workplace_check",
      brief: { what: "Arbeitsplatzbegehung", message: "Frau Müller hat Rückenschmerzen" },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;

    const toPartner = await waitForMails(2);
    expect(toPartner.map((m) => m.to[0]).sort()).toEqual([partner.email, partnerMember.email].sort());
    for (const mail of toPartner) {
      expect(mail.subject).toBe("BGM Hub: Neue Angebotsanfrage – Ergonomie-Check");
      expect(mail.text).toContain("Post GmbH bittet um ein Angebot für „Ergonomie-Check“.");
      expect(mail.text).toContain(`${APP_URL}/engagements/${id}`);
      expect(mail.text).not.toMatch(/Müller|Rücken|Arbeitsplatzbegehung/);
    }

    const quoted = await api(app, partnerMember.cookie).post(`/api/engagements/${id}/quotes`, {
      priceCents: 60_000,
      scopeOfWork: "Begehung von 10 Arbeitsplätzen",
      validUntil: "2099-06-30",
    });
    expect(quoted.statusCode, quoted.body).toBe(201);
    const toCompany = await waitForMails(1);
    expect(toCompany).toHaveLength(1);
    expect(toCompany[0]).toMatchObject({ to: [company.email], subject: "BGM Hub: Neues Angebot – Ergonomie-Check" });
    expect(toCompany[0]?.text).toContain(`${APP_URL}/engagements/${id}`);
  });

  it("a mail server that is down neither fails nor undoes the change", async () => {
    const database = await openTestDatabase();
    const smtpUrl = "smtp://127.0.0.1:1?ignoreTLS=true&connectionTimeout=500";
    const config = testConfig({ smtpUrl });
    const broken = await buildApp({
      database,
      config,
      mailer: createMailer({ db: database.db, smtpUrl, from: config.mailFrom }),
      logger: false,
      serveWeb: false,
    });
    await broken.ready();
    try {
      const c = await signUpCompany(broken, { name: "Offline GmbH" });
      const p = await signUpProvider(broken, { name: "Offline Partner" });
      const [row] = await database.db
        .insert(offering)
        .values({
          orgId: p.orgId,
          title: "Yoga",
          category: "movement",
          deliveryMode: "remote",
          priceFromCents: 1,
          priceUnit: "flat",
          status: "published",
        })
        .returning({ id: offering.id });
      const res = await api(broken, c.cookie).post("/api/engagements", { offeringId: row?.id, brief: { what: "Yoga" } });
      expect(res.statusCode, res.body).toBe(201);
      const inbox = (await api(broken, p.cookie).get("/api/engagements")).json().items;
      expect(inbox.map((e: { id: string }) => e.id)).toEqual([res.json().id]);
      expect((await api(broken, p.cookie).get("/api/notifications")).json().unread).toBe(1);
    } finally {
      await broken.close();
      await database.close();
    }
  });
});
