import { baselineMatch, type MatchContext, type MatchOffering, matchOfferings } from "@bgm/domain";
import { DEMO_CATALOGUE, GENERATED_CATALOGUE } from "./catalogues.js";
import { LABELLED_SET, type LabelledCase } from "./labelled-set.js";

/**
 * nDCG@5 and recall@5 of the partner matching against the labelled set, next to the scoring before
 * issue 15 as the baseline. Pure and quick (no database): the candidates are what the service's query
 * returns, the offerings relevant to the task or the phase.
 */
const K = 5;

function candidates(c: LabelledCase): MatchOffering[] {
  const all = c.catalogue === "demo" ? DEMO_CATALOGUE : GENERATED_CATALOGUE;
  const { taskKey, phase } = c.context;
  return all.filter((o) => (taskKey && o.relevantTasks.includes(taskKey)) || (phase && o.relevantPhases.includes(phase)));
}

function metrics(ranked: string[], relevant: string[]) {
  const rel = new Set(relevant);
  const top = ranked.slice(0, K);
  const dcg = top.reduce((sum, id, i) => sum + (rel.has(id) ? 1 / Math.log2(i + 2) : 0), 0);
  const ideal = Array.from({ length: Math.min(rel.size, K) }, (_, i) => 1 / Math.log2(i + 2)).reduce((a, b) => a + b, 0);
  return { ndcg: ideal > 0 ? dcg / ideal : 0, recall: top.filter((id) => rel.has(id)).length / Math.min(rel.size, K) };
}

type Ranker = (ctx: MatchContext, offerings: readonly MatchOffering[]) => { offering: MatchOffering }[];

export function evaluate(rank: Ranker) {
  const perCase = LABELLED_SET.map((c) => {
    const ranked = rank(c.context, candidates(c)).map((m) => m.offering.id);
    return { name: c.name, ...metrics(ranked, c.relevant), top: ranked.slice(0, K) };
  });
  const mean = (f: (x: (typeof perCase)[number]) => number) => perCase.reduce((s, x) => s + f(x), 0) / perCase.length;
  return { ndcg: mean((x) => x.ndcg), recall: mean((x) => x.recall), perCase };
}

/** The bench lines: one per scorer, and with BENCH_VERBOSE=1 the cases the matching does not get right. */
export function matchingQualityLines(verbose = false): string[] {
  const now = evaluate(matchOfferings);
  const before = evaluate(baselineMatch);
  const f = (n: number) => n.toFixed(3);
  const lines = [
    `matching-quality (${LABELLED_SET.length} labelled contexts, k=${K})`,
    `  baseline (task/goal words/phase)  nDCG@5 ${f(before.ndcg)}  recall@5 ${f(before.recall)}`,
    `  partner matching (issue 15)       nDCG@5 ${f(now.ndcg)}  recall@5 ${f(now.recall)}  target nDCG@5 >= 0.8: ${now.ndcg >= 0.8 ? "met" : "NOT met"}`,
  ];
  if (verbose) {
    for (const c of now.perCase.filter((x) => x.ndcg < 1)) lines.push(`    ${f(c.ndcg)} ${c.name}: ${c.top.join(", ")}`);
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of matchingQualityLines(process.env.BENCH_VERBOSE === "1")) console.log(line);
}
