import {
  CHECK_IN_BATCH_MAX,
  CheckInBatch,
  CheckInBatchResult,
  CheckInKit,
  HealthDayTicketParams,
  IdParam,
  MyHealthDayTickets,
  WHOLE_LIST_NOTE,
} from "@bgm/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AccessRule } from "../../plugins/request-context.js";
import { type CalendarContext, organizerAddress } from "../participation/index.js";
import { checkInKit, recordScans } from "./check-in.service.js";
import { liveCheckIns } from "./live.service.js";
import { ticketKeys } from "./tickets.keys.js";
import { myTicketQr, myTickets } from "./tickets.service.js";

const tags = ["health-days"];
/** The door is the BGM manager's (or whoever they make manager for the day). */
const MANAGER: AccessRule = { roles: ["bgm_manager"], kind: "company" };
/** Employees, and managers who are also in the employee register, hold tickets. */
const MEMBER: AccessRule = { roles: ["employee", "bgm_manager"], kind: "company" };

/** How often the live stream looks for new figures, and how long one stream lasts before the browser reconnects. */
const LIVE_POLL_MS = 2_000;
const LIVE_HEARTBEAT_MS = 15_000;
// Bounded so that a stream re-checks the session (sign-out, removed membership) at least this often.
const LIVE_MAX_MS = 10 * 60_000;

export const checkInRoutes: FastifyPluginAsyncZod = async (app) => {
  const keys = ticketKeys(app.config.authSecret);
  const calendar: CalendarContext = { appUrl: app.config.appUrl, organizerEmail: organizerAddress(app.config.mailFrom) };

  app.get(
    "/api/me/health-days/:id/tickets",
    {
      schema: {
        tags,
        summary: "My QR tickets for a health day: one per place I hold",
        description: `Each ticket carries a signed token (Ed25519, the day's own key; ids only, no name) for the QR code, a short code for typing, and the URL of its QR image. A used ticket has status \`attended\`. 403 \`not_in_register\` without a person in the employee register; a day of another company is a 404. ${WHOLE_LIST_NOTE}`,
        params: IdParam,
        response: { 200: MyHealthDayTickets },
      },
    },
    async (req) => req.inTenant(MEMBER, (s) => myTickets(s, keys, req.params.id)),
  );

  app.get(
    "/api/me/health-days/:id/tickets/:ticketId/qr.svg",
    {
      schema: {
        tags,
        summary: "The QR code of one of my tickets, as an SVG image",
        params: HealthDayTicketParams,
        produces: ["image/svg+xml"],
        response: { 200: z.string().describe("An SVG image") },
      },
    },
    async (req, reply) => {
      const svg = await req.inTenant(MEMBER, (s) => myTicketQr(s, keys, req.params.id, req.params.ticketId));
      return reply.type("image/svg+xml").send(svg);
    },
  );

  app.get(
    "/api/health-days/:id/check-in-kit",
    {
      schema: {
        tags,
        summary: "What the offline check-in page needs: the day's public key and its stations and slots",
        description:
          "The phone verifies ticket signatures offline with `publicKey` (Ed25519, raw, base64url). Labels only — no attendee list.",
        params: IdParam,
        response: { 200: CheckInKit },
      },
    },
    async (req) => req.inTenant(MANAGER, (s) => checkInKit(s, keys, req.params.id)),
  );

  app.post(
    "/api/health-days/:id/check-ins",
    {
      schema: {
        tags,
        summary: "Sync a batch of scans from a check-in phone",
        description: `Up to ${CHECK_IN_BATCH_MAX} scans, each with the device's nonce, a QR token or a typed short code, the device time and the device id. Idempotent by nonce: a scan synced again is answered with its stored outcome (\`replay: true\`) and changes nothing. Outcomes per scan: \`checked_in\` (the place is marked attended), \`duplicate\` (the ticket was used before; kept and flagged, not counted twice), \`refused_cancelled\` (the place, slot or day was cancelled), \`refused_foreign\` (another day's or company's ticket), \`refused_not_open\` (earlier than half an hour before the slot), \`invalid\` (forged, damaged or unknown code). The batch answers 200 whatever its scans came to.`,
        params: IdParam,
        body: CheckInBatch,
        response: { 200: CheckInBatchResult },
      },
    },
    async (req) => recordScans((fn) => req.inTenant(MANAGER, fn), { keys, calendar }, req.params.id, req.body),
  );

  app.get(
    "/api/health-days/:id/check-ins/live",
    {
      schema: {
        tags,
        summary: "Live check-in figures as server-sent events",
        description:
          "A `text/event-stream` of `checkins` events, each the JSON of the figures (per station and slot: checked in / places held; the day's duplicates and refused scans — aggregates only). A new event when a figure changes, a comment line as heartbeat; the stream ends after 10 minutes and the browser reconnects. `once=true` sends one event and ends (a poll).",
        params: IdParam,
        querystring: z.strictObject({ once: z.stringbool().optional() }),
        produces: ["text/event-stream"],
        response: { 200: z.string().describe("Server-sent events: `event: checkins`, `data:` the figures as JSON") },
      },
    },
    async (req, reply) => {
      const read = () => req.inTenant(MANAGER, (s) => liveCheckIns(s, req.params.id));
      // The first figures before the stream opens: 401/403/404 are ordinary JSON errors.
      const first = await read();
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-store",
        connection: "keep-alive",
        "x-accel-buffering": "no",
      });
      const send = (data: unknown) => res.write(`event: checkins\ndata: ${JSON.stringify(data)}\n\n`);
      send(first);
      if (req.query.once) {
        res.end();
        return;
      }
      let last = JSON.stringify({ ...first, at: "" });
      let busy = false;
      const poll = setInterval(async () => {
        if (busy) return;
        busy = true;
        try {
          const next = await read();
          const key = JSON.stringify({ ...next, at: "" });
          if (key !== last) {
            last = key;
            send(next);
          }
        } catch (err) {
          req.log.warn({ err }, "live check-in stream closed after a failed read");
          stop();
        } finally {
          busy = false;
        }
      }, LIVE_POLL_MS);
      const heartbeat = setInterval(() => res.write(": ping\n\n"), LIVE_HEARTBEAT_MS);
      const timeout = setTimeout(() => stop(), LIVE_MAX_MS);
      function stop() {
        clearInterval(poll);
        clearInterval(heartbeat);
        clearTimeout(timeout);
        if (!res.writableEnded) res.end();
      }
      // The client went away (or the stream ended): stop polling.
      res.on("close", stop);
    },
  );
};
