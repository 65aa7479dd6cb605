import type { RJSFSchema, UiSchema } from "@rjsf/utils";

/** The words the generated form shows instead of the JSON Schema's property names and English descriptions. */
export interface FormWords {
  /** The field's label, by property name. */
  label: (property: string) => string;
  /**
   * Help text for a field the schema describes; `parent` is the nearest named field above it ("" at the
   * top, the list's name inside list entries), so that clashing names (`label`, `n`) can differ by place.
   */
  help: (parent: string, property: string) => string | undefined;
  /** The heading of one entry of the list `list` (rjsf would show "scales-1"). */
  itemTitle: (list: string, item: unknown, index: number) => string;
}

/**
 * Readable labels for the generated upload form: the JSON Schema speaks in property names
 * (`invitedCount`); the form shows "Eingeladene Beschäftigte". One dictionary of property names
 * serves every output type (they share names like `title`, `mean`, `n`); unknown names stay as they are.
 * Help texts are given only where the schema has a description, so a field the registry does not explain
 * gets none; the English descriptions themselves are removed by `withoutDescriptions`.
 */
export function labelledUiSchema(schema: RJSFSchema, words: FormWords): UiSchema {
  const walk = (node: RJSFSchema | undefined, parent: string): UiSchema => {
    if (!node || typeof node !== "object") return {};
    const ui: UiSchema = {};
    if (node.properties) {
      for (const [name, child] of Object.entries(node.properties)) {
        if (typeof child !== "object") continue;
        const help = child.description ? words.help(parent, name) : undefined;
        ui[name] = { "ui:title": words.label(name), ...(help ? { "ui:description": help } : {}), ...walk(child as RJSFSchema, name) };
      }
    }
    if (node.items && typeof node.items === "object" && !Array.isArray(node.items)) {
      const itemUi = walk(node.items as RJSFSchema, parent);
      // rjsf calls this per entry, so the heading can follow what the partner typed (a scale's name).
      ui.items = (item: unknown, index: number) => ({ ...itemUi, "ui:title": words.itemTitle(parent, item, index) });
    }
    return ui;
  };
  return walk(schema, "");
}

/** Subschemas below one schema node; `properties` holds field names, so its own keys are never keywords. */
const SUBSCHEMA_LISTS = ["anyOf", "oneOf", "allOf", "prefixItems"] as const;
const SUBSCHEMA_MAPS = ["properties", "$defs", "definitions"] as const;

/**
 * The schema without its `description` keywords: rjsf would show them (English, from the registry's
 * `.describe()`) wherever no translated help replaces them. Descriptions do not affect validation.
 */
export function withoutDescriptions(node: RJSFSchema): RJSFSchema {
  const { description: _dropped, ...rest } = node;
  const out: Record<string, unknown> = { ...rest };
  for (const key of SUBSCHEMA_MAPS) {
    const map = rest[key];
    if (map && typeof map === "object") {
      out[key] = Object.fromEntries(
        Object.entries(map).map(([name, child]) => [name, typeof child === "object" ? withoutDescriptions(child as RJSFSchema) : child]),
      );
    }
  }
  for (const key of SUBSCHEMA_LISTS) {
    const list = rest[key];
    if (Array.isArray(list)) out[key] = list.map((child) => (typeof child === "object" ? withoutDescriptions(child as RJSFSchema) : child));
  }
  for (const key of ["items", "additionalProperties"] as const) {
    const child = rest[key];
    if (child && typeof child === "object" && !Array.isArray(child)) out[key] = withoutDescriptions(child as RJSFSchema);
  }
  return out as RJSFSchema;
}
