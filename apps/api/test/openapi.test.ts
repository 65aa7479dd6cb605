import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { ErrorBody } from "@bgm/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { RequestResetAnswer, ResetAnswer, SignInAnswer, SignOutAnswer, SignUpAnswer } from "../src/plugins/auth-openapi.js";
import { api, cookieFrom, createTestApp, TEST_PASSWORD, type TestApp, uniqueEmail } from "./helpers.js";

interface Schema {
  type?: unknown;
  required?: string[];
  description?: string;
  $ref?: string;
  properties?: unknown;
  items?: unknown;
  anyOf?: unknown;
  oneOf?: unknown;
  allOf?: unknown;
  enum?: unknown[];
  const?: unknown;
  format?: string;
}
interface Operation {
  summary?: string;
  security?: Record<string, string[]>[];
  description?: string;
  parameters?: { in: string; name: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { headers?: Record<string, unknown>; content?: Record<string, { schema?: Schema }> }>;
}
interface Doc {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema>; securitySchemes?: Record<string, { type: string; scheme?: string }> };
}

const WRITE_METHODS = new Set(["post", "put", "patch"]);

let t: TestApp;
let doc: Doc;
let operations: { method: string; path: string; op: Operation }[];

beforeAll(async () => {
  t = await createTestApp();
  const res = await api(t.app).get("/api/openapi.json");
  expect(res.statusCode).toBe(200);
  doc = res.json() as Doc;
  operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ method, path, op })));
});
afterAll(() => t?.close());

/** A schema that says something: not `{}` or a bare description. */
function isMeaningful(s: Schema | undefined): boolean {
  if (!s) return false;
  return ["type", "$ref", "properties", "items", "anyOf", "oneOf", "allOf", "enum", "const"].some((k) => k in s);
}

/** A concrete URL for a documented path: enum parameters take their first value, uuids a random one. */
function urlFor(path: string, op: Operation): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const schema = op.parameters?.find((p) => p.in === "path" && p.name === name)?.schema;
    if (schema?.enum?.length) return String(schema.enum[0]);
    if (schema?.format === "uuid") return randomUUID();
    return "gbu_physical";
  });
}

const name = (o: { method: string; path: string }) => `${o.method.toUpperCase()} ${o.path}`;

/** The schema behind a `$ref` into the document's components (one level is all the document uses). */
function resolve(s: Schema | undefined): Schema | undefined {
  if (!s?.$ref) return s;
  return doc.components?.schemas?.[s.$ref.replace("#/components/schemas/", "")];
}
const jsonOk = (op: Operation) => resolve(op.responses?.["200"]?.content?.["application/json"]?.schema);

