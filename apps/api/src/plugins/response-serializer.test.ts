import * as domain from "@bgm/domain";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  compileResponseSchema,
  createResponseSerializerCompiler,
  hasBranches,
  ResponseSerializerMismatch,
  responseJsonSchema,
} from "./response-serializer.js";

/**
 * Production serializes responses with fast-json-stringify compiled from the routes' Zod schemas; development and
 * the tests validate with Zod. The two must write the same JSON, or production would silently drop or change a
 * field the tests saw. Route-level: the partner participation tests run the app in `checked` mode (both, compared).
 */
const compile = (schema: z.ZodType) => {
  const s = compileResponseSchema(schema);
  if (!s) throw new Error("not compiled");
  return s;
};
const zodJson = (schema: z.ZodType, data: unknown) => JSON.parse(JSON.stringify(z.encode(schema, data as never)));

describe("the compiled response serializer", () => {
  const Figure = z.object({
    attendedCount: z.number().int().nullable(),
    registeredCount: z.number().int().nullable(),
    attendanceRate: z.number().nullable(),
    suppressed: z.boolean(),
  });
  const Schema = z.object({
    id: z.uuid(),
    label: z.object({ de: z.string(), en: z.string() }),
    status: z.enum(["open", "done"]),
    note: z.string().nullable(),
    optional: z.string().optional(),
    at: z.iso.datetime(),
    figures: z.array(Figure),
    byKey: z.record(z.string(), z.number()),
    either: z.union([z.object({ kind: z.literal("a"), a: z.number() }), z.object({ kind: z.literal("b"), b: z.string() })]),
    nested: Figure.nullable(),
  });
  const data = {
    id: "6f1c3f5e-3b0a-4c35-9d55-6a3d8f2f9c11",
    label: { de: 'Rücken "fit" \\ 😀', en: "Back\nfit" },
    status: "open",
    note: null,
    at: "2026-07-01T08:00:00.000Z",
    figures: [
      { attendedCount: 7, registeredCount: null, attendanceRate: 0.875, suppressed: false },
      { attendedCount: null, registeredCount: null, attendanceRate: null, suppressed: true },
    ],
    byKey: { Vertrieb: 3, IT: 0 },
    either: { kind: "b", b: "x" },
    nested: null,
  };

  it("writes what Zod writes: nulls, optionals absent and present, escapes, unions, records", () => {
    const s = compile(Schema);
    for (const d of [data, { ...data, optional: "da", nested: data.figures[0], either: { kind: "a", a: 1.5 } }]) {
      expect(JSON.parse(s(d))).toEqual(zodJson(Schema, d));
    }
  });

  it("drops fields that are not in the schema, as Zod does (no personal field slips through)", () => {
    const s = compile(Schema);
    const leaky = { ...data, email: "max@example.com", figures: [{ ...data.figures[0], employeeId: "e-1" }] };
    const out = JSON.parse(s(leaky));
    expect(out).toEqual(zodJson(Schema, leaky));
    expect(JSON.stringify(out)).not.toMatch(/max@example|employeeId/);
  });

  it("compiles every response schema of the domain package", () => {
    // Request schemas (…Input, …Query) are parsed, never serialized, and may transform what they read.
    const failed = Object.entries(domain)
      .filter(([name, v]) => v instanceof z.ZodType && !/(Input|Query)$/.test(name))
      .filter(([, v]) => compileResponseSchema(v as z.ZodType) === null)
      .map(([name]) => name);
    expect(failed).toEqual([]);
  });

  it("in `checked` mode answers Zod's JSON and refuses a difference", () => {
    const route = { schema: Schema, method: "GET", url: "/x", httpStatus: "200" };
    const checked = createResponseSerializerCompiler("checked")(route as never);
    expect(JSON.parse(checked(data) as string)).toEqual(zodJson(Schema, data));
    // A schema the compiler reads differently from Zod: an integer the handler got wrong is truncated by
    // fast-json-stringify but refused by Zod — either way the check fails loudly instead of answering.
    expect(() => checked({ ...data, figures: [{ ...data.figures[0], attendedCount: 7.5 }] })).toThrow();
    const loose = { schema: z.object({ a: z.string() }).catchall(z.number()), method: "GET", url: "/y", httpStatus: "200" };
    const checkedLoose = createResponseSerializerCompiler("checked")(loose as never);
    expect(JSON.parse(checkedLoose({ a: "x", b: 1 }) as string)).toEqual({ a: "x", b: 1 });
    expect(ResponseSerializerMismatch).toBeDefined();
  });

  it("keeps the Zod serializer where the schema has no JSON Schema (a date object)", () => {
    const route = { schema: z.object({ at: z.date() }), method: "GET", url: "/z", httpStatus: "200" };
    const compiled = createResponseSerializerCompiler("compiled")(route as never);
    expect(compiled({ at: new Date("2026-07-01T08:00:00Z") })).toBe('{"at":"2026-07-01T08:00:00.000Z"}');
    expect(() => compiled({ at: "not a date" })).toThrow();
  });

  it("keeps Zod for a union (the signed-in session) and answers it like Zod does", () => {
    const route = { schema: domain.MeOrSignedOut, method: "GET", url: "/api/session", httpStatus: "200" };
    expect(hasBranches(responseJsonSchema(domain.MeOrSignedOut))).toBe(true);
    const compiled = createResponseSerializerCompiler("compiled")(route as never);
    expect(compiled({ user: null })).toBe('{"user":null}');
  });

  it("a nullable enum inside a union admits null (GET /api/session of a user without platform role)", () => {
    const me = {
      user: { id: "u1", name: "A", email: "a@example.de", platformRole: null },
      memberships: [],
      active: null,
    };
    expect(JSON.parse(compile(domain.MeOrSignedOut)(me))).toEqual(me);
    expect(compile(domain.MeOrSignedOut)({ user: null })).toBe('{"user":null}');
  });
});
