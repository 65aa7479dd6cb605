import { healthDayInvitation } from "@bgm/db";
import { HEALTH_DAY_REGISTRATION_STATUS, type HealthDay, type HealthDayAudience, type HealthDayInvitationResult } from "@bgm/domain";
import { and, count, eq, sql } from "drizzle-orm";
import { AppError } from "../../lib/app-error.js";
import type { Mail } from "../../lib/mailer.js";
import type { TenantScope } from "../../lib/request-context.js";
import { employeeGroups, findEmployeesByIds } from "../employees/index.js";
import { germanSpan } from "../participation/index.js";
import type { Outcome } from "./health-days.service.js";
import { loadHealthDay } from "./health-days.service.js";

/**
 * Invitations to a health day: every active person of the register in the audience gets a mail at the
 * work address with the day, its stations and slots and how to sign in and register. Only while the
 * day's registration is open. Each person invited is recorded once per day with a counter, so that
 * inviting again (allowed: a second round to the same or a wider audience) says how many got the
 * invitation before. No address is stored or audited; the audit names the audience and the counts.
 */

export interface InvitationLinks {
  appUrl: string;
  /** The company's active join link (ADR 0012), for people without an account; null when it has none. */
  joinLinkUrl: string | null;
}

/** Who of the register the audience admits: active people, narrowed by department and/or location (both must match). */
export function admits(audience: HealthDayAudience, person: { department: string; location: string; active: boolean }): boolean {
  if (!person.active) return false;
  if (audience === "all") return true;
  const norm = (v: string) => v.trim().toLocaleLowerCase("de");
  const inList = (list: readonly string[] | undefined, v: string) => !list?.length || list.some((x) => norm(x) === norm(v));
  return inList(audience.departments, person.department) && inList(audience.locations, person.location);
}

const base = (appUrl: string) => appUrl.replace(/\/+$/, "");

function dateLine(day: HealthDay): string {
  const d = (iso: string) =>
    new Intl.DateTimeFormat("de-DE", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
      new Date(`${iso}T00:00:00Z`),
    );
  return day.startsOn === day.endsOn ? d(day.startsOn) : `${d(day.startsOn)} bis ${d(day.endsOn)}`;
}

/** The programme: per station its slots still scheduled, with place and free places. */
function programme(day: HealthDay): string {
  const lines: string[] = [];
  for (const m of day.modules) {
    const slots = m.slots.filter((s) => s.status === "scheduled");
    if (slots.length === 0) continue;
    lines.push(`${m.title}${m.location ? ` (${m.location})` : ""}`);
    for (const s of slots) {
      const free = Math.max(0, s.capacity - s.counts.registered);
      const place = s.location && s.location !== m.location ? `, ${s.location}` : "";
      lines.push(
        `  - ${germanSpan(new Date(s.startsAt), new Date(s.endsAt))}${place} – ${free > 0 ? `${free} Plätze frei` : "ausgebucht, Warteliste"}`,
      );
    }
  }
  return lines.length ? lines.join("\n") : "Die Zeiten der Stationen folgen in Kürze.";
}

export function invitationMail(
  day: HealthDay,
  person: { firstName: string; email: string; hasAccount: boolean },
  links: InvitationLinks,
): Mail {
  const signIn = person.hasAccount
    ? `Melden Sie sich an und wählen Sie Ihre Termine: ${base(links.appUrl)}/`
    : links.joinLinkUrl
      ? `Noch kein Zugang zu BGM Hub? Über den Firmenlink erhalten Sie mit Ihrer dienstlichen E-Mail-Adresse einen Anmeldelink: ${links.joinLinkUrl}\nDanach wählen Sie Ihre Termine auf Ihrer Startseite.`
      : `Noch kein Zugang zu BGM Hub? Ihr BGM-Team schickt Ihnen den Firmenlink, mit dem Sie sich mit Ihrer dienstlichen E-Mail-Adresse anmelden: ${base(links.appUrl)}/login`;
  const paragraphs = [
    `Sie sind herzlich zum Gesundheitstag „${day.title}“ eingeladen.`,
    `Wann: ${dateLine(day)}${day.locations.length ? `\nWo: ${day.locations.join(", ")}` : ""}`,
    `Das Programm:\n${programme(day)}`,
    signIn,
    "Die Plätze sind begrenzt; ist ein Termin ausgebucht, können Sie sich auf die Warteliste setzen und rücken automatisch nach. Am Tag vorher erinnern wir Sie an Ihren Termin.",
  ];
  return {
    to: person.email,
    subject: `BGM Hub: Einladung zum Gesundheitstag – ${day.title}`,
    text: `Hallo ${person.firstName},\n\n${paragraphs.join("\n\n")}\n\nIhr BGM Hub\n(Diese E-Mail wurde automatisch versendet.)\n`,
  };
}

export async function inviteToHealthDay(
  scope: TenantScope,
  id: string,
  audience: HealthDayAudience,
  links: InvitationLinks,
): Promise<Outcome<HealthDayInvitationResult>> {
  const day = await loadHealthDay(scope, id);
  if (day.status === "cancelled") {
    throw new AppError("health_day_cancelled", "The health day was cancelled; nobody can be invited", { status: day.status }, 409);
  }
  if (day.status !== HEALTH_DAY_REGISTRATION_STATUS) {
    throw new AppError("registration_not_open", "Invitations go out while the registration is open", { status: day.status }, 409);
  }
  const ids = (await employeeGroups(scope)).filter((p) => admits(audience, p)).map((p) => p.id);
  const people = (await findEmployeesByIds(scope, ids)).filter((p) => p.active);
  let invitedBefore = 0;
  if (people.length > 0) {
    const rows = await scope.tx
      .insert(healthDayInvitation)
      .values(people.map((p) => ({ orgId: scope.orgId, healthDayId: id, employeeId: p.id })))
      .onConflictDoUpdate({
        target: [healthDayInvitation.healthDayId, healthDayInvitation.employeeId],
        set: { timesInvited: sql`${healthDayInvitation.timesInvited} + 1`, lastInvitedAt: sql`now()` },
      })
      .returning({ timesInvited: healthDayInvitation.timesInvited });
    invitedBefore = rows.filter((r) => r.timesInvited > 1).length;
  }
  const [total] = await scope.tx
    .select({ n: count() })
    .from(healthDayInvitation)
    .where(and(eq(healthDayInvitation.orgId, scope.orgId), eq(healthDayInvitation.healthDayId, id)));
  const result = { invited: people.length, invitedBefore, invitedTotal: Number(total?.n ?? 0) };
  await scope.audit({
    action: "health_days.invitations_sent",
    entityType: "health_day",
    entityId: id,
    details: {
      audience: audience === "all" ? "all" : { departments: audience.departments ?? [], locations: audience.locations ?? [] },
      ...result,
    },
  });
  const mails = people.map((p) => invitationMail(day, { firstName: p.firstName, email: p.email, hasAccount: p.userId !== null }, links));
  return { result, mails };
}
