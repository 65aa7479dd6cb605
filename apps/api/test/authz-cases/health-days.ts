import { offering } from "@bgm/db";
import { api, signUpProvider } from "../helpers.js";
import type { AuthzCases } from "./types.js";

/**
 * B's health day "Geheimtag B" with one station (booked from provider H's published on-site offering) and
 * one slot, open for registration. Nobody of the matrix may read or change any of it; the uninvolved
 * partner sees no day at all.
 */
const day = new Date(Date.now() + 30 * 24 * 3_600_000).toISOString().slice(0, 10);

export const healthDaysCases: AuthzCases = {
  async setup({ t, b }) {
    const h = await signUpProvider(t.app, { name: "Stationsanbieter H" });
    const [row] = await t.database.db
      .insert(offering)
      .values({
        orgId: h.orgId,
        title: "Öffentliche Station H",
        category: "health_day_module",
        deliveryMode: "on_site",
        priceFromCents: 50_000,
        priceUnit: "per_day",
        status: "published",
        providerName: "Stationsanbieter H",
      })
      .returning({ id: offering.id });
    const must = (res: { statusCode: number; body: string }, status: number) => {
      if (res.statusCode !== status) throw new Error(`setup failed: ${res.statusCode} ${res.body}`);
    };
    const created = await b.api.post("/api/health-days", { title: "Geheimtag B", startsOn: day, locations: ["Geheimraum Tag B"] });
    must(created, 201);
    const healthDayId = created.json().id as string;
    const station = await b.api.post(`/api/health-days/${healthDayId}/modules`, { offeringId: row?.id, location: "Geheimraum Tag B" });
    must(station, 201);
    const healthDayModuleId = station.json().modules[0].id as string;
    const slots = await b.api.post(`/api/health-days/${healthDayId}/modules/${healthDayModuleId}/slots`, {
      slots: [{ startsAt: `${day}T10:00:00Z`, endsAt: `${day}T11:00:00Z`, capacity: 5 }],
    });
    must(slots, 201);
    const healthDaySlotId = slots.json().modules[0].slots[0].id as string;
    must(await b.api.post(`/api/health-days/${healthDayId}/transitions`, { action: "open_registration" }), 200);

    // A full-service day of B, handed to planner P through B's accepted booking of P's full-service offering.
    const p = await signUpProvider(t.app, { name: "Planer P" });
    const asP = api(t.app, p.cookie);
    const [fs] = await t.database.db
      .insert(offering)
      .values({
        orgId: p.orgId,
        title: "Vollservice P",
        category: "full_service_health_day",
        deliveryMode: "on_site",
        priceFromCents: 300_000,
        priceUnit: "flat",
        status: "published",
        providerName: "Planer P",
      })
      .returning({ id: offering.id });
    const booking = await b.api.post("/api/engagements", { offeringId: fs?.id, brief: { what: "Gesundheitstag" } });
    must(booking, 201);
    const plannerEngagementId = booking.json().id as string;
    must(
      await asP.post(`/api/engagements/${plannerEngagementId}/quotes`, {
        priceCents: 300_000,
        scopeOfWork: "Alles",
        validUntil: "2099-12-31",
      }),
      201,
    );
    must(await b.api.post(`/api/engagements/${plannerEngagementId}/transitions`, { action: "accept_quote", message: "" }), 200);
    const fullService = await b.api.post("/api/health-days", { title: "Geheimer Vollservicetag B", startsOn: day, mode: "full_service" });
    must(fullService, 201);
    const fullServiceDayId = fullService.json().id as string;
    must(
      await b.api.put(`/api/health-days/${fullServiceDayId}/planner`, { engagementId: plannerEngagementId, approvalLimitCents: null }),
      200,
    );
    const planned = await asP.post(`/api/planner/health-days/${plannerEngagementId}/modules`, {
      offeringId: row?.id,
      location: "Geheimraum Tag B",
    });
    must(planned, 201);
    const plannedModuleId = planned.json().modules[0].id as string;
    return {
      ids: { healthDayId, healthDayModuleId, healthDaySlotId, fullServiceDayId, plannerEngagementId, plannedModuleId },
      markers: ["Geheimtag B", "Geheimraum Tag B", "Geheimer Vollservicetag B"],
    };
  },
  cases: {
    "POST /api/health-days": { kind: "own", url: () => "/api/health-days", body: () => ({ title: "Tag A", startsOn: day }) },
    "GET /api/health-days": { kind: "own", url: () => "/api/health-days" },
    "GET /api/health-days/{id}": { kind: "foreign", url: (f) => `/api/health-days/${f.ids.healthDayId}` },
    "PATCH /api/health-days/{id}": {
      kind: "foreign",
      url: (f) => `/api/health-days/${f.ids.healthDayId}`,
      body: () => ({ title: "gekapert" }),
    },
    "POST /api/health-days/{id}/transitions": {
      kind: "foreign",
      url: (f) => `/api/health-days/${f.ids.healthDayId}/transitions`,
      body: () => ({ action: "cancel" }),
    },
    "POST /api/health-days/{id}/modules": {
      kind: "foreign",
      url: (f) => `/api/health-days/${f.ids.healthDayId}/modules`,
      body: () => ({ offeringId: "00000000-0000-4000-8000-000000000000" }),
    },
    "POST /api/health-days/{id}/modules/{moduleId}/slots": {
      kind: "foreign",
      url: (f) => `/api/health-days/${f.ids.healthDayId}/modules/${f.ids.healthDayModuleId}/slots`,
      body: () => ({ slots: [{ startsAt: `${day}T12:00:00Z`, endsAt: `${day}T13:00:00Z`, capacity: 1 }] }),
    },
    "PUT /api/health-days/{id}/planner": {
      kind: "foreign",
      url: (f) => `/api/health-days/${f.ids.fullServiceDayId}/planner`,
      body: (f) => ({ engagementId: f.ids.plannerEngagementId }),
    },
    "POST /api/health-days/{id}/modules/{moduleId}/approval": {
      kind: "foreign",
      url: (f) => `/api/health-days/${f.ids.fullServiceDayId}/modules/${f.ids.plannedModuleId}/approval`,
      body: () => ({ decision: "reject" }),
    },
    "POST /api/health-days/{id}/plan-approval": { kind: "foreign", url: (f) => `/api/health-days/${f.ids.fullServiceDayId}/plan-approval` },
    "GET /api/planner/health-days": { kind: "own", url: () => "/api/planner/health-days" },
    "GET /api/planner/health-days/{engagementId}": {
      kind: "foreign",
      url: (f) => `/api/planner/health-days/${f.ids.plannerEngagementId}`,
    },
    "POST /api/planner/health-days/{engagementId}/modules": {
      kind: "foreign",
      url: (f) => `/api/planner/health-days/${f.ids.plannerEngagementId}/modules`,
      body: () => ({ offeringId: "00000000-0000-4000-8000-000000000000" }),
    },
    "POST /api/planner/health-days/{engagementId}/modules/{moduleId}/slots": {
      kind: "foreign",
      url: (f) => `/api/planner/health-days/${f.ids.plannerEngagementId}/modules/${f.ids.plannedModuleId}/slots`,
      body: () => ({ slots: [{ startsAt: `${day}T14:00:00Z`, endsAt: `${day}T15:00:00Z`, capacity: 1 }] }),
    },
    "GET /api/me/health-days": { kind: "own", url: () => "/api/me/health-days" },
    "POST /api/me/health-days/{id}/slots/{slotId}/registration": {
      kind: "foreign",
      url: (f) => `/api/me/health-days/${f.ids.healthDayId}/slots/${f.ids.healthDaySlotId}/registration`,
    },
    "DELETE /api/me/health-days/{id}/slots/{slotId}/registration": {
      kind: "foreign",
      url: (f) => `/api/me/health-days/${f.ids.healthDayId}/slots/${f.ids.healthDaySlotId}/registration`,
    },
    "POST /api/health-days/{id}/invitations": {
      kind: "foreign",
      url: (f) => `/api/health-days/${f.ids.healthDayId}/invitations`,
      body: () => ({ audience: "all" }),
    },
    "GET /api/health-days/{id}/report": { kind: "foreign", url: (f) => `/api/health-days/${f.ids.healthDayId}/report` },
    "GET /api/health-days/{id}/report.pdf": { kind: "foreign", url: (f) => `/api/health-days/${f.ids.healthDayId}/report.pdf` },
    "GET /api/health-days/{id}/consolidated-report": {
      kind: "foreign",
      url: (f) => `/api/health-days/${f.ids.fullServiceDayId}/consolidated-report`,
    },
    "GET /api/health-days/{id}/consolidated-report.pdf": {
      kind: "foreign",
      url: (f) => `/api/health-days/${f.ids.fullServiceDayId}/consolidated-report.pdf`,
    },
    "GET /api/planner/health-days/{engagementId}/report": {
      kind: "foreign",
      url: (f) => `/api/planner/health-days/${f.ids.plannerEngagementId}/report`,
    },
    "GET /api/planner/health-days/{engagementId}/report.pdf": {
      kind: "foreign",
      url: (f) => `/api/planner/health-days/${f.ids.plannerEngagementId}/report.pdf`,
    },
    "GET /api/me/health-days/feedback": { kind: "own", url: () => "/api/me/health-days/feedback" },
    "POST /api/me/health-days/{id}/modules/{moduleId}/feedback": {
      kind: "foreign",
      url: (f) => `/api/me/health-days/${f.ids.healthDayId}/modules/${f.ids.healthDayModuleId}/feedback`,
      body: () => ({ rating: 5, comment: "gekapert" }),
    },
  },
};
