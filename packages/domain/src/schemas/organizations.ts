import { z } from "zod";
import { MEMBER_ROLES, ORG_KINDS, PLATFORM_ROLES } from "../registries/roles.js";
import { ShortText, Timestamp } from "./common.js";
import { cursorPage } from "./lists.js";

export const OrgKind = z.enum(ORG_KINDS);
export const MemberRole = z.enum(MEMBER_ROLES);
export type MemberRole = z.infer<typeof MemberRole>;
export type OrgKind = z.infer<typeof OrgKind>;

export const Membership = z.object({
  organizationId: z.string(),
  organizationName: z.string(),
  kind: OrgKind,
  role: MemberRole,
});
export type Membership = z.infer<typeof Membership>;

export const Me = z.object({
  user: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    platformRole: z.enum(PLATFORM_ROLES).nullable(),
  }),
  memberships: z.array(Membership),
  active: Membership.nullable(),
});
export type Me = z.infer<typeof Me>;
/** `GET /api/session`: the caller as `GET /api/me` gives it, or `{ user: null }` when nobody is signed in. */
export const MeOrSignedOut = z.union([Me, z.object({ user: z.null() })]);
export type MeOrSignedOut = z.infer<typeof MeOrSignedOut>;

export const CreateOrganization = z.strictObject({
  name: ShortText,
  kind: OrgKind,
});
export const Organization = z.object({
  id: z.string(),
  name: z.string(),
  kind: OrgKind,
  createdAt: Timestamp,
});

export const SetActiveOrganization = z.strictObject({ organizationId: z.string().min(1).max(64) });

export const CreateInvitation = z.strictObject({
  email: z.email().max(254),
  role: MemberRole,
});
export const Invitation = z.object({
  id: z.string(),
  organizationId: z.string(),
  organizationName: z.string().optional(),
  email: z.string(),
  role: MemberRole,
  status: z.enum(["pending", "accepted", "rejected", "canceled"]),
  expiresAt: Timestamp,
  createdAt: Timestamp,
});
export type Invitation = z.infer<typeof Invitation>;
export const InvitationIdParam = z.strictObject({ id: z.string().min(1).max(64) });
/** Password length rules of sign-up and reset: the server (better-auth) and the forms read the same numbers. */
export const PASSWORD_LENGTH = { min: 10, max: 128 } as const;

/** `token`: the signature from the invitation mail's link, the proof that the address is the caller's. */
export const AcceptInvitation = z.strictObject({ token: z.string().min(1).max(128).optional() });

export const Member = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: MemberRole,
  createdAt: Timestamp,
});

export const MemberList = cursorPage(Member);
export const InvitationList = cursorPage(Invitation);
