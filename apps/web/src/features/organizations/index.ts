/** Organizations: creating one, switching, the team and its invitations, the company profile for reports. The public face of the feature; other code imports only this file. */
export { useMembers } from "./api/get-members";
export { useSetActiveOrganization } from "./api/set-active-organization";
export { CompanyProfileSection } from "./components/company-profile-section";
export { CreateOrganizationForm } from "./components/create-organization-form";
export { InvitationView } from "./components/invitation-view";
export { InvitationsTable } from "./components/invitations-table";
export { InviteForm } from "./components/invite-form";
export { MembersTable } from "./components/members-table";
