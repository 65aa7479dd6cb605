// Public entry of the partner webhooks module.
export { emitWebhookEvent } from "./emit.js";
export { webhookRoutes } from "./webhooks.routes.js";
