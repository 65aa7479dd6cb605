import { z } from "zod";
import { Session } from "./participation.js";

/** Who is invited to a health day: everyone active in the register, or those of some departments and/or locations. */
export const HealthDayAudience = z.union([
  z.literal("all"),
  z
    .strictObject({
      departments: z.array(z.string().trim().min(1).max(200)).max(100).optional(),
      locations: z.array(z.string().trim().min(1).max(200)).max(100).optional(),
    })
    .refine((a) => (a.departments?.length ?? 0) + (a.locations?.length ?? 0) > 0, {
      message: "Name at least one department or location, or invite all",
    })
    .describe("Both narrow: a person must be in one of the departments (if given) and at one of the locations (if given)"),
]);
export type HealthDayAudience = z.infer<typeof HealthDayAudience>;

export const HealthDayInvitationRequest = z.strictObject({ audience: HealthDayAudience });
export type HealthDayInvitationRequest = z.infer<typeof HealthDayInvitationRequest>;

export const HealthDayInvitationResult = z.object({
  invited: z.number().int().describe("People mailed by this call (active employees of the audience)"),
  invitedBefore: z.number().int().describe("Of them, how many had been invited to this day before (they got the mail again)"),
  invitedTotal: z.number().int().describe("Different people invited to this day so far, by any call"),
});
export type HealthDayInvitationResult = z.infer<typeof HealthDayInvitationResult>;

/** A time slot of a health-day station as the manager's session routes answer it (no intervention). */
export const StationSlotSession = Session.extend({ interventionId: z.uuid().nullable() });

/** What the manager's session routes (change, cancel, reopen) answer for a health-day slot: the slot, its station and day. */
export const HealthDaySlotChange = z.object({
  kind: z.literal("health_day_slot"),
  healthDayId: z.uuid(),
  healthDayTitle: z.string(),
  stationId: z.uuid(),
  stationTitle: z.string(),
  session: StationSlotSession,
});
export type HealthDaySlotChange = z.infer<typeof HealthDaySlotChange>;
