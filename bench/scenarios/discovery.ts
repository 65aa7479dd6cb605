import { APP_ROLE, member, offering, organization, providerProfile, TENANT_SETTINGS_SQL, user } from "@bgm/db";
import { DiscoveryQuery, OFFERING_CATEGORIES, type OfferingCategoryKey, TASK_TEMPLATES } from "@bgm/domain";
import { eq, sql } from "drizzle-orm";
import type pg from "pg";
import { discoveryStatements, sanitizeSearch } from "../../apps/api/src/modules/marketplace/discovery.sql.js";
import { mulberry32 } from "../../packages/domain/src/testing/mulberry32.js";
import { lookUpCaller, sessionTokenOf } from "../lib/caller.js";
import type { BenchContext, Scenario } from "../lib/scenario.js";

const EMAIL = "petra.manager@muster-gmbh.de";
const PASSWORD = "Demo!2026bgm";
const PROVIDERS = 1_000;
const OFFERINGS_PER_PROVIDER = 10;
const BATCH = 500;

/**
 * What a BGM manager types and clicks on the marketplace page: full-text searches with filters and
 * one filter-only browse. Connections rotate through them (see `paths`).
 */
export const DISCOVERY_QUERIES = [
  "q=R%C3%BCcken&region=Hamburg",
  "q=Stress&deliveryMode=remote",
  "q=Ergonomie&phase=2",
  `q=Ern%C3%A4hrung&certification=${encodeURIComponent("§20 SGB V")}`,
  "q=Befragung&category=survey_analysis&priceMax=200000",
  "q=Gesundheitstag&region=Bayern&limit=5",
  "q=Coaching%20F%C3%BChrung&limit=10",
  "category=movement&phase=4&region=Niedersachsen",
];

const CATALOG: Record<OfferingCategoryKey, { titles: string[]; sentences: string[] }> = {
  survey_analysis: {
    titles: ["Mitarbeiterbefragung", "COPSOQ-Analyse", "Pulsbefragung", "AU-Datenanalyse", "Befragung psychischer Belastung"],
    sentences: [
      "Online-Befragung mit validiertem Fragebogen und Auswertung nach Abteilungen.",
      "Psychosoziale Gefährdungsbeurteilung nach § 5 ArbSchG mit Benchmark-Vergleich.",
      "Ergebnisbericht mit Handlungsempfehlungen für den Steuerungskreis.",
    ],
  },
  movement: {
    titles: ["Rückenfit-Kurs", "Bewegte Pause", "Rückenschule", "Yoga am Arbeitsplatz", "Lauftreff für Beschäftigte"],
    sentences: [
      "Präventionskurs gegen Rückenschmerzen mit acht Terminen à 60 Minuten.",
      "Kurze Bewegungseinheiten, die sich in jeden Arbeitsalltag einbauen lassen.",
      "Kräftigung und Mobilisation für Beschäftigte mit sitzender Tätigkeit.",
    ],
  },
  nutrition: {
    titles: ["Ernährungsberatung", "Lunch & Learn: Gesunde Ernährung", "Kantinencheck", "Ernährungscoaching"],
    sentences: [
      "Impulsvortrag zu ausgewogener Ernährung im Schichtdienst.",
      "Individuelle Beratung und Teilnahmestatistik für das BGM.",
      "Analyse des Speiseplans mit Vorschlägen für die Kantine.",
    ],
  },
  mental_health: {
    titles: ["Stressmanagement-Workshop", "Resilienztraining", "Achtsamkeitskurs", "Stressprävention für Teams"],
    sentences: [
      "Training zu Stressbewältigung und Resilienz, zertifiziert nach § 20 SGB V.",
      "Methoden zur Entspannung und zum Umgang mit hoher Arbeitsbelastung.",
      "Vertrauliche Einzelgespräche für Beschäftigte in belastenden Situationen.",
    ],
  },
  ergonomics: {
    titles: ["Ergonomie-Check", "Arbeitsplatzbegehung", "Bildschirmarbeitsplatz-Beratung", "Hebe- und Tragetraining"],
    sentences: [
      "Begehung aller Arbeitsplätze und Beurteilung der ergonomischen Belastungen.",
      "Einstellung von Stuhl, Tisch und Bildschirm mit jedem Beschäftigten.",
      "Maßnahmenplan für die Gefährdungsbeurteilung physischer Belastungen.",
    ],
  },
  addiction_prevention: {
    titles: ["Suchtprävention für Auszubildende", "Rauchfrei-Programm", "Alkoholprävention im Betrieb"],
    sentences: [
      "Interaktiver Workshop zu Risiken von Alkohol, Nikotin und Medikamenten.",
      "Schulung für Führungskräfte zum Ansprechen auffälliger Beschäftigter.",
    ],
  },
  health_day_module: {
    titles: ["Rückenscreening", "Stress-Messung", "Venencheck", "Hautscreening", "Ergonomie-Station"],
    sentences: [
      "Station eines Gesundheitstags mit individueller Kurzauswertung.",
      "Mobile Messung vor Ort, etwa 10 Minuten pro Person.",
      "Ideal als Modul für den Gesundheitstag in Produktion und Verwaltung.",
    ],
  },
  full_service_health_day: {
    titles: ["Gesundheitstag Full-Service", "Gesundheitswoche komplett", "Aktionstag Gesundheit"],
    sentences: [
      "Wir planen Ihren Gesundheitstag komplett: Module, Anbieter, Ablauf und Bericht.",
      "Koordination aller Partner aus einer Hand, inklusive Anmeldung der Beschäftigten.",
    ],
  },
  coaching: {
    titles: ["Führungskräfte-Coaching", "Gesund führen", "Teamcoaching", "Coaching für Schichtleitungen"],
    sentences: [
      "Einzel- und Gruppencoaching für gesundheitsorientierte Führung.",
      "Führungskräfte lernen, Belastungen im Team früh zu erkennen.",
    ],
  },
};
const VARIANTS = ["kompakt", "für Teams", "Plus", "(8 Wochen)", "online", "vor Ort", "Intensiv", "Basis", "Premium", "für KMU"];
const REGIONS = [
  "Hamburg",
  "Bremen",
  "Niedersachsen",
  "Schleswig-Holstein",
  "Berlin",
  "Bayern",
  "Hessen",
  "Sachsen",
  "Nordrhein-Westfalen",
];
const NAME_HEADS = ["Vital", "Gesund", "Aktiv", "Balance", "Fit", "Prävent", "Ergo", "Mental", "Rücken", "Team", "Nord", "Süd"];
const NAME_TAILS = ["Consult", "Partner", "Werk", "Akademie", "Zentrum", "Kontor", "Impuls"];
const CERTS = ["§20 SGB V", "ZPP", "ISO 27001", "§20b SGB V"];
const CATEGORY_KEYS = OFFERING_CATEGORIES.map((c) => c.key);
/** Phases a category fits, from the tasks of the checklist it serves. */
const PHASES_BY_CATEGORY: Record<OfferingCategoryKey, number[]> = {
  survey_analysis: [2, 5],
  movement: [4],
  nutrition: [4],
  mental_health: [4],
  ergonomics: [2, 4],
  addiction_prevention: [4],
  health_day_module: [3, 4],
  full_service_health_day: [3, 4],
  coaching: [3, 4, 6],
};

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;
const some = <T>(rng: Rng, list: readonly T[], p: number) => list.filter(() => rng() < p);

