import type { RJSFSchema, UiSchema } from "@rjsf/utils";

/**
 * Readable labels for the generated upload form: the JSON Schema speaks in property names
 * (`invitedCount`); the form shows "Eingeladene Beschäftigte". One dictionary of property names
 * serves every output type (they share names like `title`, `mean`, `n`); unknown names stay as they are.
 */
export function labelledUiSchema(schema: RJSFSchema, label: (property: string) => string): UiSchema {
  const walk = (node: RJSFSchema | undefined): UiSchema => {
    if (!node || typeof node !== "object") return {};
    const ui: UiSchema = {};
    if (node.properties) {
      for (const [name, child] of Object.entries(node.properties)) {
        if (typeof child !== "object") continue;
        ui[name] = { "ui:title": label(name), ...walk(child as RJSFSchema) };
      }
    }
    if (node.items && typeof node.items === "object" && !Array.isArray(node.items)) {
      ui.items = walk(node.items as RJSFSchema);
    }
    return ui;
  };
  return walk(schema);
}
