import { localizeIssue } from "@bgm/domain";
import type { TFunction } from "i18next";
import { itemHeading } from "./item-titles";

/**
 * The one place that turns a problem with a result payload into words for the partner, whether the
 * browser's check found it (a Zod issue, with `expected`, `minimum`, `values` …) or the server's 422
 * listed it (`details.issues[]`: path, code, message, and a registry entry where the schema has one).
 * Never Zod's own messages („Ungültige Eingabe: erwartet string …“), never a JSON path: the field is
 * named by its form label and a list entry by its heading ("Skalen › Burnout › Anzahl gültiger Antworten (n)").
 */
export interface PayloadIssue {
  path: readonly (string | number | symbol)[];
  message: string;
  code?: string;
  /** Registry entry (server) … */
  issue?: unknown;
  /** … and its values (a record), or a Zod enum's allowed values (an array). */
  values?: unknown;
  /** Zod's own issue details, present for problems found in the browser. */
  params?: unknown;
  expected?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  origin?: unknown;
  format?: unknown;
}

export interface IssueText {
  /** The field, by its labels from the top; null for the payload as a whole. */
  field: string | null;
  /** What is wrong, as a sentence in the UI language. */
  text: string;
}

const EXPECTED = ["number", "string", "array", "object", "boolean", "int"] as const;

function fieldName(path: PayloadIssue["path"], payload: unknown, t: TFunction): string | null {
  const names: string[] = [];
  let node: unknown = payload;
  let list = "";
  for (const seg of path) {
    if (typeof seg === "number") {
      const item = Array.isArray(node) ? node[seg] : undefined;
      const number = seg + 1;
      const numbered = t(`results.itemTitles.${list}` as "results.itemTitles.scales", {
        number,
        defaultValue: t("results.rjsf.itemNumbered", { number }),
      });
      names.push(itemHeading(item, numbered));
      node = item;
    } else if (typeof seg === "string") {
      names.push(t(`results.fieldLabels.${seg}` as "results.fieldLabels.title", { defaultValue: seg }));
      list = seg;
      node = node && typeof node === "object" ? (node as Record<string, unknown>)[seg] : undefined;
    }
  }
  return names.length > 0 ? names.join(" › ") : null;
}

function optionList(values: readonly unknown[], t: TFunction): string {
  return values
    .map((v) =>
      typeof v === "string" ? t(`results.issueText.options.${v}` as "results.issueText.options.better", { defaultValue: v }) : String(v),
    )
    .join(", ");
}

/** What the payload holds at the issue's path (undefined when it is missing). */
function valueAt(payload: unknown, path: PayloadIssue["path"]): unknown {
  let node = payload;
  for (const seg of path) {
    if (node === null || typeof node !== "object" || typeof seg === "symbol") return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}

function sentence(issue: PayloadIssue, value: unknown, t: TFunction, language: string): string {
  // The schemas' own rules (minimum group size, counts that must add up) have registry texts.
  const params = (issue.params ?? issue) as { issue?: unknown };
  if (typeof params.issue === "string") return localizeIssue(issue as { message: string; params?: unknown }, language);
  switch (issue.code) {
    case "invalid_type": {
      // Zod does not report the input; what was sent tells a missing value from a wrong one.
      if (value === undefined || value === null || value === "") return t("results.issueText.required");
      const expected = EXPECTED.find((e) => e === issue.expected);
      return expected ? t(`results.issueText.expected.${expected}`) : t("results.issueText.invalid");
    }
    case "invalid_value":
      return Array.isArray(issue.values) && issue.values.length > 0
        ? t("results.issueText.oneOf", { options: optionList(issue.values, t) })
        : t("results.issueText.notAllowed");
    case "too_small":
    case "too_big": {
      const bound = issue.code === "too_small" ? issue.minimum : issue.maximum;
      const kind = issue.origin === "string" ? "text" : issue.origin === "array" ? "list" : "number";
      if (issue.code === "too_small" && kind === "text" && Number(bound) <= 1) return t("results.issueText.required");
      if (bound === undefined) return t(`results.issueText.${issue.code}.generic`);
      return t(`results.issueText.${issue.code}.${kind}`, { bound: String(bound) });
    }
    case "invalid_format":
      return issue.format === "date" ? t("results.issueText.date") : t("results.issueText.format");
    case "unrecognized_keys":
      return t("results.issueText.unknownFields");
    default:
      // A custom check without a registry entry: its message is English; say so in general words.
      return t("results.issueText.invalid");
  }
}

/** One problem in words: which field (by label) and what is wrong with it. */
export function issueText(issue: PayloadIssue, payload: unknown, t: TFunction, language: string): IssueText {
  return { field: fieldName(issue.path, payload, t), text: sentence(issue, valueAt(payload, issue.path), t, language) };
}

/** The problem as one line for a list: "Skalen › Burnout › n: Bitte ausfüllen." */
export function issueLine(issue: PayloadIssue, payload: unknown, t: TFunction, language: string): string {
  const { field, text } = issueText(issue, payload, t, language);
  return field ? `${field}: ${text}` : text;
}
