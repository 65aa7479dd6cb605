import type {
  AcceptInvitation,
  CompanyProfile,
  CreateInvitation,
  CreateOrganization,
  Invitation,
  InvitationList,
  Member,
  MemberList,
  Ok,
  Organization,
  SetActiveOrganization,
  UpdateCompanyProfile,
} from "@bgm/domain";
import type { z } from "zod";

export type OrganizationResponse = z.infer<typeof Organization>;
export type InvitationItem = Invitation;
export type InvitationListResponse = z.infer<typeof InvitationList>;
export type MemberItem = z.infer<typeof Member>;
export type MemberListResponse = z.infer<typeof MemberList>;
export type OkResponse = z.infer<typeof Ok>;

export type CreateOrganizationInput = z.input<typeof CreateOrganization>;
export type CreateInvitationInput = z.input<typeof CreateInvitation>;
export type AcceptInvitationInput = { id: string } & z.input<typeof AcceptInvitation>;
export type SetActiveOrganizationInput = z.input<typeof SetActiveOrganization>;
export type CompanyProfileResponse = CompanyProfile;
export type UpdateCompanyProfileInput = z.input<typeof UpdateCompanyProfile>;
