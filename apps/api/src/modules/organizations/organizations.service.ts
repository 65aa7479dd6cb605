import { randomUUID } from "node:crypto";
import { type Database, invitation, member, organization, session, type Tx, user, withTenantTx } from "@bgm/db";
import { CREATOR_ROLE, type CursorQuery, INVITABLE_ROLES, type MemberRole, type OrgKind, Timestamp } from "@bgm/domain";
import { and, eq, gt, sql } from "drizzle-orm";
import { z } from "zod";
import { AppError } from "../../lib/app-error.js";
import { after, decodeCursor, millis, orderBy, type SortKey, toPage } from "../../lib/keyset.js";
import type { Mail } from "../../lib/mailer.js";
import type { Caller, TenantScope } from "../../lib/request-context.js";
import { makeTenantScope, type ScopeMeta } from "../../lib/tenant-scope.js";
import { bootstrapProject } from "../bgm-process/index.js";
import { linkEmployeeAccount } from "../employees/index.js";
import { bootstrapLegalRequirements } from "../legal/index.js";
import { invitationToken, isValidInvitationToken } from "./invitation-token.js";

const INVITATION_DAYS = 7;

function slugify(name: string): string {
  const base = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40);
  return `${base || "org"}-${randomUUID().slice(0, 8)}`;
}

export type RequestMeta = ScopeMeta;

/**
 * Creates an organization with the caller as its first member. For a company the BGM project,
 * its checklist and the legal requirements are created in the same transaction, so a company
 * never exists half-set-up.
 */
export async function createOrganization(db: Database, caller: Caller, input: { name: string; kind: OrgKind }, meta: RequestMeta) {
  const orgId = randomUUID();
  const role = CREATOR_ROLE[input.kind];
  return withTenantTx(db, orgId, async (tx) => {
    const [org] = await tx
      .insert(organization)
      .values({ id: orgId, name: input.name, slug: slugify(input.name), kind: input.kind })
      .returning();
    await tx.insert(member).values({ id: randomUUID(), organizationId: orgId, userId: caller.user.id, role });
    await tx.update(session).set({ activeOrganizationId: orgId }).where(eq(session.id, caller.sessionId));
    const scope = makeTenantScope(tx, { orgId, orgKind: input.kind, role, userId: caller.user.id }, meta);
    if (input.kind === "company") {
      await bootstrapProject(scope);
      await bootstrapLegalRequirements(scope);
    }
    await scope.audit({ action: "organization.created", entityType: "organization", entityId: orgId, details: { kind: input.kind } });
    if (!org) throw new Error("organization insert returned nothing");
    return { id: org.id, name: org.name, kind: org.kind, createdAt: org.createdAt.toISOString() };
  });
}

export async function setActiveOrganization(db: Database, caller: Caller, organizationId: string) {
  if (!caller.memberships.some((m) => m.organizationId === organizationId)) {
    throw AppError.notFound("Organization");
  }
  await db.update(session).set({ activeOrganizationId: organizationId }).where(eq(session.id, caller.sessionId));
}

/**
 * Makes a signed-in person of a company's employee register a member of that company: role `employee` (or
 * the role company SSO mapped) if they are not a member yet, while an existing membership keeps its role (a manager stays manager). The
 * session then works in that company. Runs in the company's transaction; the caller audits.
 */
export async function joinCompanyAsEmployee(
  tx: Tx,
  who: { orgId: string; userId: string; sessionId: string; role?: "employee" | "bgm_manager" },
): Promise<{ role: MemberRole; membershipCreated: boolean }> {
  const [created] = await tx
    .insert(member)
    .values({ id: randomUUID(), organizationId: who.orgId, userId: who.userId, role: who.role ?? "employee" })
    .onConflictDoNothing()
    .returning({ role: member.role });
  const [row] = created
    ? [created]
    : await tx
        .select({ role: member.role })
        .from(member)
        .where(and(eq(member.organizationId, who.orgId), eq(member.userId, who.userId)));
  if (!row) throw new Error("membership neither created nor found");
  await tx
    .update(session)
    .set({ activeOrganizationId: who.orgId })
    .where(and(eq(session.id, who.sessionId), eq(session.userId, who.userId)));
  return { role: row.role as MemberRole, membershipCreated: Boolean(created) };
}

