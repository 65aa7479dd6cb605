import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { AUDIT_ACTIONS, type AuditActionDef, auditActionsOfArea, auditLink } from "@bgm/domain";
import { describe, expect, it } from "vitest";
import { NOTICE_KINDS } from "../src/modules/engagements/messages.js";
import { PLACE_AUDIT_ACTIONS } from "../src/modules/participation/places.service.js";

/**
 * Every audit action the API writes has a label in the domain's audit registry
 * (packages/domain/src/registries/audit-actions.ts), so the audit page never shows a raw key. The API
 * source is scanned for `audit({ action: … })` calls: string literals (also both sides of a ternary) and
 * same-file string constants are read directly; an action built from a template needs an entry in
 * DYNAMIC below that names the exported list of its possible values.
 */
const srcDir = fileURLToPath(new URL("../src", import.meta.url));

/** Template actions as written in the source (whitespace removed) → every action they can produce. */
const DYNAMIC: Record<string, readonly string[]> = {
  "`engagement.${h.kind}`": NOTICE_KINDS.map((k) => `engagement.${k}`),
  "`engagement.${s.kind}`": NOTICE_KINDS.map((k) => `engagement.${k}`),
  "`participation.${action}`": PLACE_AUDIT_ACTIONS.map((a) => `participation.${a}`),
};

interface Written {
  action: string;
  where: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [path] : [];
  });
}

