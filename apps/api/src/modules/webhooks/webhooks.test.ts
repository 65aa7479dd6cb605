import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEngagementWorld } from "../../../test/engagement-fixtures.js";
import { type Api, api, createTestApp, type OrgUser, signUpCompany, signUpProvider, type TestApp } from "../../../test/helpers.js";
import { sendWebhook } from "./send.js";
import { isForbiddenAddress } from "./ssrf.js";

/** A real receiver on 127.0.0.1: records every request; answers 500 while `failures` is above zero. */
interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}
function startReceiver() {
  const received: Received[] = [];
  const state = { failures: 0, alwaysFail: false };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      if (state.alwaysFail || state.failures > 0) {
        state.failures--;
        res.statusCode = 500;
        res.end("down");
        return;
      }
      res.end("ok");
    });
  });
  return new Promise<{ url: string; received: Received[]; state: typeof state; close: () => Promise<void> }>((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/hook`,
        received,
        state,
        close: () => new Promise((r) => server.close(() => r())),
      });
    }),
  );
}

const verify = (secret: string, r: Received) =>
  new Webhook(secret).verify(r.body, {
    "webhook-id": r.headers["webhook-id"] as string,
    "webhook-timestamp": r.headers["webhook-timestamp"] as string,
    "webhook-signature": r.headers["webhook-signature"] as string,
  });

const HOUR = 3_600_000;

describe("webhooks with a real receiver (WEBHOOK_ALLOW_PRIVATE=true)", () => {
  let t: TestApp;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let partner: OrgUser;
  let asPartner: Api;
  let endpointId: string;
  let secret: string;

  beforeAll(async () => {
    t = await createTestApp({ webhooks: { allowPrivate: true, timeoutMs: 2000 } });
    receiver = await startReceiver();
    partner = await signUpProvider(t.app, { name: "Hook Partner" });
    asPartner = api(t.app, partner.cookie);
  }, 60_000);
  afterAll(async () => {
    await receiver.close();
    await t.close();
  });

  it("subscribes: the secret is shown once, never in the list", async () => {
    const res = await asPartner.post("/api/provider/webhooks", {
      url: receiver.url,
      events: ["quote.accepted", "engagement.status_changed", "inquiry.received"],
      description: "CRM",
    });
    expect(res.statusCode).toBe(201);
    endpointId = res.json().id;
    secret = res.json().secret;
    expect(secret).toMatch(/^whsec_/);
    const list = await asPartner.get("/api/provider/webhooks");
    expect(list.json().items).toHaveLength(1);
    expect(list.body).not.toContain(secret);
    expect(list.json().nextCursor).toBeNull();
  });

  it("accepting a quote sends a signed quote.accepted event naming ids only", async () => {
    const world = await makeEngagementWorld(t, { until: "accepted", offering: {}, partner });
    expect(receiver.received, "nothing is sent inside the request").toHaveLength(0);
    await t.app.jobs.runDue();
    const types = receiver.received.map((r) => JSON.parse(r.body).type);
    expect(types).toContain("inquiry.received");
    expect(types).toContain("quote.accepted");
    expect(types.filter((x) => x === "engagement.status_changed").length).toBeGreaterThanOrEqual(2);
    const accepted = receiver.received.find((r) => JSON.parse(r.body).type === "quote.accepted") as Received;
    const verified = verify(secret, accepted) as { type: string; data: Record<string, unknown> };
    expect(verified.data).toMatchObject({ engagementId: world.engagementId });
    expect(Object.keys(verified.data).sort()).toEqual(["engagementId", "quoteId"]);
    expect(accepted.headers["webhook-id"]).toMatch(/^msg_/);
    expect(() => verify(`whsec_${Buffer.from("wrong-secret-wrong-secret").toString("base64")}`, accepted)).toThrow();
  }, 60_000);

  it("retries with backoff: three failures, the fourth try arrives, the log shows all four; a replay is known by its id", async () => {
    receiver.received.length = 0;
    receiver.state.failures = 3;
    const sent = await asPartner.post(`/api/provider/webhooks/${endpointId}/test`);
    expect(sent.statusCode).toBe(202);
    const { deliveryId, eventId } = sent.json();
    let now = new Date();
    await t.app.jobs.runDue({ now });
    expect(receiver.received).toHaveLength(1);
    // Not before the backoff…
    expect(await t.app.jobs.runDue({ now: new Date(now.getTime() + 1000) })).toBe(0);
    for (let i = 0; i < 3; i++) {
      now = new Date(now.getTime() + HOUR);
      await t.app.jobs.runDue({ now });
    }
    expect(receiver.received).toHaveLength(4);
    expect(new Set(receiver.received.map((r) => r.headers["webhook-id"]))).toEqual(new Set([eventId]));
    const log = (await asPartner.get(`/api/provider/webhooks/${endpointId}/deliveries?limit=10`)).json();
    const tries = log.items.filter((a: { deliveryId: string }) => a.deliveryId === deliveryId);
    expect(tries.map((a: { attempt: number; ok: boolean; statusCode: number }) => [a.attempt, a.ok, a.statusCode])).toEqual([
      [4, true, 200],
      [3, false, 500],
      [2, false, 500],
      [1, false, 500],
    ]);
    expect(tries[1].nextAttemptAt).not.toBeNull();
    expect(tries[0].nextAttemptAt).toBeNull();
    expect(tries[0].deliveryStatus).toBe("succeeded");
    // Paging: one try per page walks all of them.
    const page1 = (await asPartner.get(`/api/provider/webhooks/${endpointId}/deliveries?limit=1`)).json();
    expect(page1.items).toHaveLength(1);
    expect(page1.nextCursor).toBeTruthy();
    // A receiver that keeps the ids it processed recognises a replay of the delivered message.
    const seen = new Set<string>();
    const replays = receiver.received.filter((r) => {
      const ok = !(r.headers["webhook-id"] && seen.has(r.headers["webhook-id"] as string));
      seen.add(r.headers["webhook-id"] as string);
      return !ok;
    });
    expect(replays).toHaveLength(3);
    const last = receiver.received.at(-1) as Received;
    expect(verify(secret, last)).toMatchObject({ type: "webhook.test", data: { endpointId } });
  }, 60_000);

  it("rotation: during the overlap both secrets sign", async () => {
    const rotated = await asPartner.post(`/api/provider/webhooks/${endpointId}/rotate-secret`, { overlapHours: 24 });
    expect(rotated.statusCode).toBe(200);
    const fresh = rotated.json().secret as string;
    expect(fresh).not.toBe(secret);
    receiver.received.length = 0;
    await asPartner.post(`/api/provider/webhooks/${endpointId}/test`);
    await t.app.jobs.runDue();
    const r = receiver.received[0] as Received;
    expect((r.headers["webhook-signature"] as string).split(" ")).toHaveLength(2);
    expect(() => verify(fresh, r)).not.toThrow();
    expect(() => verify(secret, r)).not.toThrow();
    secret = fresh;
  }, 30_000);

  it("an endpoint failing for a day is disabled and the partner admin gets a mail", async () => {
    const created = await asPartner.post("/api/provider/webhooks", { url: receiver.url, events: ["quote.rejected"] });
    const id = created.json().id;
    receiver.state.alwaysFail = true;
    await asPartner.post(`/api/provider/webhooks/${id}/test`);
    let now = new Date();
    for (let i = 0; i < 9; i++) {
      await t.app.jobs.runDue({ now });
      now = new Date(now.getTime() + 10 * HOUR);
    }
    receiver.state.alwaysFail = false;
    const list = (await asPartner.get("/api/provider/webhooks")).json().items;
    expect(list.find((e: { id: string }) => e.id === id)).toMatchObject({ status: "disabled", disabledReason: "repeated_failures" });
    const log = (await asPartner.get(`/api/provider/webhooks/${id}/deliveries`)).json().items;
    expect(log).toHaveLength(9);
    expect(log[0].deliveryStatus).toBe("failed");
    expect(t.mails.some((m) => m.to === partner.email && m.subject.includes("Webhook"))).toBe(true);
    // Enabled again by the partner, it receives again.
    const enabled = await asPartner.patch(`/api/provider/webhooks/${id}`, { status: "active" });
    expect(enabled.json().status).toBe("active");
  }, 60_000);

  it("another partner and a company cannot see or touch the endpoint", async () => {
    const other = api(t.app, (await signUpProvider(t.app, { name: "Fremder Partner" })).cookie);
    const company = api(t.app, (await signUpCompany(t.app, { name: "Firma" })).cookie);
    const routes = [
      () => other.patch(`/api/provider/webhooks/${endpointId}`, { description: "x" }),
      () => other.delete(`/api/provider/webhooks/${endpointId}`),
      () => other.post(`/api/provider/webhooks/${endpointId}/rotate-secret`, {}),
      () => other.post(`/api/provider/webhooks/${endpointId}/test`),
      () => other.get(`/api/provider/webhooks/${endpointId}/deliveries`),
    ];
    for (const call of routes) expect((await call()).statusCode).toBe(404);
    expect((await other.get("/api/provider/webhooks")).json().items).toEqual([]);
    expect((await company.get("/api/provider/webhooks")).statusCode).toBe(403);
    expect((await company.post(`/api/provider/webhooks/${endpointId}/test`)).statusCode).toBe(403);
    // Still there for its owner.
    expect((await asPartner.get(`/api/provider/webhooks/${endpointId}/deliveries`)).statusCode).toBe(200);
  }, 60_000);

  it("deleting an endpoint removes it", async () => {
    const created = await asPartner.post("/api/provider/webhooks", { url: receiver.url, events: ["quote.rejected"] });
    expect((await asPartner.delete(`/api/provider/webhooks/${created.json().id}`)).statusCode).toBe(200);
    expect((await asPartner.delete(`/api/provider/webhooks/${created.json().id}`)).statusCode).toBe(404);
  });
});

describe("no server-side request forgery (WEBHOOK_ALLOW_PRIVATE off)", () => {
  let t: TestApp;
  let asPartner: Api;
  beforeAll(async () => {
    t = await createTestApp();
    asPartner = api(t.app, (await signUpProvider(t.app, { name: "SSRF Partner" })).cookie);
  }, 60_000);
  afterAll(() => t.close());

  it.each([
    "http://127.0.0.1:8080/hook",
    "http://169.254.169.254/latest/meta-data",
    "http://10.0.0.1/hook",
    "http://192.168.1.10/hook",
    "http://172.16.0.5/hook",
    "http://[::1]/hook",
    "http://[fd00::1]/hook",
    "http://localhost/hook",
    "http://[::ffff:127.0.0.1]/hook",
  ])("refuses %s at subscription time", async (url) => {
    const res = await asPartner.post("/api/provider/webhooks", { url, events: ["quote.accepted"] });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toMatchObject({ field: "url", reason: "forbidden_address" });
  });

  it("refuses other schemes", async () => {
    const res = await asPartner.post("/api/provider/webhooks", { url: "file:///etc/passwd", events: ["quote.accepted"] });
    expect([400, 422]).toContain(res.statusCode);
  });

  it("refuses private addresses at delivery time too", async () => {
    for (const url of ["http://127.0.0.1:9/x", "http://169.254.169.254/", "http://10.0.0.1/"]) {
      const out = await sendWebhook(url, {}, "{}", { allowPrivate: false, timeoutMs: 1000 });
      expect(out).toMatchObject({ ok: false, statusCode: null });
      expect(out.error).toMatch(/^refused/);
    }
  });

  it("classifies addresses", () => {
    for (const a of ["127.0.0.1", "10.1.2.3", "172.31.255.255", "192.168.0.1", "169.254.169.254", "::1", "fc00::1", "fe80::1", "0.0.0.0"])
      expect(isForbiddenAddress(a), a).toBe(true);
    for (const a of ["8.8.8.8", "172.32.0.1", "2a00:1450::1", "93.184.216.34"]) expect(isForbiddenAddress(a), a).toBe(false);
  });
});
