/**
 * Known boundary debts. Issue 11 paid every one, so the lists are empty; they stay as the one place where a
 * debt taken on knowingly would be written down, with why. `module-boundaries.test.ts` compares these
 * lists with the code exactly: a new violation fails the test, and so does a debt that has been paid but is
 * still listed, so the lists only shrink. Paths are relative to `apps/api/src`. `docs/architecture.md`
 * shows them (checked by `architecture-doc.test.ts`).
 */

/** File → tables it imports from `@bgm/db` that its module (or the platform code) does not own. */
export const KNOWN_TABLE_DEBTS: Record<string, readonly string[]> = {};

/** Modules that import each other, directly or around a circle (sorted names joined by " ↔ "). */
export const KNOWN_MODULE_CYCLES: readonly string[] = [];

/** Imports that reach past a module's `index.ts` (spec as written in the importing file). */
export const KNOWN_INTERNAL_IMPORT_DEBTS: readonly string[] = [];

/**
 * Not checked against table ownership: they build data for demos and tests across all modules,
 * outside any request, by design.
 */
export const TABLE_RULE_EXEMPT = [/^seed\//, /(^|\/)test-fixtures\.ts$/];
