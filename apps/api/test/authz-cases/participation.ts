import { employee, participation } from "@bgm/db";
import type { AuthzCases } from "./types.js";

/**
 * B's intervention "Geheimkurs B" with one session, a person of B's register ("Geheimname B") who holds
 * a place in it. Nobody of the matrix may read or touch any of it.
 */
export const participationCases: AuthzCases = {
  async setup({ t, b }) {
    const created = await b.api.post("/api/interventions", { title: "Geheimkurs B", category: "nutrition" });
    if (created.statusCode !== 201) throw new Error(`setup failed: ${created.body}`);
    const interventionId = created.json().id as string;
    const start = new Date(Date.now() + 7 * 24 * 3_600_000);
    const sessions = await b.api.post(`/api/interventions/${interventionId}/sessions`, {
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
      location: "Geheimraum B",
      capacity: 10,
    });
    if (sessions.statusCode !== 201) throw new Error(`setup failed: ${sessions.body}`);
    const sessionId = sessions.json().sessions[0].id as string;
    // Written straight into the tables (a sign-up per person would cost the matrix a password hash).
    const [row] = await t.database.db
      .insert(employee)
      .values({ orgId: b.orgId, firstName: "Geheimname", lastName: "B", email: "geheim@firma-b.de", department: "Geheimabteilung B" })
      .returning({ id: employee.id });
    const participantId = row?.id as string;
    await t.database.db.insert(participation).values({ orgId: b.orgId, sessionId, employeeId: participantId, status: "registered" });
    return { ids: { interventionId, sessionId, participantId }, markers: ["Geheimkurs B", "Geheimraum B", "Geheimabteilung B"] };
  },
  cases: {
    "POST /api/interventions": { kind: "own", url: () => "/api/interventions", body: () => ({ title: "Kurs A", category: "movement" }) },
    "GET /api/interventions": { kind: "own", url: () => "/api/interventions" },
    "GET /api/interventions/{id}": { kind: "foreign", url: (f) => `/api/interventions/${f.ids.interventionId}` },
    "PATCH /api/interventions/{id}": {
      kind: "foreign",
      url: (f) => `/api/interventions/${f.ids.interventionId}`,
      body: () => ({ title: "gekapert" }),
    },
    "POST /api/interventions/{id}/close": { kind: "foreign", url: (f) => `/api/interventions/${f.ids.interventionId}/close` },
    "POST /api/interventions/{id}/reopen": { kind: "foreign", url: (f) => `/api/interventions/${f.ids.interventionId}/reopen` },
    "POST /api/interventions/{id}/cancel": { kind: "foreign", url: (f) => `/api/interventions/${f.ids.interventionId}/cancel` },
    "POST /api/interventions/{id}/sessions": {
      kind: "foreign",
      url: (f) => `/api/interventions/${f.ids.interventionId}/sessions`,
      body: () => ({ startsAt: "2099-01-01T10:00:00Z", endsAt: "2099-01-01T11:00:00Z", capacity: 1 }),
    },
    "PATCH /api/participation-sessions/{id}": {
      kind: "foreign",
      url: (f) => `/api/participation-sessions/${f.ids.sessionId}`,
      body: () => ({ capacity: 1 }),
    },
    "POST /api/participation-sessions/{id}/cancel": {
      kind: "foreign",
      url: (f) => `/api/participation-sessions/${f.ids.sessionId}/cancel`,
    },
    "POST /api/participation-sessions/{id}/reopen": {
      kind: "foreign",
      url: (f) => `/api/participation-sessions/${f.ids.sessionId}/reopen`,
    },
    "GET /api/participation-sessions/{id}/attendance": {
      kind: "foreign",
      url: (f) => `/api/participation-sessions/${f.ids.sessionId}/attendance`,
    },
    "PUT /api/participation-sessions/{id}/attendance/{employeeId}": {
      kind: "foreign",
      url: (f) => `/api/participation-sessions/${f.ids.sessionId}/attendance/${f.ids.participantId}`,
      body: () => ({ status: "no_show" }),
    },
    "POST /api/participation-sessions/{id}/attendance/all-attended": {
      kind: "foreign",
      url: (f) => `/api/participation-sessions/${f.ids.sessionId}/attendance/all-attended`,
    },
    "POST /api/participation-sessions/{id}/walk-ins": {
      kind: "foreign",
      url: (f) => `/api/participation-sessions/${f.ids.sessionId}/walk-ins`,
      body: (f) => ({ employeeId: f.ids.participantId }),
    },
    "DELETE /api/participation-sessions/{id}/walk-ins/{employeeId}": {
      kind: "foreign",
      url: (f) => `/api/participation-sessions/${f.ids.sessionId}/walk-ins/${f.ids.participantId}`,
    },
    "GET /api/me/interventions": { kind: "own", url: () => "/api/me/interventions" },
    "POST /api/me/interventions/{id}/registration": {
      kind: "foreign",
      url: (f) => `/api/me/interventions/${f.ids.interventionId}/registration`,
    },
    "DELETE /api/me/interventions/{id}/registration": {
      kind: "foreign",
      url: (f) => `/api/me/interventions/${f.ids.interventionId}/registration`,
    },
    "GET /api/me/participations": { kind: "own", url: () => "/api/me/participations" },
    "POST /api/me/participation-sessions/{id}/registration": {
      kind: "foreign",
      url: (f) => `/api/me/participation-sessions/${f.ids.sessionId}/registration`,
    },
    "DELETE /api/me/participation-sessions/{id}/registration": {
      kind: "foreign",
      url: (f) => `/api/me/participation-sessions/${f.ids.sessionId}/registration`,
    },
    "GET /api/me/participation-sessions/{id}/calendar.ics": {
      kind: "foreign",
      url: (f) => `/api/me/participation-sessions/${f.ids.sessionId}/calendar.ics`,
    },
  },
};
