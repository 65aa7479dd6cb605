import { type OfferingStats, SUGGESTION_NEED_KINDS, type SuggestionNeedKind } from "@bgm/domain";

/** One week's counters of one offering and one need kind, with each action's distinct-company sketch. */
export interface StatAtom {
  offeringId: string;
  week: string;
  needKind: string;
  suggested: number;
  opened: number;
  requested: number;
  /** Bits set in the week's 64-bit sketch of the companies behind each action. */
  suggestedBits: number;
  openedBits: number;
  requestedBits: number;
}

const SKETCH_BITS = 64;

/**
 * Distinct companies behind a sketch with `bits` of 64 set (linear counting). Two companies on one bit
 * count once, so the estimate errs low: a group is withheld rather than shown too early.
 */
export function companiesOf(bits: number): number {
  if (bits <= 0) return 0;
  if (bits >= SKETCH_BITS) return Number.POSITIVE_INFINITY;
  return -SKETCH_BITS * Math.log(1 - bits / SKETCH_BITS);
}

const isNeed = (k: string): k is SuggestionNeedKind => (SUGGESTION_NEED_KINDS as readonly string[]).includes(k);

/**
 * What a provider may see of its offerings (ADR 0024). A figure is one action in one week for one kind of
 * need; it shows when at least `minGroupSize` companies stand behind it, else it is withheld. Every sum
 * (a week's suggestions, the totals, the needs) adds shown figures only, so no withheld figure can be got
 * back by subtracting one shown figure from another.
 */
export function discloseStats(atoms: readonly StatAtom[], minGroupSize: number): OfferingStats[] {
  const shows = (count: number, bits: number) => count > 0 && companiesOf(bits) >= minGroupSize;
  const byOffering = new Map<string, OfferingStats>();
  for (const a of [...atoms].sort((x, y) => y.week.localeCompare(x.week) || x.needKind.localeCompare(y.needKind))) {
    let o = byOffering.get(a.offeringId);
    if (!o) {
      o = { offeringId: a.offeringId, totals: { suggested: 0, opened: 0, requested: 0 }, needs: [], weeks: [], withheld: 0 };
      byOffering.set(a.offeringId, o);
    }
    let w = o.weeks.find((x) => x.week === a.week);
    if (!w) {
      w = { week: a.week, suggested: 0, opened: 0, requested: 0, needs: [] };
      o.weeks.push(w);
    }
    const figures = [
      { action: "suggested", count: a.suggested, bits: a.suggestedBits },
      { action: "opened", count: a.opened, bits: a.openedBits },
      { action: "requested", count: a.requested, bits: a.requestedBits },
    ] as const;
    for (const f of figures) {
      if (f.count === 0) continue;
      if (!shows(f.count, f.bits)) {
        o.withheld += 1;
        // A week whose only figures are withheld says "withheld", not 0.
        if (w[f.action] === 0) w[f.action] = null;
        continue;
      }
      w[f.action] = (w[f.action] ?? 0) + f.count;
      o.totals[f.action] += f.count;
      if (f.action === "suggested" && isNeed(a.needKind)) {
        w.needs.push({ needKind: a.needKind, suggested: f.count });
        const total = o.needs.find((n) => n.needKind === a.needKind);
        if (total) total.suggested += f.count;
        else o.needs.push({ needKind: a.needKind, suggested: f.count });
      }
    }
  }
  for (const o of byOffering.values()) o.needs.sort((x, y) => y.suggested - x.suggested || x.needKind.localeCompare(y.needKind));
  return [...byOffering.values()];
}
