export * from "./client.js";
export * as schema from "./schema/index.js";
export * from "./schema/index.js";
export * from "./schema/ownership.js";
export { schemaTableNames } from "./schema/table-names.js";
export * from "./tenant-tx.js";
