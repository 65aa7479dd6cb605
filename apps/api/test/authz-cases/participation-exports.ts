import { employee, intervention, participation, participationSession } from "@bgm/db";
import type { AuthzCases } from "./types.js";

/**
 * B's certified course with a held session that B's employee attended: in B's insurer report, health
 * budget and (for that employee) certificates. Callers try B's course id and read their own reports.
 */
export const participationExportsCases: AuthzCases = {
  async setup({ t, b }) {
    const db = t.database.db;
    const [person] = await db
      .insert(employee)
      .values({ orgId: b.orgId, firstName: "Kursteilnehmerin", lastName: "Geheim-B", email: "kurs.b@firma-b.de", department: "B" })
      .returning({ id: employee.id });
    const [course] = await db
      .insert(intervention)
      .values({
        orgId: b.orgId,
        title: "Kurs Geheim B",
        category: "movement",
        fieldOfAction: "movement",
        approach: "behavioural",
        certificationId: "KU-ZPP-GEHEIM-B",
        costCents: 70_000,
      })
      .returning({ id: intervention.id });
    const [session] = await db
      .insert(participationSession)
      .values({
        orgId: b.orgId,
        interventionId: course?.id,
        startsAt: new Date("2025-04-01T08:00:00Z"),
        endsAt: new Date("2025-04-01T09:00:00Z"),
        capacity: 10,
      })
      .returning({ id: participationSession.id });
    await db
      .insert(participation)
      .values({ orgId: b.orgId, sessionId: session?.id as string, employeeId: person?.id as string, status: "attended" });
    return { ids: { certifiedCourseId: course?.id as string }, markers: ["Kurs Geheim B", "KU-ZPP-GEHEIM-B", "Geheim-B"] };
  },
  cases: {
    "GET /api/participation/insurance-report": {
      kind: "own",
      url: () => "/api/participation/insurance-report?from=2025-01-01&to=2025-12-31",
    },
    "GET /api/participation/insurance-report/export": {
      kind: "own",
      url: () => "/api/participation/insurance-report/export?format=csv&from=2025-01-01&to=2025-12-31",
    },
    "GET /api/participation/health-budget": { kind: "own", url: () => "/api/participation/health-budget?year=2025" },
    "GET /api/me/certificates": { kind: "own", url: () => "/api/me/certificates" },
    "GET /api/me/certificates/{interventionId}/pdf": { kind: "foreign", url: (f) => `/api/me/certificates/${f.ids.certifiedCourseId}/pdf` },
    "GET /api/organization/profile": { kind: "own", url: () => "/api/organization/profile" },
    "PUT /api/organization/profile": { kind: "own", url: () => "/api/organization/profile", body: () => ({ industry: "C" }) },
  },
};
