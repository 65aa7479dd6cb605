import type {
  AddWalkIn,
  AttendanceList,
  CreateIntervention,
  CreateSessions,
  Intervention,
  MyParticipationList,
  OpenInterventionList,
  RunningInterventionList,
  SetAttendance,
  UpdateIntervention,
  UpdateSession,
} from "@bgm/domain";
import type { z } from "zod";

/** What the participation routes answer, inferred from the domain contracts (never re-declared here). */
export type InterventionDetail = Intervention;
export type SessionItem = Intervention["sessions"][number];
export type InterventionListResponse = z.infer<typeof RunningInterventionList>;
export type InterventionSummaryItem = InterventionListResponse["items"][number];
export type OpenInterventionItem = z.infer<typeof OpenInterventionList>["items"][number];
export type OpenSessionItem = OpenInterventionItem["sessions"][number];
export type MyParticipationListResponse = z.infer<typeof MyParticipationList>;
export type MyParticipationItem = MyParticipationListResponse["items"][number];
export type AttendanceListResponse = AttendanceList;
export type AttendanceRowItem = AttendanceList["rows"][number];

/** What the forms send: the domain's request schemas before their defaults apply. */
export type CreateInterventionInput = z.input<typeof CreateIntervention>;
export type UpdateInterventionInput = z.input<typeof UpdateIntervention>;
export type CreateSessionsInput = z.input<typeof CreateSessions>;
export type UpdateSessionInput = z.input<typeof UpdateSession>;
export type SetAttendanceInput = z.input<typeof SetAttendance>;
export type AddWalkInInput = z.input<typeof AddWalkIn>;
