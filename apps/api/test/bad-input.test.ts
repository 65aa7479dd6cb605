import { execFile } from "node:child_process";
import { type AddressInfo, connect } from "node:net";
import { promisify } from "node:util";
import { employee, goal, storedFile } from "@bgm/db";
import { ErrorBody } from "@bgm/domain";
import { eq, sql } from "drizzle-orm";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Api, api, createTestApp, type OrgUser, signUpCompany, type TestApp } from "./helpers.js";

/**
 * Whatever a client sends, the API answers with a 4xx and the one error shape
 * `{ error: { code, message } }` — never a 500, never a half-written change.
 */

let t: TestApp;
let manager: OrgUser;
let as: Api;
let goalId: string;

beforeAll(async () => {
  t = await createTestApp();
  manager = await signUpCompany(t.app, { name: "Eingabe GmbH" });
  as = api(t.app, manager.cookie);
  const res = await as.post("/api/project/goals", { title: "Ziel", target: "5 %" });
  expect(res.statusCode, res.body).toBe(201);
  goalId = res.json().id;
});
afterAll(() => t?.close());

/** The app's own HTTP server on a free loopback port (tests that need real sockets close it again). */
async function listenOnLoopback(): Promise<string> {
  const server = t.app.server;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

function expectError(res: LightMyRequestResponse, status: number, label = "") {
  expect(res.statusCode, `${label} ${res.body.slice(0, 300)}`).toBe(status);
  expect(res.headers["content-type"], label).toMatch(/^application\/json/);
  const parsed = ErrorBody.safeParse(res.json());
  expect(parsed.success, `${label}: ${res.body}`).toBe(true);
  expect(res.json().error.code.length, label).toBeGreaterThan(0);
  expect(res.json().error.message.length, label).toBeGreaterThan(0);
  expect(res.body, label).not.toMatch(/at .*\.(ts|js):\d+/); // no stack traces
}

const json = (method: InjectOptions["method"], url: string, payload: string): InjectOptions => ({
  method,
  url,
  headers: { "content-type": "application/json" },
  payload,
});

async function count(table: typeof employee | typeof goal | typeof storedFile): Promise<number> {
  const [row] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(table).where(eq(table.orgId, manager.orgId));
  return row?.n ?? 0;
}

describe("malformed and mistyped bodies", () => {
  it("answers malformed JSON with 400", async () => {
    const cases: [InjectOptions["method"], string][] = [
      ["POST", "/api/organizations"],
      ["POST", "/api/project/goals"],
      ["PATCH", "/api/project/tasks/define_goals"],
      ["POST", "/api/invitations"],
      ["POST", "/api/employees"],
      ["POST", "/api/auth/sign-in/email"],
    ];
    for (const [method, url] of cases) {
      for (const payload of ['{"title": ', "{title: 'x'}", "[1, 2,]", '{"a":1}}']) {
        expectError(await as.raw(json(method, url, payload)), 400, `${method} ${url} ${payload}`);
      }
    }
    expectError(await as.raw(json("POST", "/api/project/goals", "")), 400, "empty body");
  });

  it("answers wrong types with 400 validation_failed and names the field", async () => {
    const cases: [InjectOptions["method"], string, unknown, string][] = [
      ["POST", "/api/project/goals", { title: 5, target: "x" }, "/title"],
      ["POST", "/api/project/goals", { title: "x", target: "y", dueDate: 20270101 }, "/dueDate"],
      ["PUT", "/api/project/current-phase", { phase: "3" }, "/phase"],
      ["PATCH", "/api/project/tasks/define_goals", { status: true }, "/status"],
      ["PATCH", "/api/project/tasks/define_goals", { notes: ["a"] }, "/notes"],
      ["PATCH", `/api/project/goals/${goalId}`, { status: null }, "/status"],
      ["POST", "/api/organizations", { name: { de: "x" }, kind: "company" }, "/name"],
      ["POST", "/api/invitations", { email: "keine-mail", role: "employee" }, "/email"],
      ["POST", "/api/employees", { firstName: "A", lastName: "B", email: "a@b.de", department: 7 }, "/department"],
      ["PATCH", "/api/legal-requirements/gbu_physical", { assessmentDate: "gestern" }, "/assessmentDate"],
    ];
    for (const [method, url, payload, path] of cases) {
      const res = await as.raw({ method, url, payload: payload as object });
      expectError(res, 400, `${method} ${url}`);
      expect(res.json().error.code).toBe("validation_failed");
      expect(res.json().error.details.issues, `${method} ${url}`).toContainEqual(
        expect.objectContaining({ in: "body", path: [path.slice(1)], code: expect.any(String) }),
      );
    }
    for (const payload of ["null", "[]", '"text"', "42"]) {
      expectError(await as.raw(json("POST", "/api/project/goals", payload)), 400, payload);
    }
  });

  it("answers unknown fields with 400", async () => {
    const cases: [InjectOptions["method"], string, unknown][] = [
      ["POST", "/api/project/goals", { title: "x", target: "y", orgId: manager.orgId }],
      ["POST", "/api/organizations", { name: "X", kind: "company", id: "mine" }],
      ["PATCH", "/api/project/tasks/define_goals", { status: "done", completedAt: "2020-01-01T00:00:00Z" }],
      ["PATCH", "/api/project/tasks/works_council_agreement", { details: { agreementDate: "2025-01-01", signedBy: "x" } }],
      ["POST", "/api/invitations", { email: "x@example.de", role: "employee", organizationId: "x" }],
      ["PUT", "/api/project/current-phase", { phase: 2, force: true }],
    ];
    for (const [method, url, payload] of cases) {
      expectError(await as.raw({ method, url, payload: payload as object }), 400, `${method} ${url}`);
    }
    const polluted = '{"title":"x","target":"y","__proto__":{"isAdmin":true}}';
    expectError(await as.raw(json("POST", "/api/project/goals", polluted)), 400, "__proto__");
  });

  it("answers missing fields with 400", async () => {
    const cases: [InjectOptions["method"], string, unknown][] = [
      ["POST", "/api/project/goals", { title: "x" }],
      ["POST", "/api/organizations", { name: "X" }],
      ["POST", "/api/invitations", { email: "x@example.de" }],
      ["POST", "/api/employees", { firstName: "A", lastName: "B", email: "a@b.de" }],
      ["PUT", "/api/project/current-phase", {}],
      ["POST", "/api/me/active-organization", {}],
      ["PATCH", "/api/project/tasks/define_goals", {}],
    ];
    for (const [method, url, payload] of cases) {
      expectError(await as.raw({ method, url, payload: payload as object }), 400, `${method} ${url}`);
    }
    expect(await count(goal)).toBe(1);
  });

  it("answers a JSON body over 1 MB with 413", async () => {
    const big = JSON.stringify({ title: "x", target: "y", pad: "x".repeat(1024 * 1024) });
    expectError(await as.raw(json("POST", "/api/project/goals", big)), 413, "goals");
    expectError(
      await as.raw(json("PATCH", "/api/project/tasks/define_goals", JSON.stringify({ notes: "ü".repeat(600_000) }))),
      413,
      "task",
    );
    expectError(await as.raw(json("POST", "/api/auth/sign-in/email", big)), 413, "auth");
    expect(await count(goal)).toBe(1);
  });

  it("answers a plain fetch of a large JSON body (no Expect: 100-continue) with 413 instead of dropping the connection", async () => {
    // Fastify refuses by Content-Length before reading; fetch is still writing then and, without the
    // body drained, gets EPIPE instead of the answer. The client runs in a process of its own, as a
    // real one does: in this process the server could not answer before the client had written all.
    // Anonymous, as an attacker's: the size is refused before anyone is looked up.
    const address = await listenOnLoopback();
    const client = `
      const out = [];
      for (const mb of [1.2, 3, 12]) {
        const body = JSON.stringify({ title: "x", target: "y", pad: "x".repeat(mb * 1024 * 1024) });
        try {
          const res = await fetch(process.argv[1] + "/api/project/goals", { method: "POST", body, headers: {
            "content-type": "application/json", "x-requested-with": "bgm-hub" } });
          out.push([mb, res.status, await res.json()]);
        } catch (err) { out.push([mb, String(err.cause?.code ?? err)]); }
      }
      console.log(JSON.stringify(out));`;
    try {
      const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", client, address]);
      const error = { error: { code: "payload_too_large", message: "The request body is too large" } };
      expect(JSON.parse(stdout)).toEqual([
        [1.2, 413, error],
        [3, 413, error],
        [12, 413, error],
      ]);
    } finally {
      await t.app.server.close();
    }
    expect(await count(goal)).toBe(1);
  });

  it("answers requests Node's HTTP parser refuses (headers or URL too large, not HTTP) in the agreed shape", async () => {
    const address = await listenOnLoopback();
    try {
      const long = await fetch(`${address}/api/marketplace/offerings?q=${"ECHO".repeat(6000)}`);
      expect(long.status).toBe(431);
      expect(long.headers.get("content-security-policy")).toContain("default-src 'none'");
      const body = await long.text();
      expect(JSON.parse(body)).toEqual({ error: { code: "headers_too_large", message: expect.any(String) } });
      expect(body).not.toContain("ECHO");

      const { port } = new URL(address);
      const raw = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), "127.0.0.1", () => socket.write("NOT-HTTP ECHO\r\n\r\n"));
        let answer = "";
        socket.on("data", (chunk) => {
          answer += chunk.toString();
        });
        socket.on("close", () => resolve(answer));
        socket.on("error", reject);
      });
      expect(raw).toMatch(/^HTTP\/1\.1 400 /);
      expect(raw).toContain('{"error":{"code":"bad_request","message":"The request is not valid HTTP"}}');
      expect(raw).not.toContain("ECHO");
    } finally {
      await t.app.server.close();
    }
  });

  it("answers an unsupported content type with 415", async () => {
    const cases: InjectOptions[] = [
      { method: "POST", url: "/api/project/goals", headers: { "content-type": "application/xml" }, payload: "<goal/>" },
      { method: "POST", url: "/api/employees", headers: { "content-type": "multipart/form-data; boundary=x" }, payload: "--x--" },
      { method: "POST", url: "/api/organizations", headers: { "content-type": "application/x-www-form-urlencoded" }, payload: "name=X" },
      {
        method: "POST",
        url: "/api/project/tasks/works_council_agreement/document",
        headers: { "content-type": "application/zip", "x-file-name": "a.zip" },
        payload: Buffer.from("PK\u0003\u0004"),
      },
    ];
    for (const c of cases) expectError(await as.raw(c), 415, `${c.url} ${JSON.stringify(c.headers)}`);
    // A JSON body where a file is expected is refused as well.
    expectError(await as.post("/api/project/tasks/works_council_agreement/document", { file: "x" }), 415, "json upload");
    expect(await count(goal)).toBe(1);
    expect(await count(storedFile)).toBe(0);
  });
});

