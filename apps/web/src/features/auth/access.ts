import type { Me, MemberRole } from "@bgm/domain";

export type HomeKind = "onboarding" | "manager" | "employee" | "partner" | "admin";

/** Which start page and navigation a user gets, derived from the active membership. */
export function homeKind(me: Me): HomeKind {
  const role = me.active?.role;
  if (role === "bgm_manager") return "manager";
  if (role === "employee") return "employee";
  if (role === "partner_admin" || role === "partner_member") return "partner";
  if (me.user.platformRole === "admin") return "admin";
  return "onboarding";
}

export function hasRole(me: Me, roles: readonly MemberRole[]): boolean {
  return me.active !== null && roles.includes(me.active.role);
}
