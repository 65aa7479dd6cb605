import { PARTICIPATION_TIME_ZONE } from "@bgm/domain";

/** Calendar months and quarters in Europe/Berlin, as `YYYY-MM` and `YYYY-Qn` keys. */

const monthFormat = new Intl.DateTimeFormat("en-CA", { timeZone: PARTICIPATION_TIME_ZONE, year: "numeric", month: "2-digit" });

/** The Berlin calendar month of an instant, `YYYY-MM`. */
export function berlinMonth(at: Date): string {
  const parts = monthFormat.formatToParts(at);
  const y = parts.find((p) => p.type === "year")?.value ?? "1970";
  const m = parts.find((p) => p.type === "month")?.value ?? "01";
  return `${y}-${m}`;
}

export function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Every month from `a` to `b`, both included. */
export function monthsBetween(a: string, b: string): string[] {
  const out: string[] = [];
  for (let m = a; m <= b; m = addMonths(m, 1)) out.push(m);
  return out;
}

export const quarterStartMonth = (month: string) => addMonths(month, -((Number(month.slice(5, 7)) - 1) % 3));
export const quarterEndMonth = (month: string) => addMonths(quarterStartMonth(month), 2);
export const firstDay = (month: string) => `${month}-01`;
export function lastDay(month: string): string {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0")}`;
}

const MONTHS = {
  de: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

export function monthLabel(month: string) {
  const i = Number(month.slice(5, 7)) - 1;
  return { de: `${MONTHS.de[i]} ${month.slice(0, 4)}`, en: `${MONTHS.en[i]} ${month.slice(0, 4)}` };
}

/** `2026-Q1` → "1. Quartal 2026" / "Q1 2026". */
export function quarterLabel(quarter: string) {
  return { de: `${quarter.slice(6)}. Quartal ${quarter.slice(0, 4)}`, en: `${quarter.slice(5)} ${quarter.slice(0, 4)}` };
}

/** `2026-Q1` → the months 2026-01 … 2026-03. */
export function monthsOfQuarter(quarter: string): string[] {
  const start = `${quarter.slice(0, 4)}-${String((Number(quarter.slice(6)) - 1) * 3 + 1).padStart(2, "0")}`;
  return monthsBetween(start, addMonths(start, 2));
}
