/*
 * Zod compiles object parsers with `new Function` unless told not to, and it probes whether it may as soon
 * as a module *defines* an object schema. The API serves the app under a CSP without 'unsafe-eval', so that
 * probe was reported as a violation (issue 14) on every page whose chunks define schemas (sign-up, phases,
 * engagements), even though Zod catches the error. main.tsx imports this module before anything else, and
 * schemas only arrive in lazy route chunks, so no schema is defined before this runs. Parsing without the
 * JIT is fast enough for forms; the server keeps it.
 *
 * Zod keeps its config in this global (shared by every copy of Zod on the page) and keeps what it finds
 * there; setting it here rather than calling `z.config` keeps Zod itself out of the entry chunk (3.7 kB).
 * e2e/tests/first-page.spec.ts fails if a Zod update stops reading it.
 */
const scope = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
scope.__zod_globalConfig = { ...scope.__zod_globalConfig, jitless: true };
