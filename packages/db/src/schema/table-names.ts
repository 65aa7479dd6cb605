import { getTableName, is } from "drizzle-orm";
import { getViewConfig, PgTable, PgView } from "drizzle-orm/pg-core";
import * as schema from "./index.js";

/** Each exported Drizzle table or view of the schema, by its export name, with its SQL name. */
export function schemaTableNames(): Map<string, string> {
  const names = new Map<string, string>();
  for (const [exportName, value] of Object.entries(schema)) {
    if (is(value, PgTable)) names.set(exportName, getTableName(value));
    else if (is(value, PgView)) names.set(exportName, getViewConfig(value).name);
  }
  return names;
}
