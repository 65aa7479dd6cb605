import { engagement } from "@bgm/db";
import type { EngagementSide } from "@bgm/domain";
import { eq } from "drizzle-orm";
import type { TenantScope } from "../../lib/request-context.js";
import { insertEvent } from "./engagements.repository.js";

/** A message of the messaging module as the engagement's shared timeline shows it. */
export interface MessageEvent {
  engagement: { id: string; orgId: string; providerOrgId: string };
  side: EngagementSide;
  messageId: string;
  text: string;
  topic: string | null;
  attachments: number;
}

/**
 * A message on the engagement's shared timeline (kind `message`, beside the status changes) and the
 * engagement's latest activity. In the sender's transaction; audit and notices are the messaging module's.
 */
export async function recordMessageEvent(scope: TenantScope, m: MessageEvent): Promise<void> {
  await insertEvent(
    { tx: scope.tx, orgId: scope.orgId, side: m.side },
    {
      engagementId: m.engagement.id,
      orgId: m.engagement.orgId,
      providerOrgId: m.engagement.providerOrgId,
      kind: "message",
      fromStatus: null,
      toStatus: null,
      actorUserId: scope.userId,
      actorSide: m.side,
      message: m.text,
      data: { messageId: m.messageId, topic: m.topic, attachments: m.attachments },
    },
  );
  await scope.tx.update(engagement).set({ lastActivityAt: new Date() }).where(eq(engagement.id, m.engagement.id));
}