/** Index just past the bracket that closes the one at `open`; skips strings and template literals. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === "`") {
      i = endOfString(text, i);
      continue;
    }
    if (c === "(" || c === "{" || c === "[") depth++;
    if (c === ")" || c === "}" || c === "]") depth--;
    if (depth === 0) return i + 1;
  }
  return text.length;
}

function endOfString(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (quote === "`" && text.startsWith("${", i)) i = closing(text, i + 1) - 1;
    else if (text[i] === quote) return i;
  }
  return text.length;
}

/** The value expression of the top-level `action:` property of an object literal, if any. */
function actionExpression(object: string): string | null {
  let depth = 0;
  for (let i = 0; i < object.length; i++) {
    const c = object[i];
    if (c === '"' || c === "'" || c === "`") {
      i = endOfString(object, i);
      continue;
    }
    if (c === "(" || c === "{" || c === "[") depth++;
    if (c === ")" || c === "}" || c === "]") depth--;
    if (depth === 1 && /^\baction\s*:/.test(object.slice(i)) && /[\s{,]/.test(object[i - 1] ?? "")) {
      let j = object.indexOf(":", i) + 1;
      const start = j;
      let d = 0;
      for (; j < object.length; j++) {
        const ch = object[j];
        if (ch === '"' || ch === "'" || ch === "`") {
          j = endOfString(object, j);
          continue;
        }
        if (ch === "(" || ch === "{" || ch === "[") d++;
        if (ch === ")" || ch === "}" || ch === "]") {
          if (d === 0) break;
          d--;
        }
        if (ch === "," && d === 0) break;
      }
      return object.slice(start, j).trim();
    }
  }
  return null;
}

/** Every action an expression can evaluate to, or a problem to report. */
function actionsOf(written: string, source: string): { actions: string[]; problem?: string } {
  // `cond === "done" ? "a.b" : "c.d"`: only the branches are actions, not what the condition compares.
  const question = written.replace(/"[^"]*"|'[^']*'|`[^`]*`/g, (m) => "_".repeat(m.length)).indexOf("?");
  const expression = question < 0 ? written : written.slice(question + 1);
  const templates = expression.match(/`[^`]*`/g) ?? [];
  const actions: string[] = [];
  for (const template of templates) {
    const known = DYNAMIC[template.replace(/\s+/g, "")];
    if (!known) {
      return {
        actions,
        problem: `builds its action from the template ${template}: export the list of its values and add it to DYNAMIC in apps/api/test/audit-actions.test.ts`,
      };
    }
    actions.push(...known);
  }
  const rest = expression.replace(/`[^`]*`/g, "");
  for (const m of rest.matchAll(/"([^"]*)"|'([^']*)'/g)) actions.push((m[1] ?? m[2]) as string);
  const bare = rest.replace(/"[^"]*"|'[^']*'/g, "");
  if (templates.length === 0 && actions.length === 0) {
    // A constant of the same file: `const DECLINED = "data_grant.declined"`.
    const name = bare.trim();
    const constant = new RegExp(`const\\s+${name}\\s*=\\s*"([^"]+)"`).exec(source);
    if (/^[A-Za-z_$][\w$]*$/.test(name) && constant) return { actions: [constant[1] as string] };
    return { actions, problem: `writes the action \`${expression}\`, which this guard cannot resolve to strings` };
  }
  return { actions };
}

/** Every `audit({ … })` call of the API source with the actions it can write. */
function writtenActions(): { written: Written[]; problems: string[] } {
  const written: Written[] = [];
  const problems: string[] = [];
  for (const file of sourceFiles(srcDir)) {
    const source = readFileSync(file, "utf8");
    const path = relative(join(srcDir, "../../.."), file).split(sep).join("/");
    for (const call of source.matchAll(/\baudit\(\s*\{/g)) {
      const open = (call.index as number) + call[0].length - 1;
      const object = source.slice(open, closing(source, open));
      const line = source.slice(0, call.index).split("\n").length;
      const where = `${path}:${line}`;
      const expression = actionExpression(object);
      if (expression === null) {
        // Passing an entry through (`audit({ ...entry, details })`) writes the caller's action.
        if (!/^\{\s*\.\.\./.test(object)) problems.push(`${where}: audit({ … }) without an action`);
        continue;
      }
      const { actions, problem } = actionsOf(expression, source);
      if (problem) problems.push(`${where}: ${problem}`);
      for (const action of actions) written.push({ action, where });
    }
  }
  return { written, problems };
}

describe("audit action registry", () => {
  const { written, problems } = writtenActions();

  it("finds the API's audit writes", () => {
    expect(problems).toEqual([]);
    // A broken scanner would find nothing and pass the next test: make sure it reads the known writers.
    expect(new Set(written.map((w) => w.action)).size).toBeGreaterThan(90);
    expect(written.map((w) => w.action)).toEqual(
      expect.arrayContaining(["employee.created", "engagement.accept_quote", "data_grant.declined"]),
    );
  });

  it("labels every action the API writes", () => {
    const missing = written
      .filter((w) => !(w.action in AUDIT_ACTIONS))
      .map((w) => `"${w.action}" written at ${w.where} has no entry in packages/domain/src/registries/audit-actions.ts`);
    expect(missing, `audit actions without label:\n${missing.join("\n")}`).toEqual([]);
  });

  it("keeps no entry for an action nobody writes", () => {
    const writtenSet = new Set(written.map((w) => w.action));
    const stale = Object.keys(AUDIT_ACTIONS).filter((a) => !writtenSet.has(a));
    expect(stale, `registry entries no API code writes: ${stale.join(", ")}`).toEqual([]);
  });

  it("gives each action its area, German and English text, and a link pattern that names only known fields", () => {
    for (const [action, def] of Object.entries(AUDIT_ACTIONS)) {
      expect(def.de.trim().length, action).toBeGreaterThan(0);
      expect(def.en.trim().length, action).toBeGreaterThan(0);
      expect(auditActionsOfArea(def.area), action).toContain(action);
      const def_: AuditActionDef = def;
      const patterns = typeof def_.link === "string" ? [def_.link] : Object.values(def_.link ?? {});
      for (const p of patterns) expect(p, action).toMatch(/^\/[\w\-/]*(:(entityId|details\.\w+)[\w\-/]*)*$/);
    }
  });

  it("builds links from the entry, and none when a value is missing", () => {
    const entry = { entityType: "engagement", entityId: "e-1", details: { engagementId: "e-2", requirementKey: "gbu_psychological" } };
    expect(auditLink({ ...entry, action: "engagement.accept_quote" })).toBe("/engagements/e-1");
    expect(auditLink({ ...entry, action: "data_grant.revoked" })).toBe("/engagements/e-2");
    expect(auditLink({ ...entry, action: "legal.completed" })).toBe("/legal/gbu_psychological");
    expect(auditLink({ ...entry, action: "task.updated" })).toBeNull();
    expect(auditLink({ ...entry, action: "participation.sessions_created", entityType: "intervention" })).toBe("/interventions/e-1");
    expect(auditLink({ ...entry, action: "no.such_action" })).toBeNull();
  });
});
