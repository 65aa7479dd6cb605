// Public entry of the todos module: "what needs me now", the BGM manager's list on the start page.
// Owns no table: each kind of item is read through the index.ts of the module that owns its data.
export { todoRoutes } from "./todos.routes.js";
