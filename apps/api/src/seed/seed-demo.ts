import { randomUUID } from "node:crypto";
import { type Database, employee, member, offering, organization, providerProfile, user, withTenantTx } from "@bgm/db";
import { CREATOR_ROLE, type MemberRole, type OrgKind } from "@bgm/domain";
import { eq } from "drizzle-orm";
import type { Auth } from "../lib/auth.js";
import { makeTenantScope } from "../lib/tenant-scope.js";
import { bootstrapProject, createGoal, updateTask } from "../modules/bgm-process/index.js";
import { bootstrapLegalRequirements } from "../modules/legal/index.js";
import { DEMO_LOGINS, DEMO_PASSWORD } from "./demo-logins.js";
import { demoEmployees } from "./demo-people.js";
import { DEMO_PROVIDERS } from "./demo-providers.js";
import { seedHealthDays, seedPastHealthDay } from "./seed-health-days.js";
import { seedParticipation } from "./seed-participation.js";
import { seedResults } from "./seed-results.js";

const SEED_META = { ip: null, userAgent: "seed", requestId: null };

async function createUser(db: Database, auth: Auth, email: string, name: string) {
  const result = await auth.api.signUpEmail({ body: { email, name, password: DEMO_PASSWORD } });
  await db.update(user).set({ emailVerified: true }).where(eq(user.id, result.user.id));
  return result.user.id;
}

async function createOrg(db: Database, name: string, kind: OrgKind) {
  const id = randomUUID();
  await db.insert(organization).values({ id, name, kind, slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${id.slice(0, 6)}` });
  return id;
}

async function addMember(db: Database, orgId: string, userId: string, role: MemberRole) {
  await db.insert(member).values({ id: randomUUID(), organizationId: orgId, userId, role });
}

/**
 * Loads the demo world: Muster GmbH in phase 2 with 120 employees and 3 goals, 8 providers with 14 offerings,
 * two engagements in progress whose accepted results already landed (see seed-results.ts), and interventions
 * with sessions, registrations and attendance (see seed-participation.ts).
 */
export async function seedDemo(db: Database, auth: Auth) {
  const users = new Map<string, string>();
  for (const login of DEMO_LOGINS) users.set(login.email, await createUser(db, auth, login.email, login.name));
  const uid = (email: string) => users.get(email) as string;
  await db
    .update(user)
    .set({ platformRole: "admin" })
    .where(eq(user.id, uid("admin@bgm-hub.de")));

  const companyId = await createOrg(db, "Muster GmbH", "company");
  await addMember(db, companyId, uid("petra.manager@muster-gmbh.de"), "bgm_manager");
  await addMember(db, companyId, uid("max.mitarbeiter@muster-gmbh.de"), "employee");
  await withTenantTx(db, companyId, async (tx) => {
    const scope = makeTenantScope(
      tx,
      { orgId: companyId, orgKind: "company", role: "bgm_manager", userId: uid("petra.manager@muster-gmbh.de") },
      SEED_META,
    );
    await bootstrapProject(scope, 2);
    await bootstrapLegalRequirements(scope);
    const people = demoEmployees();
    await tx.insert(employee).values(people.map((p) => ({ ...p, orgId: companyId })));
    await tx.insert(employee).values({
      orgId: companyId,
      firstName: "Max",
      lastName: "Mustermann",
      email: "max.mitarbeiter@muster-gmbh.de",
      department: "Vertrieb",
      location: "Hamburg",
      userId: uid("max.mitarbeiter@muster-gmbh.de"),
    });
    for (const key of ["form_steering_group", "define_goals"]) await updateTask(scope, key, { status: "done" });
    await updateTask(scope, "works_council_agreement", {
      status: "in_progress",
      details: { agreementDate: "2026-09-15" },
      notes: "Unterschrift des Betriebsrats liegt vor, Scan folgt.",
    });
    await updateTask(scope, "employee_survey", {
      status: "in_progress",
      ownerUserId: uid("petra.manager@muster-gmbh.de"),
      dueDate: "2027-01-31",
    });
    await createGoal(scope, { title: "Krankheitstage senken", target: "AU-Tage um 10 % senken bis Ende 2027", dueDate: "2027-12-31" });
    await createGoal(scope, {
      title: "Rückenbeschwerden reduzieren",
      target: "Anteil mit Rückenbeschwerden in der Befragung von 38 % auf 30 %",
      dueDate: "2027-06-30",
    });
    await createGoal(scope, {
      title: "Psychische Belastung erkennen",
      target: "Gefährdungsbeurteilung psychischer Belastung für alle 5 Abteilungen abgeschlossen",
      dueDate: "2027-03-31",
    });
  });

  const admins: Record<string, string> = { "SurveyPro GmbH": "marcus@surveypro.de", "Gesundheitskasse Nord": "anna@gk-nord.de" };
  const providerIds = new Map<string, string>();
  for (const p of DEMO_PROVIDERS) {
    const orgId = await createOrg(db, p.name, "provider");
    providerIds.set(p.name, orgId);
    const adminEmail = admins[p.name];
    if (adminEmail) await addMember(db, orgId, uid(adminEmail), CREATOR_ROLE.provider);
    if (p.name === "SurveyPro GmbH") await addMember(db, orgId, uid("lena@surveypro.de"), "partner_member");
    await withTenantTx(db, orgId, async (tx) => {
      await tx.insert(providerProfile).values({
        orgId,
        description: p.description,
        regions: p.regions,
        certifications: p.certifications,
        contactEmail: p.contactEmail,
        website: p.website,
        isHealthInsurer: p.isHealthInsurer,
      });
      await tx.insert(offering).values(p.offerings.map((o) => ({ ...o, orgId, providerName: p.name, status: "published" as const })));
    });
  }

  const world = { companyId, managerUserId: uid("petra.manager@muster-gmbh.de"), providerIds };
  await seedResults(db, world);
  await seedParticipation(db, world);
  await seedHealthDays(db, world);
  await seedPastHealthDay(db, world);
}

/** True when the database holds no organization yet: demo data goes only into an empty database. */
export async function isEmptyDatabase(db: Database) {
  const rows = await db.select({ id: organization.id }).from(organization).limit(1);
  return rows.length === 0;
}
