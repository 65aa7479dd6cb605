/**
 * A mail of the local outbox. The development-only route declares its answer inline
 * (apps/api/src/modules/dev/index.ts), not in @bgm/domain, so its shape is written here.
 */
export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
}
