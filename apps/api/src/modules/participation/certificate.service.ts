import { CERTIFICATE_ATTENDANCE_SHARE, type MyCertificate } from "@bgm/domain";
import { AppError } from "../../lib/app-error.js";
import type { TenantScope } from "../../lib/request-context.js";
import { type EmployeeFacts, findEmployeeOfUser } from "../employees/index.js";
import { getCompanyProfile } from "../organizations/index.js";
import { attendedDates, type CourseProgress, certifiedCourses } from "./exports.repository.js";

/**
 * §20 SGB V participation certificates (Teilnahmebescheinigung), for the signed-in employee only.
 *
 * The rule, precisely:
 * - A course is an intervention with a certification id (e.g. the ZPP course id). Only the employee's
 *   own courses are considered: those in which they hold or held a place (registered, attended or
 *   no-show in at least one session).
 * - Counted sessions: the course's sessions that are not cancelled and have ended (`ends_at` ≤ now).
 *   Cancelled sessions count neither way; sessions still to come are not counted yet.
 * - Attended: counted sessions in which the employee's status is `attended` (walk-ins included).
 * - A certificate is available when the course is over (no non-cancelled session still to come), the
 *   course itself was not called off, at least one session was held, and attended ≥ ⌈80 % × counted⌉
 *   (CERTIFICATE_ATTENDANCE_SHARE), e.g. 7 of 8, 8 of 10, 4 of 5.
 */

/** ⌈share × counted⌉ in integers (0.8 × 10 is 8, not 8.000000000000002 rounded up to 9). */
export function requiredSessions(counted: number, share = CERTIFICATE_ATTENDANCE_SHARE): number {
  return Math.ceil(Math.round(counted * share * 1e6) / 1e6);
}

export function certificateState(c: Pick<CourseProgress, "counted" | "upcoming" | "attended" | "status">): {
  required: number;
  available: boolean;
  reason: MyCertificate["reason"];
} {
  const required = requiredSessions(c.counted);
  if (c.status === "cancelled") return { required, available: false, reason: "course_cancelled" };
  if (c.upcoming > 0) return { required, available: false, reason: "course_running" };
  if (c.counted === 0 || c.attended < required) return { required, available: false, reason: "too_few_sessions" };
  return { required, available: true, reason: "available" };
}

function toCertificate(c: CourseProgress): MyCertificate {
  const state = certificateState(c);
  return {
    interventionId: c.interventionId,
    title: c.title,
    certificationId: c.certificationId,
    providerName: c.providerName,
    attendedSessions: c.attended,
    countedSessions: c.counted,
    requiredSessions: state.required,
    upcomingSessions: c.upcoming,
    available: state.available,
    reason: state.reason,
  };
}

/** The caller's employee record; a member without one (e.g. the manager) has no certificates at all. */
async function requireEmployee(scope: TenantScope): Promise<EmployeeFacts> {
  const me = await findEmployeeOfUser(scope, scope.userId);
  if (!me) throw new AppError("not_found", "Your account is not linked to an employee record of this company");
  return me;
}

export async function myCertificates(scope: TenantScope, now = new Date()): Promise<{ items: MyCertificate[]; nextCursor: null }> {
  const me = await requireEmployee(scope);
  return { items: (await certifiedCourses(scope, me.id, now)).map(toCertificate), nextCursor: null };
}

export interface CertificateData {
  employeeName: string;
  companyName: string;
  title: string;
  certificationId: string;
  providerName: string | null;
  attendedDates: string[];
  attended: number;
  counted: number;
  issuedAt: Date;
}

/**
 * The data of one certificate of the caller's own. Another employee's course, a course without the
 * caller, an uncertified or unknown one: 404 (nobody learns which courses exist). The caller's own course
 * below the rule: 409 with the figures.
 */
export async function myCertificate(scope: TenantScope, interventionId: string, now = new Date()): Promise<CertificateData> {
  const me = await requireEmployee(scope);
  const [course] = await certifiedCourses(scope, me.id, now, interventionId);
  if (!course) throw AppError.notFound("Certificate");
  const cert = toCertificate(course);
  if (!cert.available) {
    throw AppError.conflict("No certificate for this course (yet)", {
      reason: cert.reason,
      attendedSessions: cert.attendedSessions,
      countedSessions: cert.countedSessions,
      requiredSessions: cert.requiredSessions,
      upcomingSessions: cert.upcomingSessions,
    });
  }
  const dates = await attendedDates(scope, me.id, interventionId, now);
  const company = await getCompanyProfile(scope);
  await scope.audit({
    action: "participation.certificate_downloaded",
    entityType: "intervention",
    entityId: interventionId,
    details: { employeeId: me.id },
  });
  return {
    employeeName: `${me.firstName} ${me.lastName}`.trim(),
    companyName: company.name,
    title: course.title,
    certificationId: course.certificationId,
    providerName: course.providerName,
    attendedDates: dates,
    attended: course.attended,
    counted: course.counted,
    issuedAt: now,
  };
}
