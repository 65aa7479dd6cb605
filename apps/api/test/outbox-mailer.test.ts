import { outboxMail } from "@bgm/db";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.js";
import { createMailer } from "../src/lib/mailer.js";
import { api, signUpCompany, testConfig } from "./helpers.js";
import { openTestDatabase } from "./test-database.js";

/**
 * Without SMTP, mails go to the outbox table. Sending must happen outside the request's
 * transaction: on PGlite the open transaction holds the only connection, and an outbox write
 * from inside it would wait forever (it once did, for invitations).
 */
let app: FastifyInstance;
let close: () => Promise<void>;
beforeAll(async () => {
  const database = await openTestDatabase();
  const mailer = createMailer({ db: database.db, from: "test@bgm-hub.local" });
  app = await buildApp({ database, config: testConfig(), mailer, logger: false, serveWeb: false });
  await app.ready();
  close = async () => {
    await app.close();
    await database.close();
  };
});
afterAll(() => close());

describe("local outbox", () => {
  it("an invitation answers and its mail lands in the outbox", async () => {
    const manager = await signUpCompany(app, { name: "Outbox GmbH" });
    const res = await api(app, manager.cookie).post("/api/invitations", { email: "kollegin@outbox.de", role: "employee" });
    expect(res.statusCode, res.body).toBe(201);
    const mails = await app.db.select().from(outboxMail);
    expect(mails.map((m) => m.to)).toContain("kollegin@outbox.de");
    expect(mails.find((m) => m.to === "kollegin@outbox.de")?.text).toContain(`/invite/${res.json().id}`);
  });
});
