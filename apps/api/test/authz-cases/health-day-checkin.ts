import type { AuthzCases } from "./types.js";

/**
 * The check-in routes of B's health day (its setup is in ./health-days.ts): nobody of the matrix may read
 * B's tickets, kit or live figures, nor sync scans into B's day.
 */
export const healthDayCheckInCases: AuthzCases = {
  cases: {
    "GET /api/me/health-days/{id}/tickets": { kind: "foreign", url: (f) => `/api/me/health-days/${f.ids.healthDayId}/tickets` },
    "GET /api/me/health-days/{id}/tickets/{ticketId}/qr.svg": {
      kind: "foreign",
      url: (f) => `/api/me/health-days/${f.ids.healthDayId}/tickets/${f.ids.healthDaySlotId}/qr.svg`,
    },
    "GET /api/health-days/{id}/check-in-kit": { kind: "foreign", url: (f) => `/api/health-days/${f.ids.healthDayId}/check-in-kit` },
    "POST /api/health-days/{id}/check-ins": {
      kind: "foreign",
      url: (f) => `/api/health-days/${f.ids.healthDayId}/check-ins`,
      body: () => ({
        scans: [{ nonce: "matrix-nonce-1", shortCode: "22222-22222", scannedAt: new Date().toISOString(), deviceId: "matrix" }],
      }),
    },
    "GET /api/health-days/{id}/check-ins/live": {
      kind: "foreign",
      url: (f) => `/api/health-days/${f.ids.healthDayId}/check-ins/live?once=true`,
    },
  },
};
