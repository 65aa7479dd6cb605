import { AttendancePage, CreateInterventionPage, InterventionDetailPage, InterventionsPage } from "../../features/participation";

/** The manager's interventions: list, create (directly or from a source), detail with sessions, attendance. */
export function InterventionsRoute() {
  return <InterventionsPage />;
}

export function CreateInterventionRoute() {
  return <CreateInterventionPage />;
}

export function InterventionDetailRoute() {
  return <InterventionDetailPage />;
}

/** One session's attendance list, made for a phone at the door. */
export function AttendanceRoute() {
  return <AttendancePage />;
}