describe("paths and query strings", () => {
  it("answers malformed ids in the path with 400", async () => {
    for (const [method, url] of [
      ["PATCH", "/api/project/goals/not-a-uuid"],
      ["PATCH", "/api/employees/123"],
      ["GET", "/api/files/00000000-0000-0000-0000"],
      ["PATCH", "/api/legal-requirements/gbu_physical/measures/abc"],
    ] as const) {
      const res = await as.raw({ method, url, payload: method === "GET" ? undefined : { title: "x" } });
      expectError(res, 400, url);
    }
    expectError(await as.get(`/api/project/tasks/${"k".repeat(65)}`), 400, "long task key");
  });

  it("answers unknown routes and methods with a JSON 404", async () => {
    for (const [method, url] of [
      ["GET", "/api/nope"],
      ["POST", "/api/nope"],
      ["DELETE", "/api/project"],
      ["GET", "/api/project/goals/extra/segments"],
    ] as const) {
      const res = await as.raw({ method, url });
      expectError(res, 404, `${method} ${url}`);
      expect(res.json().error.code).toBe("not_found");
    }
  });

  it("answers framework-level errors in the agreed shape, with the usual headers, without echoing the input", async () => {
    const marker = "ECHO-MARKER";
    const cases: [InjectOptions, number][] = [
      // A path parameter over Fastify's maxParamLength: the router answers before any hook runs.
      [{ method: "GET", url: `/api/engagements/${marker}${"a".repeat(300)}` }, 414],
      [{ method: "GET", url: `/api/${marker}/unknown?q=${marker}` }, 404],
      [{ method: "GET", url: `/api/engagements/%E0%A4%A${marker}` }, 400],
      [json("POST", "/api/project/goals", `{"title": "${marker}`), 400],
      [{ method: "POST", url: "/api/project/goals", headers: { "content-type": `application/${marker}` }, payload: marker }, 415],
    ];
    for (const [req, status] of cases) {
      const res = await as.raw(req);
      expectError(res, status, `${req.method} ${req.url}`);
      expect(res.body, req.url as string).not.toContain(marker);
      expect(res.headers["content-security-policy"], req.url as string).toContain("default-src 'none'");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["cache-control"]).toBe("no-store");
      expect(res.headers["x-request-id"]).toBeTruthy();
    }
  });

  it("answers invalid query parameters with 400", async () => {
    for (const url of [
      "/api/employees?pageSize=0",
      "/api/employees?pageSize=501",
      "/api/employees?page=-1",
      "/api/employees?active=vielleicht",
      "/api/employees?sort=name",
      "/api/audit?limit=abc",
    ]) {
      expectError(await as.get(url), 400, url);
    }
  });

  it("answers unauthenticated and cross-site requests with the same error shape", async () => {
    expectError(await api(t.app).get("/api/project"), 401, "anonymous");
    expectError(await api(t.app).post("/api/project/goals", { title: "x", target: "y" }), 401, "anonymous write");
    const noCsrf = await t.app.inject({
      method: "POST",
      url: "/api/project/goals",
      headers: { cookie: manager.cookie },
      payload: { title: "x", target: "y" },
    });
    expectError(noCsrf, 403, "csrf");
    expectError(await api(t.app).post("/api/auth/sign-in/email", { email: "niemand@example.de", password: "falsch-falsch" }), 401, "auth");
    expect(await count(goal)).toBe(1);
  });
});

