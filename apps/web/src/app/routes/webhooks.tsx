import { WebhooksPage } from "../../features/webhooks";

/** The partner_admin's webhook endpoints. */
export function WebhooksRoute() {
  return <WebhooksPage />;
}
