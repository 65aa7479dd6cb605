export * from "./audit.js";
export * from "./auth.js";
export * from "./bgm-process.js";
export * from "./data-grants.js";
export * from "./employees.js";
export * from "./engagements.js";
export * from "./legal.js";
export * from "./marketplace.js";
