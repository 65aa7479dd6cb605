import {
  CourseRegistration,
  CursorQuery,
  IdParam,
  MyParticipation,
  MyParticipationList,
  OpenInterventionList,
  WHOLE_LIST_NOTE,
} from "@bgm/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AccessRule } from "../../plugins/request-context.js";
import { dispatchMails } from "../notifications/index.js";
import type { CalendarContext } from "./messages.js";
import {
  cancelMe,
  cancelMeForCourse,
  myCalendarFile,
  myHistory,
  openInterventions,
  registerMe,
  registerMeForCourse,
} from "./my-participation.service.js";
import { organizerAddress } from "./participation.routes.js";

const tags = ["participation"];
/**
 * Employees, and managers who are also in the employee register: each acts as their own register row
 * (linked by user id); a member without one gets 403 `not_in_register`.
 */
const MEMBER: AccessRule = { roles: ["employee", "bgm_manager"], kind: "company" };

const RegistrationAnswer = MyParticipation.describe("My place: `registered`, or `waitlisted` with my position");

export const myParticipationRoutes: FastifyPluginAsyncZod = async (app) => {
  const calendar: CalendarContext = { appUrl: app.config.appUrl, organizerEmail: organizerAddress(app.config.mailFrom) };

  app.get(
    "/api/me/interventions",
    {
      schema: {
        tags,
        summary: "Interventions open to me: their sessions still ahead, free places, and my place or waitlist position",
        description: `Open interventions with at least one scheduled future session. Per session: \`freePlaces\`, \`registrationOpen\` (before the deadline and with a free place or a waitlist) and \`mine\` (my status and waitlist position, or null). ${WHOLE_LIST_NOTE}`,
        response: { 200: OpenInterventionList },
      },
    },
    async (req) => req.inTenant(MEMBER, (scope) => openInterventions({ scope })),
  );

  app.get(
    "/api/me/participations",
    {
      schema: {
        tags,
        summary: "My participation history: every session I registered for, waited for, attended or cancelled",
        description: "Latest session first, paged by cursor.",
        querystring: CursorQuery,
        response: { 200: MyParticipationList },
      },
    },
    async (req) => req.inTenant(MEMBER, (s) => myHistory(s, req.query)),
  );

  app.post(
    "/api/me/participation-sessions/:id/registration",
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: "Register for a session: a place while one is free, else the waitlist",
        description:
          "201 with `registered` (a confirmation mail with the calendar file follows) or `waitlisted` (with the position). Registering again answers the existing place with 200 and changes nothing; after cancelling, registering again takes the same row up (at the end of the waitlist if the session is full). Refused with 409: `session_full` (no place, no waitlist), `registration_closed` (deadline passed), `session_started`, `session_cancelled`, `intervention_not_open`, `employee_inactive` (marked inactive in the register). A session of another company is a 404. Capacity holds under concurrent registrations (the session row is locked).",
        params: IdParam,
        response: { 200: RegistrationAnswer, 201: RegistrationAnswer },
      },
    },
    async (req, reply) => {
      const { result, mails } = await req.inTenant(MEMBER, (scope) => registerMe({ scope, calendar }, req.params.id));
      void dispatchMails(app.mailer, req.log, mails);
      return reply.status(result.created ? 201 : 200).send(result.place);
    },
  );

  app.delete(
    "/api/me/participation-sessions/:id/registration",
    {
      schema: {
        tags,
        summary: "Cancel my registration or leave the waitlist; the first waiting person moves up",
        description:
          "Until the session starts (409 `session_started`); not after attendance was recorded (409 `attendance_recorded`). Without a row: 404 `not_registered`. Idempotent once cancelled. A freed place goes to the first person on the waitlist, who gets a notification and a mail with the calendar file; I get a confirmation with a cancelling calendar file.",
        params: IdParam,
        response: { 200: MyParticipation },
      },
    },
    async (req) => {
      const { result, mails } = await req.inTenant(MEMBER, (scope) => cancelMe({ scope, calendar }, req.params.id));
      void dispatchMails(app.mailer, req.log, mails);
      return result;
    },
  );

  app.post(
    "/api/me/interventions/:id/registration",
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: "Register for a whole course: every scheduled session still ahead, in one step",
        description:
          "One transaction; each session goes through the same locked core as a single registration, in start order: a place while one is free, else the waitlist. Answers every session ahead with my place in it (`status`, `waitlistPosition`, `changed`) and the counts. A session whose registration deadline has passed is left out (`skipped: registration_closed`); if every one is, 409 `registration_closed`. Any other refusal refuses the whole course and nothing is written: 409 `session_full` (details name the session), `intervention_not_open`, `employee_inactive`; 409 `no_sessions_ahead` when none is scheduled. 201 when something changed (one mail lists the dates, with a calendar file per place), 200 when I already held every place. Another company's intervention is a 404.",
        params: IdParam,
        response: { 200: CourseRegistration, 201: CourseRegistration },
      },
    },
    async (req, reply) => {
      const { result, mails } = await req.inTenant(MEMBER, (scope) => registerMeForCourse({ scope, calendar }, req.params.id));
      void dispatchMails(app.mailer, req.log, mails);
      return reply.status(result.created ? 201 : 200).send(result.course);
    },
  );

  app.delete(
    "/api/me/interventions/:id/registration",
    {
      schema: {
        tags,
        summary: "Give up a whole course: my place or waitlist entry in every session still ahead",
        description:
          "One transaction; each session through the same core as a single cancellation, so each freed place goes to the first waiting person (who is told). Sessions with attendance already recorded stay (`skipped: attendance_recorded`). One mail confirms it, with a cancelling calendar file (METHOD:CANCEL) per place I held. 404 `not_registered` without any row in the sessions ahead; idempotent once cancelled.",
        params: IdParam,
        response: { 200: CourseRegistration },
      },
    },
    async (req) => {
      const { result, mails } = await req.inTenant(MEMBER, (scope) => cancelMeForCourse({ scope, calendar }, req.params.id));
      void dispatchMails(app.mailer, req.log, mails);
      return result;
    },
  );

  app.get(
    "/api/me/participation-sessions/:id/calendar.ics",
    {
      schema: {
        tags,
        summary: "The calendar file of a session I hold a place in (RFC 5545, Europe/Berlin)",
        description:
          "text/calendar with METHOD:PUBLISH, a VTIMEZONE for Europe/Berlin and local times with TZID; the UID is stable per session and SEQUENCE follows the session's changes, so importing it again updates the entry. A cancelled session comes as STATUS:CANCELLED. Only while I hold a place (registered, attended, no-show); otherwise 404 `not_registered`.",
        params: IdParam,
        produces: ["text/calendar"],
        response: { 200: z.string().describe("An iCalendar object (RFC 5545)") },
      },
    },
    async (req, reply) => {
      const ics = await req.inTenant(MEMBER, (scope) => myCalendarFile({ scope, calendar }, req.params.id));
      return reply.type("text/calendar; charset=utf-8").header("content-disposition", 'attachment; filename="termin.ics"').send(ics);
    },
  );
};
