import {
  AddHealthDayModule,
  AddHealthDaySlots,
  CreateHealthDay,
  HealthDay,
  HealthDayList,
  HealthDayListQuery,
  HealthDayModuleParams,
  HealthDaySlotParams,
  HealthDayTransition,
  IdParam,
  MyHealthDayList,
  MyHealthDayPlace,
  UpdateHealthDay,
  WHOLE_LIST_NOTE,
} from "@bgm/domain";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AccessRule } from "../../plugins/request-context.js";
import { dispatchMails } from "../notifications/index.js";
import { type CalendarContext, organizerAddress } from "../participation/index.js";
import type { Acting, Outcome } from "./health-days.service.js";
import * as service from "./health-days.service.js";
import { cancelForSlot, openHealthDays, registerForSlot } from "./my-health-days.service.js";

const tags = ["health-days"];
/** Planning a health day is the BGM manager's; providers and planners see their engagements, not the day. */
const MANAGER: AccessRule = { roles: ["bgm_manager"], kind: "company" };
/** Employees, and managers who are also in the employee register, take places for themselves. */
const MEMBER: AccessRule = { roles: ["employee", "bgm_manager"], kind: "company" };

export const healthDayRoutes: FastifyPluginAsyncZod = async (app) => {
  const calendar: CalendarContext = { appUrl: app.config.appUrl, organizerEmail: organizerAddress(app.config.mailFrom) };

  /** Runs a change in the caller's tenant transaction; its mails go out only after the commit (never awaited). */
  async function change<T>(req: FastifyRequest, rule: AccessRule, fn: (a: Acting) => Promise<Outcome<T>>): Promise<T> {
    const { result, mails } = await req.inTenant(rule, (scope) => fn({ scope, appUrl: app.config.appUrl, calendar }));
    void dispatchMails(app.mailer, req.log, mails);
    return result;
  }

  app.post(
    "/api/health-days",
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: "Plan a health day",
        description:
          "Title, date(s), rooms, expected headcount, budget, mode (DIY or full-service) and the responsible person (a member of the company, 422 otherwise; defaults to the caller). Starts in status `planning`.",
        body: CreateHealthDay,
        response: { 201: HealthDay },
      },
    },
    async (req, reply) => reply.status(201).send(await req.inTenant(MANAGER, (s) => service.createHealthDay(s, req.body))),
  );

  app.get(
    "/api/health-days",
    {
      schema: {
        tags,
        summary: "The company's health days, latest day first, paged by cursor",
        description: "`status` filters.",
        querystring: HealthDayListQuery,
        response: { 200: HealthDayList },
      },
    },
    async (req) => req.inTenant(MANAGER, (s) => service.listHealthDays(s, req.query)),
  );

  app.get(
    "/api/health-days/:id",
    {
      schema: {
        tags,
        summary: "One health day: stations with slots and booking status, conflicts, budget and the summary card",
        description:
          "Each station's `bookingStatus` follows its engagement: `requested` (no answer yet), `pending` (a quote waits for the company), `confirmed` (quote accepted, order running or done), `declined`. The budget: planned (stations' costs), booked (accepted quotes), invoiced (0 until engagements know invoices), with warnings. `card` is the brief's summary in German.",
        params: IdParam,
        response: { 200: HealthDay },
      },
    },
    async (req) => req.inTenant(MANAGER, (s) => service.loadHealthDay(s, req.params.id)),
  );

  app.patch(
    "/api/health-days/:id",
    {
      schema: {
        tags,
        summary: "Change a health day's title, dates, rooms, headcount, budget or responsible person",
        description:
          "Not once the day is done or cancelled (409 `health_day_done` / `health_day_cancelled`). The last day is not before the first (422).",
        params: IdParam,
        body: UpdateHealthDay,
        response: { 200: HealthDay },
      },
    },
    async (req) => req.inTenant(MANAGER, (s) => service.updateHealthDay(s, req.params.id, req.body)),
  );

  app.post(
    "/api/health-days/:id/transitions",
    {
      schema: {
        tags,
        summary: "Move a health day along its lifecycle: preparation, registration open/closed, live, done, or cancel it",
        description:
          "The allowed actions per status are in `allowedActions`; any other is 409 `invalid_transition`. Cancelling calls off every slot still scheduled: everyone registered gets a cancelling calendar file, everyone waiting a mail. The stations' engagements stay as they are.",
        params: IdParam,
        body: HealthDayTransition,
        response: { 200: HealthDay },
      },
    },
    async (req) => change(req, MANAGER, (a) => service.transitionHealthDay(a, req.params.id, req.body.action)),
  );

  app.post(
    "/api/health-days/:id/modules",
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: "Add a station from a published marketplace offering; its provider gets a booking request",
        description:
          "The offering must be published (422 otherwise) and be a health-day module, a full-service health day or delivered on site (422). Adding it sends the provider a quote request (an engagement); the station's booking status follows it. The planned cost defaults to the offering's price from. Not on a day done or cancelled (409).",
        params: IdParam,
        body: AddHealthDayModule,
        response: { 201: HealthDay },
      },
    },
    async (req, reply) => reply.status(201).send(await change(req, MANAGER, (a) => service.addModule(a, req.params.id, req.body))),
  );

  app.post(
    "/api/health-days/:id/modules/:moduleId/slots",
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: "Add time slots (with capacity) to a station; all or none",
        description:
          "Each slot is checked against the day's dates (in Germany), the other slots (same room or same provider at the same time) and the offering's capacity; any conflict is 409 `slot_conflict` with `details.conflicts` (kind, the clashing slot, the index of the slot in the request). The room defaults to the station's. Employees register for the slots like for any session (capacity, waitlist, calendar file).",
        params: HealthDayModuleParams,
        body: AddHealthDaySlots,
        response: { 201: HealthDay },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await req.inTenant(MANAGER, (s) => service.addSlots(s, req.params.id, req.params.moduleId, req.body))),
  );

  app.get(
    "/api/me/health-days",
    {
      schema: {
        tags,
        summary: "Health days open for registration: their stations' slots still ahead, free places and my place",
        description: `Days in status \`registration_open\` or \`live\` (for the tickets at the door; a live day takes no new registrations) with at least one scheduled slot still ahead. ${WHOLE_LIST_NOTE}`,
        response: { 200: MyHealthDayList },
      },
    },
    async (req) => req.inTenant(MEMBER, (s) => openHealthDays(s)),
  );

  app.post(
    "/api/me/health-days/:id/slots/:slotId/registration",
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: "Register for a slot of a health day: a place while one is free, else the waitlist",
        description:
          "201 with `registered` or `waitlisted` (with the position); registering again answers the existing place with 200. 409: `health_day_cancelled`, `registration_not_open` (the day's registration is not open), and the session's refusals (`session_full`, `registration_closed`, `session_started`, `session_cancelled`, `employee_inactive`). A slot of another day or company is a 404.",
        params: HealthDaySlotParams,
        response: { 200: MyHealthDayPlace, 201: MyHealthDayPlace },
      },
    },
    async (req, reply) => {
      const result = await change(req, MEMBER, (a) => registerForSlot(a, req.params.id, req.params.slotId));
      return reply.status(result.created ? 201 : 200).send(result.place);
    },
  );

  app.delete(
    "/api/me/health-days/:id/slots/:slotId/registration",
    {
      schema: {
        tags,
        summary: "Give up my place in a health-day slot or leave its waitlist; the first waiting person moves up",
        description:
          "As for any session: until the slot starts (409 `session_started`); without a place 404 `not_registered`; idempotent once cancelled.",
        params: HealthDaySlotParams,
        response: { 200: MyHealthDayPlace },
      },
    },
    async (req) => change(req, MEMBER, (a) => cancelForSlot(a, req.params.id, req.params.slotId)),
  );
};
