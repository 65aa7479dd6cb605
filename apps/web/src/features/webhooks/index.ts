/** Partner webhooks: endpoints, secrets, delivery log. The public face of the feature; other code imports only this file. */
export { WebhooksPage } from "./webhooks-page";