const MEMBERS_BY_NAME: SortKey[] = [
  { expr: user.name, cast: "text" },
  { expr: member.id, cast: "text" },
];
const MemberCursor = z.tuple([z.string(), z.string().max(64)]);

export async function listMembers(scope: TenantScope, page: CursorQuery) {
  const rows = await scope.tx
    .select({ id: member.id, userId: member.userId, role: member.role, createdAt: member.createdAt, name: user.name, email: user.email })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(and(eq(member.organizationId, scope.orgId), after(MEMBERS_BY_NAME, decodeCursor(page.cursor, MemberCursor))))
    .orderBy(...orderBy(MEMBERS_BY_NAME))
    .limit(page.limit + 1);
  return toPage(
    rows,
    page.limit,
    (r) => [r.name, r.id],
    (r) => ({ ...r, role: r.role as MemberRole, createdAt: r.createdAt.toISOString() }),
  );
}

function toInvitation(r: typeof invitation.$inferSelect, organizationName?: string) {
  return {
    id: r.id,
    organizationId: r.organizationId,
    organizationName,
    email: r.email,
    role: r.role as MemberRole,
    status: r.status as "pending" | "accepted" | "rejected" | "canceled",
    expiresAt: r.expiresAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
  };
}

const OLDEST_FIRST: SortKey[] = [
  { expr: millis(invitation.createdAt), cast: "timestamptz" },
  { expr: invitation.id, cast: "text" },
];
const InvitationCursor = z.tuple([Timestamp, z.string().max(64)]);

export async function listInvitations(scope: TenantScope, page: CursorQuery) {
  const rows = await scope.tx
    .select()
    .from(invitation)
    .where(and(eq(invitation.organizationId, scope.orgId), after(OLDEST_FIRST, decodeCursor(page.cursor, InvitationCursor))))
    .orderBy(...orderBy(OLDEST_FIRST))
    .limit(page.limit + 1);
  return toPage(
    rows,
    page.limit,
    (r) => [r.createdAt.toISOString(), r.id],
    (r) => toInvitation(r),
  );
}

/**
 * Creates the invitation and returns the mail to send. The caller sends it after the transaction
 * has committed: a mail must never go out for an invitation that was rolled back, and the outbox
 * writes through the database, which the open transaction holds (on PGlite, exclusively).
 */
export async function createInvitation(
  scope: TenantScope,
  link: { appUrl: string; secret: string },
  input: { email: string; role: MemberRole },
) {
  const allowed = INVITABLE_ROLES[scope.role] ?? [];
  if (!allowed.includes(input.role)) {
    throw AppError.forbidden(`A ${scope.role} may invite only: ${allowed.join(", ") || "nobody"}`);
  }
  const email = input.email.toLowerCase();
  const existingMember = await scope.tx
    .select({ id: member.id })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(and(eq(member.organizationId, scope.orgId), eq(sql`lower(${user.email})`, email)));
  if (existingMember.length) throw AppError.conflict("This person is already a member");
  const pending = await scope.tx
    .select({ id: invitation.id })
    .from(invitation)
    .where(
      and(
        eq(invitation.organizationId, scope.orgId),
        eq(invitation.email, email),
        eq(invitation.status, "pending"),
        // An expired invitation can no longer be accepted, so it must not block a new one.
        gt(invitation.expiresAt, new Date()),
      ),
    );
  if (pending.length) throw AppError.conflict("An invitation for this e-mail is already pending");
  const [org] = await scope.tx.select({ name: organization.name }).from(organization).where(eq(organization.id, scope.orgId));
  const [row] = await scope.tx
    .insert(invitation)
    .values({
      id: randomUUID(),
      organizationId: scope.orgId,
      email,
      role: input.role,
      status: "pending",
      inviterId: scope.userId,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
    })
    .returning();
  if (!row) throw new Error("invitation insert returned nothing");
  await scope.audit({ action: "invitation.created", entityType: "invitation", entityId: row.id, details: { role: input.role } });
  const mail: Mail = {
    to: email,
    subject: `Einladung zu ${org?.name ?? "BGM Hub"} / Invitation`,
    text: `Sie wurden zu ${org?.name} in BGM Hub eingeladen.\nRegistrieren oder anmelden und Einladung annehmen:\n${link.appUrl}/invite/${row.id}?token=${invitationToken(link.secret, row.id, email)}\n\nYou have been invited to ${org?.name} on BGM Hub. Open the link above to accept (valid ${INVITATION_DAYS} days).\n`,
  };
  return { invitation: toInvitation(row, org?.name), mail };
}

