import { formatShortCode, type MyHealthDayTickets } from "@bgm/domain";
import QRCode from "qrcode";
import { AppError } from "../../lib/app-error.js";
import type { TenantScope } from "../../lib/request-context.js";
import { findEmployeeOfUser } from "../employees/index.js";
import { listStationPlaces } from "../participation/index.js";
import { dayWithSlots } from "./check-in.service.js";
import type { TicketKeys } from "./tickets.keys.js";

/**
 * An employee's QR tickets for a health day: one per place held (registered, or attended: a used
 * ticket). The ticket carries ids and a signature, never the person's name; the short code is for
 * typing when a camera fails. Tickets are derived, not stored: asking again gives the same ones.
 */
export async function myTickets(scope: TenantScope, keys: TicketKeys, healthDayId: string): Promise<MyHealthDayTickets> {
  const who = await findEmployeeOfUser(scope, scope.userId);
  if (!who) {
    throw new AppError("not_in_register", "Your account is not linked to a person of this company's employee register", undefined, 403);
  }
  const { day, modules, slots } = await dayWithSlots(scope, healthDayId);
  const places = await listStationPlaces(
    scope,
    slots.map((s) => s.id),
    who.id,
  );
  const items = places
    .filter((p) => p.status === "registered" || p.status === "attended")
    .flatMap((p) => {
      const slot = slots.find((s) => s.id === p.sessionId);
      if (!slot || slot.status === "cancelled") return [];
      const station = modules.find((m) => m.id === slot.healthDayModuleId);
      return [
        {
          ticketId: p.id,
          slotId: slot.id,
          stationTitle: station?.title ?? day.title,
          startsAt: slot.startsAt.toISOString(),
          endsAt: slot.endsAt.toISOString(),
          location: slot.location,
          status: p.status as "registered" | "attended",
          token: keys.sign({ healthDayId: day.id, slotId: slot.id, participationId: p.id }),
          shortCode: formatShortCode(keys.shortCode(day.id, p.id)),
          qrUrl: `/api/me/health-days/${day.id}/tickets/${p.id}/qr.svg`,
        },
      ];
    })
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return { items, nextCursor: null };
}

/** The QR code of one of my tickets as SVG (404 for a ticket that is not mine or no longer valid). */
export async function myTicketQr(scope: TenantScope, keys: TicketKeys, healthDayId: string, ticketId: string): Promise<string> {
  const ticket = (await myTickets(scope, keys, healthDayId)).items.find((t) => t.ticketId === ticketId);
  if (!ticket) throw AppError.notFound("Ticket");
  return QRCode.toString(ticket.token, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}
