import {
  AddWalkIn,
  AttendanceList,
  CreateIntervention,
  CreateSessions,
  HealthDaySlotChange,
  IdParam,
  Intervention,
  RunningInterventionList,
  RunningInterventionListQuery,
  SessionEmployeeParams,
  SetAttendance,
  UpdateIntervention,
  UpdateSession,
} from "@bgm/domain";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AccessRule } from "../../plugins/request-context.js";
import { dispatchMails } from "../notifications/index.js";
import type { Acting, Outcome } from "./acting.js";
import { attendanceList, markAll, markOne, unWalkIn, walkIn } from "./attendance.service.js";
import * as service from "./interventions.service.js";
import type { CalendarContext } from "./messages.js";

const tags = ["participation"];
/** Interventions, sessions and attendance lists are the BGM manager's; names never leave the company. */
const MANAGER: AccessRule = { roles: ["bgm_manager"], kind: "company" };
/** A session's change answers its intervention, or for a health-day slot (ADR 0014) the slot with its station and day. */
const SessionAnswer = z.union([Intervention, HealthDaySlotChange]);
const SLOT_NOTE =
  " A time slot of a health-day station (ADR 0014) is changed the same way (its people get the same mails, the calendar file titled „day – station“); its answer is the slot with `kind: health_day_slot`, its station and day, and a slot of a cancelled or finished day cannot change (409 `health_day_cancelled` / `health_day_done`).";

/** The address in MAIL_FROM ("BGM Hub <noreply@…>" or a bare address): the ORGANIZER of calendar files. */
export function organizerAddress(mailFrom: string): string {
  return /<([^>]+)>/.exec(mailFrom)?.[1]?.trim() ?? mailFrom.trim();
}

