type Schema = Record<string, unknown>;

function resolve(schema: Schema, root: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== "string" || !ref.startsWith("#/")) return schema;
  const target = ref
    .slice(2)
    .split("/")
    .reduce<unknown>(
      (node, part) => (node && typeof node === "object" ? (node as Schema)[part.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined),
      root,
    );
  return target && typeof target === "object" ? (target as Schema) : schema;
}

function typeMatches(type: unknown, data: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => {
    if (t === "null") return data === null;
    if (t === "array") return Array.isArray(data);
    if (t === "object") return typeof data === "object" && data !== null && !Array.isArray(data);
    if (t === "integer") return Number.isInteger(data);
    return typeof data === t;
  });
}

/**
 * Whether data has the shape a schema describes: types, required keys, enums and constants, and the
 * combinators. The form only asks this to pick the matching branch of an `anyOf` (e.g. text or null);
 * the real check of values is the domain's Zod schema, as on the server.
 */
export function matchesSchema(input: Schema, data: unknown, root: Schema): boolean {
  const schema = resolve(input, root);
  if ("const" in schema && JSON.stringify(schema.const) !== JSON.stringify(data)) return false;
  if (Array.isArray(schema.enum) && !schema.enum.some((v) => JSON.stringify(v) === JSON.stringify(data))) return false;
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some((s) => matchesSchema(s as Schema, data, root))) return false;
  if (Array.isArray(schema.oneOf) && !schema.oneOf.some((s) => matchesSchema(s as Schema, data, root))) return false;
  if (Array.isArray(schema.allOf) && !schema.allOf.every((s) => matchesSchema(s as Schema, data, root))) return false;
  if (schema.type !== undefined && !typeMatches(schema.type, data)) return false;
  if (typeMatches("object", data)) {
    const record = data as Schema;
    const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
    if (required.some((key) => !(key in record))) return false;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const [key, sub] of Object.entries(properties)) {
      if (key in record && !matchesSchema(sub, record[key], root)) return false;
    }
  }
  return true;
}
