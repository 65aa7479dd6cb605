/**
 * Organization query keys: the team (members), the invitations it sent, one invitation as its addressee sees it,
 * and the company profile the insurer report names.
 */
export const organizationKeys = {
  all: ["organization"] as const,
  members: () => [...organizationKeys.all, "members"] as const,
  invitations: () => [...organizationKeys.all, "invitations"] as const,
  invitation: (id: string) => [...organizationKeys.all, "invitation", id] as const,
  profile: () => [...organizationKeys.all, "profile"] as const,
};
