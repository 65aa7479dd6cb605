import type { PersonalDataMatch } from "@bgm/domain";

/**
 * "Names stay inside": what in a company's message looks like personal employee data. E-mail
 * addresses of anyone, and the full names of the company's active employees ("Vorname Nachname" or
 * "Nachname, Vorname"), compared case-insensitively on whole words. A warning, not a filter: the writer
 * may send anyway (the override is audited).
 */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

const fold = (s: string) => s.normalize("NFC").toLocaleLowerCase("de-DE").replace(/\s+/g, " ").trim();
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function findPersonalData(text: string, employees: readonly { firstName: string; lastName: string }[]): PersonalDataMatch[] {
  const matches: PersonalDataMatch[] = [];
  const seen = new Set<string>();
  const add = (m: PersonalDataMatch) => {
    const key = `${m.kind}:${fold(m.value)}`;
    if (!seen.has(key)) {
      seen.add(key);
      matches.push(m);
    }
  };
  for (const m of text.matchAll(EMAIL)) add({ kind: "email", value: m[0] });
  const folded = fold(text);
  for (const e of employees) {
    const first = fold(e.firstName);
    const last = fold(e.lastName);
    if (!first || !last) continue;
    for (const name of [`${first} ${last}`, `${last}, ${first}`]) {
      if (!folded.includes(name)) continue;
      // Whole words only: "Anna Berg" is not found in "Johanna Bergmann".
      if (new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, "u").test(folded)) {
        add({ kind: "employee_name", value: `${e.firstName} ${e.lastName}` });
        break;
      }
    }
  }
  return matches;
}