export async function cancelInvitation(scope: TenantScope, id: string) {
  const [row] = await scope.tx
    .update(invitation)
    .set({ status: "canceled" })
    .where(and(eq(invitation.id, id), eq(invitation.organizationId, scope.orgId), eq(invitation.status, "pending")))
    .returning();
  if (!row) throw AppError.notFound("Pending invitation");
  await scope.audit({ action: "invitation.canceled", entityType: "invitation", entityId: id });
  return toInvitation(row);
}

/** The invitee sees an invitation only when it is addressed to their own e-mail. */
async function findOwnInvitation(db: Database, caller: Caller, id: string) {
  const [row] = await db
    .select({ inv: invitation, orgName: organization.name, orgKind: organization.kind })
    .from(invitation)
    .innerJoin(organization, eq(organization.id, invitation.organizationId))
    .where(eq(invitation.id, id));
  if (!row || row.inv.email.toLowerCase() !== caller.user.email.toLowerCase()) throw AppError.notFound("Invitation");
  return row;
}

export async function getOwnInvitation(db: Database, caller: Caller, id: string) {
  const row = await findOwnInvitation(db, caller, id);
  return toInvitation(row.inv, row.orgName);
}

/**
 * Joining an organization needs proof of the invited address: a verified e-mail, or the signed link of
 * the invitation mail (which then verifies the address). Without it anyone who signs up with the
 * address and learns the invitation id would join.
 */
export async function acceptInvitation(
  db: Database,
  caller: Caller,
  id: string,
  proof: { token?: string; secret: string },
  meta: RequestMeta,
) {
  const row = await findOwnInvitation(db, caller, id);
  if (row.inv.status !== "pending") throw AppError.conflict(`Invitation is ${row.inv.status}`);
  if (row.inv.expiresAt.getTime() < Date.now()) throw AppError.conflict("Invitation has expired");
  const [invitee] = await db.select({ emailVerified: user.emailVerified }).from(user).where(eq(user.id, caller.user.id));
  const signedLink = isValidInvitationToken(proof.secret, id, row.inv.email, proof.token);
  if (!invitee?.emailVerified && !signedLink) {
    throw new AppError(
      "email_unverified",
      "Open the link of the invitation e-mail to accept: it proves that the address is yours",
      undefined,
      403,
    );
  }
  const orgId = row.inv.organizationId;
  return withTenantTx(db, orgId, async (tx) => {
    // Guard against a concurrent accept: only one update can move it from pending.
    const [updated] = await tx
      .update(invitation)
      .set({ status: "accepted" })
      .where(and(eq(invitation.id, id), eq(invitation.status, "pending")))
      .returning();
    if (!updated) throw AppError.conflict("Invitation was already used");
    await tx
      .insert(member)
      .values({ id: randomUUID(), organizationId: orgId, userId: caller.user.id, role: row.inv.role })
      .onConflictDoNothing();
    await tx.update(session).set({ activeOrganizationId: orgId }).where(eq(session.id, caller.sessionId));
    if (!invitee?.emailVerified) await tx.update(user).set({ emailVerified: true }).where(eq(user.id, caller.user.id));
    if (row.orgKind === "company") await linkEmployeeAccount(tx, orgId, caller.user.email, caller.user.id);
    const scope = makeTenantScope(
      tx,
      { orgId, orgKind: row.orgKind as OrgKind, role: row.inv.role as MemberRole, userId: caller.user.id },
      meta,
    );
    await scope.audit({ action: "invitation.accepted", entityType: "invitation", entityId: id, details: { role: row.inv.role } });
    return toInvitation(updated, row.orgName);
  });
}
