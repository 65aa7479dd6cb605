import type { AddressInfo } from "node:net";
import { type DatabaseHandle, outboxMail } from "@bgm/db";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/test-database.js";
import { createMailer, type Mail } from "./mailer.js";

/** Attachments (the .ics of a registration) reach a real SMTP server and are kept in the development outbox. */

const ICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nSUMMARY:Größe\r\nEND:VCALENDAR\r\n";
const MAIL: Mail = {
  to: "max@muster.example",
  subject: "BGM Hub: Anmeldung bestätigt",
  text: "Guten Tag,\n\nSie sind angemeldet.\n",
  attachments: [{ filename: "termin.ics", contentType: "text/calendar; charset=utf-8; method=REQUEST", content: ICS }],
};

let database: DatabaseHandle;
let smtp: SMTPServer;
let port: number;
const received: string[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push(Buffer.concat(chunks).toString("utf8"));
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  port = (smtp.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await database.close();
});

describe("mail attachments", () => {
  it("go out through SMTP as a text/calendar part", async () => {
    const mailer = createMailer({ db: database.db, smtpUrl: `smtp://127.0.0.1:${port}`, from: "BGM Hub <noreply@bgm.example>" });
    await mailer.send(MAIL);
    const raw = received.at(-1) ?? "";
    expect(raw).toMatch(/Content-Type: multipart\/mixed/i);
    expect(raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST; name=termin\.ics/i);
    expect(raw).toMatch(/Content-Disposition: attachment; filename=termin\.ics/i);
    const part = raw.split(/filename=termin\.ics\r\n/i)[1]?.split(/\r\n--/)[0] ?? "";
    const decoded = /base64/i.test(raw.split(/name=termin\.ics/i)[1]?.slice(0, 200) ?? "")
      ? Buffer.from(part.replace(/\s+/g, ""), "base64").toString("utf8")
      : part;
    expect(decoded).toContain("METHOD:REQUEST");
    expect(decoded).toContain("SUMMARY:Größe");
  });

  it("are kept in the outbox without SMTP", async () => {
    const mailer = createMailer({ db: database.db, from: "noreply@bgm.example" });
    await mailer.send(MAIL);
    await mailer.send({ to: "ohne@anhang.example", subject: "Ohne", text: "x" });
    const rows = await database.db.select().from(outboxMail);
    expect(rows.find((r) => r.to === "max@muster.example")?.attachments).toEqual(MAIL.attachments);
    expect(rows.find((r) => r.to === "ohne@anhang.example")?.attachments).toEqual([]);
  });
});
