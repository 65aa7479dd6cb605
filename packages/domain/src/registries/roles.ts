/** Organization kinds and the roles a member can hold in each. */
export const ORG_KINDS = ["company", "provider"] as const;
type OrgKind = (typeof ORG_KINDS)[number];

export const COMPANY_ROLES = ["bgm_manager", "employee"] as const;
export const PROVIDER_ROLES = ["partner_admin", "partner_member"] as const;
export const MEMBER_ROLES = [...COMPANY_ROLES, ...PROVIDER_ROLES] as const;
type MemberRole = (typeof MEMBER_ROLES)[number];

export const ROLES_BY_KIND: Record<OrgKind, readonly MemberRole[]> = {
  company: COMPANY_ROLES,
  provider: PROVIDER_ROLES,
};

/** The role a user gets in an organization they create. */
export const CREATOR_ROLE: Record<OrgKind, MemberRole> = {
  company: "bgm_manager",
  provider: "partner_admin",
};

/** Who may invite whom: managers invite colleagues and employees; partner admins invite colleagues. */
export const INVITABLE_ROLES: Partial<Record<MemberRole, readonly MemberRole[]>> = {
  bgm_manager: ["bgm_manager", "employee"],
  partner_admin: ["partner_admin", "partner_member"],
};

export const PLATFORM_ROLES = ["admin"] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];