describe("text and dates the database cannot store", () => {
  it("refuses NUL characters in JSON text fields with 400, not 500", async () => {
    const cases: [InjectOptions["method"], string, unknown][] = [
      ["PATCH", "/api/project/tasks/define_goals", { notes: "a\u0000b" }],
      ["POST", "/api/project/goals", { title: "Ziel\u0000", target: "y" }],
      ["POST", "/api/employees", { firstName: "A\u0000", lastName: "B", email: "nul@example.de", department: "C" }],
      ["POST", "/api/organizations", { name: "Firma\u0000", kind: "provider" }],
      ["PATCH", "/api/project/tasks/define_goals", { ownerUserId: "\u0000" }],
    ];
    const failures: string[] = [];
    for (const [method, url, payload] of cases) {
      const res = await as.raw({ method, url, payload: payload as object });
      if (res.statusCode !== 400) failures.push(`${method} ${url}: ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
    expect(await count(goal)).toBe(1);
    expect(await count(employee)).toBe(0);
  });

  it("refuses NUL characters in path and query parameters with 4xx, not 500", async () => {
    const failures: string[] = [];
    for (const url of ["/api/project/tasks/%00", "/api/invitations/%00", "/api/employees?q=%00", "/api/audit?entityType=%00"]) {
      const res = await as.get(url);
      if (res.statusCode < 400 || res.statusCode >= 500) failures.push(`${url}: ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it("refuses calendar dates PostgreSQL cannot store (year 0000) with 400, not 500", async () => {
    const failures: string[] = [];
    for (const [method, url, payload] of [
      ["PATCH", "/api/project/tasks/define_goals", { dueDate: "0000-01-01" }],
      ["POST", "/api/project/goals", { title: "x", target: "y", dueDate: "0000-06-30" }],
      ["PATCH", "/api/legal-requirements/gbu_physical", { assessmentDate: "0000-12-31" }],
    ] as const) {
      const res = await as.raw({ method, url, payload });
      if (res.statusCode !== 400) failures.push(`${method} ${url}: ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
    expect(await count(goal)).toBe(1);
  });
});

describe("all-or-nothing writes", () => {
  const header = "Vorname;Nachname;E-Mail;Abteilung\n";
  const csv = (body: string) =>
    as.raw({ method: "POST", url: "/api/employees/import", headers: { "content-type": "text/csv" }, payload: body });

  it("imports nothing when one row of a file is invalid", async () => {
    const before = await count(employee);
    const rows = Array.from({ length: 30 }, (_, i) => `Vorname${i};Nachname${i};person${i}@eingabe.de;Lager`);
    rows.splice(17, 0, "Kaputt;Zeile;keine-mail;Lager");
    const res = await csv(header + rows.join("\n"));
    expectError(res, 422, "bad row");
    expect(res.json().error.details.issues[0]).toMatchObject({ in: "file", path: [19, "email"], code: "invalid_email" });
    expect(await count(employee)).toBe(before);
  });

  it("imports nothing when a file names the same person twice", async () => {
    const before = await count(employee);
    const res = await csv(`${header}A;B;doppelt@eingabe.de;Lager\nC;D;DOPPELT@eingabe.de;Büro\n`);
    expectError(res, 422, "duplicate");
    expect(await count(employee)).toBe(before);
  });

  it("imports nothing when a file is too long", async () => {
    const before = await count(employee);
    const rows = Array.from({ length: 5001 }, (_, i) => `V;N;p${i}@eingabe.de;L`);
    const res = await csv(header + rows.join("\n"));
    expect([413, 422]).toContain(res.statusCode);
    expectError(res, res.statusCode, "too many rows");
    expect(await count(employee)).toBe(before);
  });

  it("stores no file and changes no task when an upload is refused", async () => {
    const task = (await as.get("/api/project/tasks/works_council_agreement")).json();
    for (const payload of [Buffer.alloc(0), Buffer.from("MZ\u0090\u0000 not a pdf")]) {
      const res = await as.raw({
        method: "POST",
        url: "/api/project/tasks/works_council_agreement/document",
        headers: { "content-type": "application/pdf", "x-file-name": "v.pdf" },
        payload,
      });
      expect([400, 422]).toContain(res.statusCode);
      expectError(res, res.statusCode, `upload of ${payload.length} bytes`);
    }
    expect(await count(storedFile)).toBe(0);
    expect((await as.get("/api/project/tasks/works_council_agreement")).json()).toEqual(task);
  });
});