export const participationRoutes: FastifyPluginAsyncZod = async (app) => {
  const calendar: CalendarContext = { appUrl: app.config.appUrl, organizerEmail: organizerAddress(app.config.mailFrom) };

  /** Runs a change in the caller's tenant transaction; its mails go out only after the commit (never awaited). */
  async function change<T>(req: FastifyRequest, fn: (a: Acting) => Promise<Outcome<T>>): Promise<T> {
    const { result, mails } = await req.inTenant(MANAGER, (scope) => fn({ scope, calendar }));
    void dispatchMails(app.mailer, req.log, mails);
    return result;
  }

  app.post(
    "/api/interventions",
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: "Create an intervention: directly, from an adopted phase 3 planned intervention, or from an engagement",
        description:
          "`source.kind` says where it comes from. `planned`: an adopted planned intervention (409 `planned_not_adopted` otherwise, 409 `already_created` if it already runs) prefills title, description, category, target group and cost, and stays linked. `engagement`: the company's engagement in state accepted, in_progress or delivered (409 `engagement_not_running` otherwise) carries over provider, offering title, description, category and the offering's §20 certification (a ZPP course id if it names one). Fields in the body override the prefill. Without a source, `title` and `category` are required (422). The GKV field of action defaults from the category, the approach (behavioural/structural) from the field of action.",
        body: CreateIntervention,
        response: { 201: Intervention },
      },
    },
    async (req, reply) => reply.status(201).send(await req.inTenant(MANAGER, (s) => service.createIntervention(s, req.body))),
  );

  app.get(
    "/api/interventions",
    {
      schema: {
        tags,
        summary: "The company's interventions, newest first, paged by cursor",
        description: "Each item carries the totals of its sessions that are not cancelled; `status` filters (open, closed, cancelled).",
        querystring: RunningInterventionListQuery,
        response: { 200: RunningInterventionList },
      },
    },
    async (req) => req.inTenant(MANAGER, (s) => service.listInterventions(s, req.query)),
  );

  app.get(
    "/api/interventions/:id",
    {
      schema: {
        tags,
        summary: "One intervention with its sessions and their counts",
        description: "Sessions in start order, cancelled ones included; counts per session: places held, waitlist, attended, no-show.",
        params: IdParam,
        response: { 200: Intervention },
      },
    },
    async (req) => req.inTenant(MANAGER, (s) => service.loadIntervention(s, req.params.id)),
  );

  app.patch(
    "/api/interventions/:id",
    {
      schema: {
        tags,
        summary: "Change an intervention's description fields",
        description:
          "Title, description, category, field of action, approach, target group, certification and cost. The status changes through close, reopen and cancel. A cancelled intervention cannot change (409 `intervention_cancelled`). Title and description are in the calendar entries of its sessions: when either changes, every scheduled session not yet over gets a higher SEQUENCE and everyone holding a place gets one mail with an updated .ics per session (same UID, METHOD:REQUEST).",
        params: IdParam,
        body: UpdateIntervention,
        response: { 200: Intervention },
      },
    },
    async (req) => change(req, (a) => service.updateIntervention(a, req.params.id, req.body)),
  );

  app.post(
    "/api/interventions/:id/close",
    {
      schema: {
        tags,
        summary: "Close an intervention: done, kept for reports, no more registrations",
        description: "Attendance can still be recorded. Idempotent. A cancelled intervention cannot be closed (409).",
        params: IdParam,
        response: { 200: Intervention },
      },
    },
    async (req) => change(req, (a) => service.setInterventionOpen(a, req.params.id, false)),
  );

  app.post(
    "/api/interventions/:id/reopen",
    {
      schema: {
        tags,
        summary: "Reopen a closed intervention for registrations",
        description:
          "Idempotent. Places freed while it was closed go to the waitlist first, in queue order (each person moved up is notified and mailed the .ics), before anyone new can register. A cancelled intervention stays cancelled (409 `intervention_cancelled`).",
        params: IdParam,
        response: { 200: Intervention },
      },
    },
    async (req) => change(req, (a) => service.setInterventionOpen(a, req.params.id, true)),
  );

  app.post(
    "/api/interventions/:id/cancel",
    {
      schema: {
        tags,
        summary: "Call an intervention off: its scheduled sessions are cancelled and the people concerned informed",
        description:
          "Everyone registered or waiting for one of its scheduled sessions gets one mail; for each session they held a place in it carries a cancelling calendar file (METHOD:CANCEL). Places stay recorded as they were. Final and idempotent.",
        params: IdParam,
        response: { 200: Intervention },
      },
    },
    async (req) => change(req, (a) => service.cancelIntervention(a, req.params.id)),
  );

  app.post(
    "/api/interventions/:id/sessions",
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: "Add one session, or a weekly series in one step (e.g. 8 weekly course dates)",
        description:
          "With `repeat`, `count` sessions are created `everyWeeks` weeks apart at the same local time (Europe/Berlin, across the change to summer time); the registration deadline moves along. All are created in one transaction, or none. Only an open intervention takes sessions (409 `intervention_not_open`). Answers the intervention with all its sessions.",
        params: IdParam,
        body: CreateSessions,
        response: { 201: Intervention },
      },
    },
    async (req, reply) => reply.status(201).send(await req.inTenant(MANAGER, (s) => service.createSessions(s, req.params.id, req.body))),
  );

  app.patch(
    "/api/participation-sessions/:id",
    {
      schema: {
        tags,
        summary: "Change a session (time, place, link, capacity, deadline, waitlist)",
        description:
          "A change of time, place or link raises the session's calendar SEQUENCE; everyone registered gets a mail with the updated .ics (same UID, METHOD:REQUEST), everyone on the waitlist a mail without one (they hold no calendar entry). A session with attendance marks cannot move to a later start that is not yet open for attendance (409 `attendance_recorded`). Capacity: lowering it below the places already held is refused with 409 `capacity_below_places` (details: `placesTaken`) — nobody loses a place they were given; cancel places first. Raising it moves waiting people up in queue order (each is told). A cancelled session cannot change (409 `session_cancelled`). Answers the intervention." +
          SLOT_NOTE,
        params: IdParam,
        body: UpdateSession,
        response: { 200: SessionAnswer },
      },
    },
    async (req) => change(req, (a) => service.updateSession(a, req.params.id, req.body)),
  );

  app.post(
    "/api/participation-sessions/:id/cancel",
    {
      schema: {
        tags,
        summary: "Cancel a session: registered people get a cancelling .ics (METHOD:CANCEL), waiting people a mail",
        description: `Places stay recorded as they were. Idempotent. Answers the intervention.${SLOT_NOTE}`,
        params: IdParam,
        response: { 200: SessionAnswer },
      },
    },
    async (req) => change(req, (a) => service.cancelSession(a, req.params.id)),
  );

  app.post(
    "/api/participation-sessions/:id/reopen",
    {
      schema: {
        tags,
        summary: "Take a cancelled session up again (called off by mistake, or the date holds after all)",
        description:
          "Only while the session lies ahead (409 `session_started`) and its intervention is not cancelled (409 `intervention_cancelled`). Places stayed recorded when it was cancelled: everyone registered has their place again and gets the calendar file with the next SEQUENCE (same UID, METHOD:REQUEST), waiting people a mail; free places go to the waitlist in queue order. Idempotent. Answers the intervention." +
          SLOT_NOTE,
        params: IdParam,
        response: { 200: SessionAnswer },
      },
    },
    async (req) => change(req, (a) => service.reopenSession(a, req.params.id)),
  );

  app.get(
    "/api/participation-sessions/:id/attendance",
    {
      schema: {
        tags,
        summary: "The attendance list of a session: everyone holding a place by name, then the waitlist, and the summary",
        description:
          "Rows: registered, attended and no-show people (by last name) with department, walk-in flag, who changed the row last and when; then the waitlist in queue order. `summary` = attended of everyone expected (registered + attended + no-show), e.g. 28/32 (rate 0.875). For the company's managers only; partners only ever see aggregates.",
        params: IdParam,
        response: { 200: AttendanceList },
      },
    },
    async (req) => req.inTenant(MANAGER, (s) => attendanceList(s, req.params.id)),
  );

  app.put(
    "/api/participation-sessions/:id/attendance/:employeeId",
    {
      schema: {
        tags,
        summary: "Mark one person attended or no-show, or take the mark back to registered",
        description:
          "Only for a person holding a place (404 `not_registered` without a row; 409 `no_place` for waiting or cancelled people — add them as a walk-in), and not before the session's doors open half an hour before its start (422 `session_not_started`, details: `opensAt`; taking a mark back to `registered` is always possible). Every change and correction is audited with the old and new status. Answers the updated list.",
        params: SessionEmployeeParams,
        body: SetAttendance,
        response: { 200: AttendanceList },
      },
    },
    async (req) =>
      change(req, async (a) => ({ result: await markOne(a, req.params.id, req.params.employeeId, req.body.status), mails: [] })),
  );

  app.post(
    "/api/participation-sessions/:id/attendance/all-attended",
    {
      schema: {
        tags,
        summary: '"Alle teilgenommen": mark everyone still registered as attended',
        description:
          "No-show marks already set stay. Not before the doors open half an hour before the start (422 `session_not_started`). Each change is audited. Answers the updated list.",
        params: IdParam,
        response: { 200: AttendanceList },
      },
    },
    async (req) => change(req, async (a) => ({ result: await markAll(a, req.params.id), mails: [] })),
  );

  app.post(
    "/api/participation-sessions/:id/walk-ins",
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: "Add a walk-in from the employee register: an attended row marked as walk-in",
        description:
          "For someone without a place (or waiting); a registered person is simply marked attended. The person must be in this company's register (404 `not_in_register`) and active (409 `employee_inactive`). Not before the doors open half an hour before the start (422 `session_not_started`). Audited. Answers the updated list.",
        params: IdParam,
        body: AddWalkIn,
        response: { 200: AttendanceList },
      },
    },
    async (req) => change(req, async (a) => ({ result: await walkIn(a, req.params.id, req.body.employeeId), mails: [] })),
  );

  app.delete(
    "/api/participation-sessions/:id/walk-ins/:employeeId",
    {
      schema: {
        tags,
        summary: "Take out a walk-in added by mistake",
        description:
          "Only a row marked as walk-in (409 `not_a_walk_in` otherwise — a registered person's mark is taken back with PUT …/attendance/{employeeId}); 404 `not_registered` without a row. A row the walk-in created is deleted (the person never asked for a place, so no cancellation appears in their history); a row that existed before goes back to waiting or cancelled as it was, a waiting person keeping their queue position. The audit log keeps both the walk-in and its removal (`participation.walk_in_removed`, with who, when and the statuses). A place it frees goes to the waitlist while the session has not started. Answers the updated list.",
        params: SessionEmployeeParams,
        response: { 200: AttendanceList },
      },
    },
    async (req) => change(req, (a) => unWalkIn(a, req.params.id, req.params.employeeId)),
  );
};