function generate() {
  // Seeded: the same 10,000 offerings on every run.
  const rng = mulberry32(20_261_126);
  const orgs: (typeof organization.$inferInsert)[] = [];
  const profiles: (typeof providerProfile.$inferInsert)[] = [];
  const offerings: (typeof offering.$inferInsert)[] = [];
  for (let i = 0; i < PROVIDERS; i++) {
    const id = `bench-provider-${String(i).padStart(4, "0")}`;
    const name = `${pick(rng, NAME_HEADS)}${pick(rng, NAME_TAILS)} ${i} GmbH`;
    orgs.push({ id, name, slug: id, kind: "provider" });
    profiles.push({
      orgId: id,
      description: `${name}: Betriebliches Gesundheitsmanagement für Unternehmen.`,
      regions: rng() < 0.2 ? ["DE"] : some(rng, REGIONS, 0.25).concat(pick(rng, REGIONS)),
      certifications: some(rng, CERTS, 0.3),
    });
    for (let j = 0; j < OFFERINGS_PER_PROVIDER; j++) {
      const category = pick(rng, CATEGORY_KEYS);
      const { titles, sentences } = CATALOG[category];
      const tasks = TASK_TEMPLATES.filter((t) => PHASES_BY_CATEGORY[category].includes(t.phase)).map((t) => t.key);
      offerings.push({
        orgId: id,
        providerName: name,
        title: `${pick(rng, titles)} ${pick(rng, VARIANTS)}`,
        description: [pick(rng, sentences), pick(rng, sentences), `Angeboten von ${name}.`].join(" "),
        category,
        certifications: some(rng, CERTS, 0.25),
        deliveryMode: pick(rng, ["on_site", "remote", "hybrid"] as const),
        priceFromCents: Math.round(rng() * 3000) * 100,
        priceUnit: pick(rng, ["flat", "per_participant", "per_day"] as const),
        turnaroundDays: rng() < 0.5 ? 7 + Math.floor(rng() * 50) : null,
        capacity: rng() < 0.5 ? 10 + Math.floor(rng() * 500) : null,
        relevantPhases: PHASES_BY_CATEGORY[category],
        relevantTasks: some(rng, tasks, 0.4),
        status: rng() < 0.9 ? "published" : "draft",
      });
    }
  }
  return { orgs, profiles, offerings };
}

