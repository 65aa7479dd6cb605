import { EngagementListPage } from "./engagements";

export function PartnerInboxRoute() {
  return <EngagementListPage side="provider" />;
}
