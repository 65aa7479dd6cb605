import { isDeepStrictEqual } from "node:util";
import fastJson from "fast-json-stringify";
import type { FastifySerializerCompiler } from "fastify/types/schema.js";
import { serializerCompiler as zodSerializerCompiler } from "fastify-type-provider-zod";
import { z } from "zod";

/**
 * How responses become JSON (issue 14, "API overhead"):
 * - `zod`: every response object is validated (and stripped) by its route's Zod schema, then JSON.stringify —
 *   what development and the tests run, so a handler that returns the wrong shape fails loudly there;
 * - `compiled`: fast-json-stringify compiled from the same schema's JSON Schema (Fastify's own way to
 *   serialize), without the per-object validation — what production runs; it writes only the schema's fields;
 * - `checked`: both, and a difference between them is an error — what the serializer's own tests run over the
 *   routes' real responses, so a schema the compiler reads differently from Zod cannot silently drop a field.
 * A schema that has no JSON Schema (a transform, a date) keeps the Zod serializer in every mode.
 */
export type ResponseSerialization = "zod" | "compiled" | "checked";

export const defaultResponseSerialization = (env: string): ResponseSerialization => (env === "production" ? "compiled" : "zod");

type Serialize = (data: unknown) => string;

/** The route's response schema as Fastify hands it to the serializer compiler (a Zod type, or `{ properties }`). */
const zodOf = (schema: unknown): z.ZodType | null => {
  if (schema instanceof z.ZodType) return schema;
  const properties = (schema as { properties?: unknown } | null)?.properties;
  return properties instanceof z.ZodType ? properties : null;
};

type Json = { [key: string]: unknown };

/**
 * `anyOf: [X, {type: "null"}]` (Zod's nullable) as `type: [X's type, "null"]`: fast-json-stringify serializes a
 * type list directly, while an anyOf makes it validate the value against each branch (ajv) on every response.
 */
function simplify(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplify);
  if (node === null || typeof node !== "object") return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) out[k] = simplify(v);
  const anyOf = out.anyOf as Json[] | undefined;
  if (Array.isArray(anyOf) && anyOf.length === 2) {
    const nullAt = anyOf.findIndex((s) => s.type === "null" && Object.keys(s).length === 1);
    const other = anyOf[1 - nullAt];
    if (nullAt >= 0 && other && typeof other.type === "string" && other.anyOf === undefined) {
      const { anyOf: _, ...rest } = out;
      // An enum must admit null too: inside a union, fast-json-stringify validates the value against it (ajv).
      const nullable = Array.isArray(other.enum) && !other.enum.includes(null) ? { enum: [...other.enum, null] } : {};
      return { ...rest, ...other, ...nullable, type: [other.type, "null"] };
    }
  }
  return out;
}

/** The JSON Schema fast-json-stringify compiles for a response schema (output side, everything inline). */
export function responseJsonSchema(schema: z.ZodType): Json {
  const json = z.toJSONSchema(schema, {
    io: "output",
    target: "draft-7",
    unrepresentable: "throw",
    // Inline: the app's schema ids (OpenAPI components) are no concern of the serializer.
    metadata: z.registry(),
    reused: "inline",
    cycles: "ref",
  }) as Json;
  delete json.$schema;
  return simplify(json) as Json;
}

/**
 * Whether a schema has unions other than "X or null" (anyOf/oneOf): fast-json-stringify then validates each
 * response against the branches with ajv, which refuses values Zod serializes fine (a Date where the JSON
 * Schema says string: GET /api/session answered 500), and is slower than Zod anyway. Such routes keep Zod.
 */
export function hasBranches(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasBranches);
  if (node === null || typeof node !== "object") return false;
  return Object.entries(node).some(([k, v]) => k === "anyOf" || k === "oneOf" || hasBranches(v));
}

/** fast-json-stringify for a Zod schema, or null when the schema has no JSON Schema it can compile (or has unions, unless allowed). */
export function compileResponseSchema(schema: z.ZodType, opts: { branches: boolean } = { branches: true }): Serialize | null {
  try {
    const json = responseJsonSchema(schema);
    if (!opts.branches && hasBranches(json)) return null;
    return fastJson(json) as Serialize;
  } catch {
    return null;
  }
}

export class ResponseSerializerMismatch extends Error {}

export function createResponseSerializerCompiler(mode: ResponseSerialization): FastifySerializerCompiler<unknown> {
  return (route) => {
    const zodSerialize = zodSerializerCompiler(route as Parameters<typeof zodSerializerCompiler>[0]) as Serialize;
    const schema = zodOf(route.schema);
    if (mode === "zod" || !schema) return zodSerialize;
    // Compiled on the first response, not at start-up: most routes of a process never answer.
    let compiled: Serialize | undefined;
    const serialize = (data: unknown) => {
      compiled ??= compileResponseSchema(schema, { branches: false }) ?? zodSerialize;
      try {
        return compiled(data);
      } catch {
        // fast-json-stringify refuses what it cannot place; Zod decides (and fails loudly if the data is wrong).
        return zodSerialize(data);
      }
    };
    if (mode === "compiled") return serialize;
    return (data) => {
      const expected = zodSerialize(data);
      const actual = serialize(data);
      if (!isDeepStrictEqual(JSON.parse(actual), JSON.parse(expected))) {
        throw new ResponseSerializerMismatch(
          `${route.method} ${route.url} ${route.httpStatus}: the compiled serializer wrote ${actual.slice(0, 500)}, Zod ${expected.slice(0, 500)}`,
        );
      }
      return expected;
    };
  };
}
