import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createTestApp, type TestApp } from "./helpers.js";

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
  description?: string;
  parameters?: { in: string; name: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface Doc {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
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
  const AUTH_BEFORE_BODY = new Set(["POST /api/partner/engagements/{id}/results"]);

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
      if (!WRITE_METHODS.has(o.method)) continue;
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

  it("keeps better-auth's own routes and the document itself out of the operation list", () => {
    const paths = Object.keys(doc.paths);
    expect(paths.filter((p) => p.startsWith("/api/auth/"))).toEqual([]);
    expect(paths).not.toContain("/api/openapi.json");
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