let seeded: Promise<void> | undefined;

/**
 * Loads the 1,000 providers and 10,000 offerings once per bench run (the discovery and the suggestions
 * scenarios share them) straight into the database.
 */
export function seedCatalog(ctx: BenchContext): Promise<void> {
  seeded ??= (async () => {
    const db = ctx.real.database.db;
    const data = generate();
    for (let i = 0; i < data.orgs.length; i += BATCH) await db.insert(organization).values(data.orgs.slice(i, i + BATCH));
    for (let i = 0; i < data.profiles.length; i += BATCH) await db.insert(providerProfile).values(data.profiles.slice(i, i + BATCH));
    for (let i = 0; i < data.offerings.length; i += BATCH) await db.insert(offering).values(data.offerings.slice(i, i + BATCH));
    // VACUUM, not only ANALYZE: a bulk load leaves every row in the GIN indexes' pending list, which
    // each search scans linearly until autovacuum merges it; measure the state autovacuum reaches.
    await db.execute(sql`VACUUM ANALYZE offering`);
    await db.execute(sql`VACUUM ANALYZE provider_profile`);
  })();
  return seeded;
}

/**
 * GET /api/marketplace/offerings as the demo manager over 1,000 providers and 10,000 offerings
 * (session, membership, validation, RLS transaction, mapping, response schema) vs. a bare route
 * that runs the same session lookup (bench/lib/caller.ts), then the tenant transaction and the very same
 * statements, prebuilt by discovery.sql.ts.
 * The real app answers repeated queries from its discovery cache (ADR 0006) after the first miss;
 * BENCH_DISCOVERY_CACHE=off measures it without (see bench/lib/servers.ts). The catalog is loaded
 * straight into the database before the first discovery request, so no cached answer predates it.
 */
export const discovery: Scenario = {
  name: "discovery",
  async prepare(ctx) {
    const db = ctx.real.database.db;
    await seedCatalog(ctx);

    const cookie = await ctx.real.signIn(EMAIL, PASSWORD);
    const [m] = await db
      .select({ orgId: member.organizationId })
      .from(member)
      .innerJoin(user, eq(user.id, member.userId))
      .where(eq(user.email, EMAIL));
    if (!m) throw new Error(`${EMAIL} has no organization: demo data missing?`);
    const org = m.orgId;
    const token = sessionTokenOf(cookie);

    // The baseline gets each query's SQL prebuilt: parsing and building SQL count as our framework's work.
    const statements = new Map(
      DISCOVERY_QUERIES.map((qs) => {
        const query = DiscoveryQuery.parse(Object.fromEntries(new URLSearchParams(qs)));
        return [qs, { filters: query, ...discoveryStatements({ ...query, q: sanitizeSearch(query.q) }) }];
      }),
    );

    const bare = await ctx.bare((app, pool: pg.Pool) => {
      app.get("/api/marketplace/offerings", async (req, reply) => {
        const prepared = statements.get(req.url.slice(req.url.indexOf("?") + 1));
        if (!prepared) return reply.status(404).send({ error: "unknown query" });
        const { page, count, filters } = prepared;
        const client = await pool.connect();
        try {
          if ((await lookUpCaller(client, token)).length === 0) return reply.status(401).send({ error: "unauthenticated" });
          await client.query("begin");
          await client.query(TENANT_SETTINGS_SQL, [APP_ROLE, org]);
          const rows = (await client.query(page.sql, page.params)).rows;
          let total = rows.length > 0 ? Number(rows[0].total) : 0;
          if (rows.length === 0 && filters.cursor !== undefined) {
            total = (await client.query(count.sql, count.params)).rows[0].total;
          }
          await client.query("commit");
          return { items: rows.slice(0, filters.limit), total };
        } catch (err) {
          await client.query("rollback").catch(() => {});
          throw err;
        } finally {
          client.release();
        }
      });
    });

    const real = { url: `${ctx.real.baseUrl}/api/marketplace/offerings?${DISCOVERY_QUERIES[0]}`, headers: { cookie } };
    const baseline = { url: `${bare.baseUrl}/api/marketplace/offerings?${DISCOVERY_QUERIES[0]}` };
    // `paths` lets a runner that supports it rotate every connection through all queries.
    const paths = DISCOVERY_QUERIES.map((qs) => `/api/marketplace/offerings?${qs}`);
    return { real: { ...real, paths }, baseline: { ...baseline, paths } };
  },
};