describe("OpenAPI document", () => {
  it("is an OpenAPI 3.1 document served without a session", () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBeTruthy();
    expect(operations.length).toBeGreaterThan(20);
  });

  it("gives every operation a summary", () => {
    const without = operations.filter(({ op }) => !op.summary?.trim()).map(name);
    expect(without).toEqual([]);
  });

  it("documents a response schema for every operation's success status", () => {
    const failures: string[] = [];
    for (const o of operations) {
      const success = Object.keys(o.op.responses ?? {}).filter((s) => /^2\d\d$/.test(s));
      if (success.length === 0) {
        failures.push(`${name(o)}: no 2xx response`);
        continue;
      }
      for (const status of success) {
        const content = o.op.responses?.[status]?.content ?? {};
        if (Object.keys(content).length === 0) failures.push(`${name(o)} ${status}: no content`);
        for (const [type, media] of Object.entries(content)) {
          if (!media.schema) failures.push(`${name(o)} ${status} ${type}: no schema`);
          else if (type.includes("json") && !isMeaningful(media.schema)) failures.push(`${name(o)} ${status} ${type}: empty schema`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("answers every GET list in one envelope: { items, nextCursor }, never a bare array", () => {
    const failures: string[] = [];
    const lists = operations.filter((o) => o.method === "get" && jsonOk(o.op) !== undefined);
    for (const o of lists) {
      const schema = jsonOk(o.op) as Schema;
      if (schema.type === "array") failures.push(`${name(o)}: a bare array`);
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      if (!("items" in props)) continue;
      if (resolve(props.items)?.type !== "array") failures.push(`${name(o)}: items is not an array`);
      if (!("nextCursor" in props) || !schema.required?.includes("nextCursor")) failures.push(`${name(o)}: no required nextCursor`);
      const query = new Set((o.op.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name));
      const whole = resolve(props.nextCursor)?.type === "null";
      if (whole && !/nextCursor` is always null/.test(o.op.description ?? ""))
        failures.push(`${name(o)}: a whole list that does not say so`);
      if (!whole && !(query.has("cursor") && query.has("limit"))) failures.push(`${name(o)}: pages without cursor and limit parameters`);
    }
    expect(lists.filter((o) => "items" in (((jsonOk(o.op) as Schema).properties ?? {}) as object)).length).toBeGreaterThan(15);
    expect(failures).toEqual([]);
  });

  it("documents a JSON request body schema for every write that takes JSON", () => {
    const failures: string[] = [];
    for (const o of operations.filter((x) => WRITE_METHODS.has(x.method))) {
      const content = o.op.requestBody?.content;
      if (!content) continue;
      for (const [type, media] of Object.entries(content)) {
        if (!media.schema) failures.push(`${name(o)} ${type}: no schema`);
        if (type === "application/json" && media.schema?.type !== "object" && !isMeaningful(media.schema)) {
          failures.push(`${name(o)} ${type}: empty schema`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  /** Upload routes that authenticate before the body is read (so nobody anonymous makes us buffer files). */
  const AUTH_BEFORE_BODY = new Set(["POST /api/partner/engagements/{id}/results", "POST /api/engagements/{id}/messages"]);
  /** better-auth validates its own bodies (it ignores unknown fields); their schemas only document. */
  const isAuthRoute = (o: { path: string }) => o.path.startsWith("/api/auth/");

  it("matches the running API: documented routes exist, and every body the API validates is documented", async () => {
    const failures: string[] = [];
    const anonymous = api(t.app);
    for (const o of operations) {
      const url = urlFor(o.path, o.op);
      const documentsJson = Boolean(o.op.requestBody?.content?.["application/json"]);
      const documentsBody = Object.keys(o.op.requestBody?.content ?? {}).length > 0;
      const res = await anonymous.raw({
        method: o.method.toUpperCase() as "GET",
        url,
        ...(WRITE_METHODS.has(o.method) ? { payload: { __undocumented: true } } : {}),
      });
      const body = res.headers["content-type"]?.toString().startsWith("application/json") ? res.json() : null;
      if (res.statusCode === 404 && /^Route /.test(body?.error?.message ?? "")) failures.push(`${name(o)}: route does not exist`);
      if (res.statusCode >= 500) failures.push(`${name(o)}: ${res.statusCode}`);
      if (!WRITE_METHODS.has(o.method) || isAuthRoute(o)) continue;
      if (AUTH_BEFORE_BODY.has(name(o))) {
        // These check the caller before reading a byte of the body (uploads); anonymous is 401 first.
        if (res.statusCode !== 401) failures.push(`${name(o)}: expected 401 before the body is read, got ${res.statusCode}`);
        continue;
      }
      const bodyIssue =
        res.statusCode === 400 &&
        body?.error?.code === "validation_failed" &&
        (body.error.details?.issues ?? []).some((i: { in?: string }) => i.in === "body");
      if (documentsJson && !bodyIssue) failures.push(`${name(o)}: documents a JSON body but accepted an unknown field (${res.statusCode})`);
      if (!documentsBody && bodyIssue) failures.push(`${name(o)}: validates a request body that the document does not describe`);
    }
    expect(failures).toEqual([]);
  });

  it("documents the file body of the task document upload like the evidence upload", () => {
    const evidence = doc.paths["/api/legal-requirements/{key}/steps/{step}/evidence"]?.post;
    const document = doc.paths["/api/project/tasks/{key}/document"]?.post;
    expect(Object.keys(evidence?.requestBody?.content ?? {})).toContain("application/pdf");
    expect(Object.keys(document?.requestBody?.content ?? {}), "POST /api/project/tasks/{key}/document").toContain("application/pdf");
  });

  it("keeps the document itself out of the operation list", () => {
    expect(Object.keys(doc.paths)).not.toContain("/api/openapi.json");
  });

  it("documents sign-up, sign-in, sign-out and the password reset, and no other better-auth route", () => {
    const auth = operations.filter(isAuthRoute).map(name);
    expect(auth.sort()).toEqual(
      [
        "POST /api/auth/request-password-reset",
        "POST /api/auth/reset-password",
        "POST /api/auth/sign-in/email",
        "POST /api/auth/sign-out",
        "POST /api/auth/sign-up/email",
      ].sort(),
    );
    for (const o of operations.filter(isAuthRoute)) {
      expect(o.op.requestBody?.content?.["application/json"]?.schema?.type, name(o)).toBe("object");
      expect(Object.keys(o.op.responses ?? {}), name(o)).toEqual(expect.arrayContaining(["200", "403", "429"]));
      expect(o.op.responses?.["429"]?.headers, name(o)).toHaveProperty("X-Retry-After");
      expect(o.op.security, `${name(o)} needs no session`).toEqual([]);
    }
    const signIn = doc.paths["/api/auth/sign-in/email"]?.post;
    expect(signIn?.responses?.["200"]?.headers).toHaveProperty("Set-Cookie");
    expect(signIn?.responses?.["401"]).toBeDefined();
  });

  it("documents every /api/auth/ route the web app calls", () => {
    const dir = new URL("../../web/src/features/auth/api/", import.meta.url);
    const called = readdirSync(dir).flatMap((f) =>
      [...readFileSync(new URL(f, dir), "utf8").matchAll(/"(\/api\/auth\/[^"?]+)"/g)].map((m) => m[1]),
    );
    expect(called.length).toBeGreaterThanOrEqual(5);
    for (const path of called) expect(Object.keys(doc.paths), path).toContain(path);
  });

  it("describes the auth answers as the bridge really gives them", async () => {
    const anonymous = api(t.app);
    const fits = (schema: z.ZodType, res: { statusCode: number; body: string }, status = 200) => {
      expect(res.statusCode, res.body).toBe(status);
      const parsed = schema.safeParse(JSON.parse(res.body));
      expect(parsed.success, `${res.body}\n${parsed.error?.message}`).toBe(true);
    };
    const email = uniqueEmail("doku");
    fits(SignUpAnswer, await anonymous.post("/api/auth/sign-up/email", { name: "Doku", email, password: TEST_PASSWORD }));
    fits(ErrorBody, await anonymous.post("/api/auth/sign-up/email", { name: "Doku", email, password: TEST_PASSWORD }), 422);
    fits(ErrorBody, await anonymous.post("/api/auth/sign-in/email", { email, password: "falsches-Passwort" }), 401);
    const signedIn = await anonymous.post("/api/auth/sign-in/email", { email, password: TEST_PASSWORD });
    fits(SignInAnswer, signedIn);
    fits(RequestResetAnswer, await anonymous.post("/api/auth/request-password-reset", { email, redirectTo: "/reset-password" }));
    fits(ErrorBody, await anonymous.post("/api/auth/reset-password", { token: "erfunden", newPassword: TEST_PASSWORD }), 400);
    const link = t.mails.findLast((m) => m.to === email)?.text.match(/https?:\/\/\S+/)?.[0] ?? "";
    const token = new URL(link).pathname.split("/").pop();
    fits(ResetAnswer, await anonymous.post("/api/auth/reset-password", { token, newPassword: "Ganz-Neues-Passwort-3" }));
    fits(SignOutAnswer, await api(t.app, cookieFrom(signedIn)).post("/api/auth/sign-out", {}));
  });

  it("names the bearer scheme of API keys on the partner operations that take one", () => {
    expect(doc.components?.securitySchemes?.partnerApiKey).toMatchObject({ type: "http", scheme: "bearer" });
    const withKey = operations.filter((o) => o.op.security?.some((s) => "partnerApiKey" in s)).map(name);
    expect(withKey).toEqual(
      expect.arrayContaining([
        "GET /api/partner/engagements",
        "GET /api/partner/engagements/{id}",
        "GET /api/partner/engagements/{id}/results",
        "POST /api/partner/engagements/{id}/results",
      ]),
    );
  });
});

describe("API reference page", () => {
  it("answers /api/docs with an HTML page", async () => {
    const res = await api(t.app).get("/api/docs");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    expect(res.body).toMatch(/<html/i);
  });
});
