import { engagementUntil, publishTestOffering } from "../engagement-fixtures.js";
import { api, signUpProvider } from "../helpers.js";
import { addIntervention, addPeople, addPlaces, addSession, attended, day } from "../participation-aggregates-fixtures.js";
import type { AuthzCases } from "./types.js";

/**
 * B's intervention "Geheimkurs B" run by provider R (none of the matrix callers belongs to R) under an
 * accepted engagement, with one session that six of B's employees attended.
 */
export const participationAggregatesCases: AuthzCases = {
  async setup({ t, b }) {
    const r = await signUpProvider(t.app, { name: "Partner R" });
    const offeringId = await publishTestOffering(t, r.orgId, { title: "Kurs R" });
    const engagementId = await engagementUntil(b.api, api(t.app, r.cookie), offeringId, "accepted", "Kursauftrag B");
    const staff = await addPeople(t, b.orgId, 6, { prefix: "GeheimB", department: "Geheimabteilung B" });
    const interventionId = await addIntervention(t, b.orgId, { title: "Geheimkurs B", engagementId, providerOrgId: r.orgId });
    await addPlaces(t, b.orgId, await addSession(t, b.orgId, interventionId, day("2026-03-03")), attended(staff));
    return {
      ids: { participationEngagementId: engagementId, participationInterventionId: interventionId },
      markers: ["Geheimkurs B", "Geheimabteilung B"],
    };
  },
  cases: {
    "GET /api/partner/engagements/{id}/participation": {
      kind: "foreign",
      url: (f) => `/api/partner/engagements/${f.ids.participationEngagementId}/participation`,
    },
    "GET /api/participation/reports/people": {
      kind: "own",
      url: () => "/api/participation/reports/people?from=2026-01-01&to=2026-12-31&groupBy=intervention",
    },
    "GET /api/participation/reports/attendance": {
      kind: "own",
      url: () => "/api/participation/reports/attendance?from=2026-01-01&to=2026-12-31&groupBy=month",
    },
    "GET /api/participation/disclosure": { kind: "own", url: () => "/api/participation/disclosure" },
    "PUT /api/participation/disclosure": { kind: "own", url: () => "/api/participation/disclosure", body: () => ({ minGroupSize: 6 }) },
  },
};
