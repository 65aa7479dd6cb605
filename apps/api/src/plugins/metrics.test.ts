import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createTestApp, signUpCompany, type TestApp } from "../../test/helpers.js";

const TOKEN = "metrics-token-for-the-test-0123456789";

let on: TestApp;
let off: TestApp;
beforeAll(async () => {
  on = await createTestApp({ metricsToken: TOKEN });
  off = await createTestApp();
});
afterAll(async () => {
  await on?.close();
  await off?.close();
});

const scrape = (t: TestApp, authorization?: string) =>
  api(t.app).raw({ method: "GET", url: "/metrics", headers: authorization ? { authorization } : {} });

describe("/metrics", () => {
  it("is a 404 like any unknown path without METRICS_TOKEN, without a token and with a wrong one", async () => {
    for (const res of [
      await scrape(off),
      await scrape(off, `Bearer ${TOKEN}`),
      await scrape(on),
      await scrape(on, "Bearer wrong"),
      await scrape(on, TOKEN),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual((await api(on.app).get("/no-such-path-at-all")).json());
    }
  });

  it("gives request durations by route pattern and status, process and database figures, and no personal data", async () => {
    const m = await signUpCompany(on.app);
    const emp = await api(on.app, m.cookie).post("/api/employees", {
      firstName: "Erika",
      lastName: "Mustermann",
      email: "erika.metrics@example.de",
      department: "Vertrieb",
    });
    expect(emp.statusCode, emp.body).toBe(201);
    const patched = await api(on.app, m.cookie).patch(`/api/employees/${emp.json().id}`, { department: "Einkauf" });
    expect(patched.statusCode, patched.body).toBe(200);
    await api(on.app, m.cookie).get("/api/employees?q=Mustermann");
    await api(on.app).get("/api/does-not-exist/erika.metrics@example.de");

    const res = await scrape(on, `Bearer ${TOKEN}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/plain");
    const text = res.body;
    expect(text).toMatch(
      /http_request_duration_seconds_bucket\{le="\+Inf",method="PATCH",route="\/api\/employees\/:id",status_code="200"\}/,
    );
    expect(text).toMatch(/http_request_duration_seconds_count\{method="POST",route="\/api\/employees",status_code="201"\} 1/);
    expect(text).toMatch(/route="unmatched",status_code="404"/);
    expect(text).toContain("process_cpu_user_seconds_total");
    expect(text).toContain("nodejs_eventloop_lag_seconds");
    expect(text).toContain(`db_info{kind="${on.database.kind}"} 1`);
    if (on.database.kind === "postgres") expect(text).toMatch(/db_pool_connections\{state="max"\} \d+/);
    for (const secret of ["erika", "Mustermann", emp.json().id, m.cookie.split("=")[1]?.slice(0, 12) ?? "x"]) {
      expect(text).not.toContain(secret);
    }
  });
});
