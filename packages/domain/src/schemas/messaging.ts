import { z } from "zod";
import { Timestamp } from "./common.js";
import { cursorPage } from "./lists.js";

/** The most files one message carries (each within the document upload limit). */
export const MAX_MESSAGE_ATTACHMENTS = 5;
export const MESSAGE_TEXT_MAX = 5000;
export const MESSAGE_TOPIC_MAX = 120;

export const MessageSideSchema = z.enum(["company", "provider"]);

export const MessageAttachment = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
});

export const EngagementMessage = z.object({
  id: z.uuid(),
  engagementId: z.uuid(),
  senderSide: MessageSideSchema,
  senderName: z.string().nullable().describe("The writer's name; null when the account no longer exists"),
  topic: z.string().nullable(),
  text: z.string(),
  attachments: z.array(MessageAttachment),
  /** From the reader's side: a message of the other side not yet marked read. */
  unread: z.boolean(),
  createdAt: Timestamp,
});
export type EngagementMessage = z.infer<typeof EngagementMessage>;

export const EngagementMessageList = cursorPage(EngagementMessage).describe("Newest first");

/**
 * A message: JSON, or multipart/form-data with the same fields plus up to five files (`attachments`).
 * A company message that looks like personal employee data is refused with 422 `personal_data_warning`
 * unless `acknowledgePersonalData` is true (the override is audited).
 */
export const PostMessage = z.strictObject({
  text: z.string().trim().min(1).max(MESSAGE_TEXT_MAX),
  topic: z.string().trim().max(MESSAGE_TOPIC_MAX).nullable().default(null),
  acknowledgePersonalData: z.boolean().default(false),
});

export const MessageAttachmentParams = z.strictObject({ id: z.uuid(), messageId: z.uuid(), attachmentId: z.uuid() });

export const MarkMessagesRead = z
  .strictObject({})
  .describe("Marks every message of the other side in this engagement read for the caller's side");

export const EngagementUnread = z.object({ engagementId: z.uuid(), unread: z.number().int().min(1) });

/** Unread messages of the caller's side: the total for the navigation badge and the engagements that have any. */
export const UnreadMessages = z.object({
  total: z.number().int().min(0),
  items: z.array(EngagementUnread),
  nextCursor: z.null().describe("Always null: one entry per engagement with unread messages, answered whole"),
});

/** What the personal-data check found (the values the writer typed, echoed back to them only). */
export const PersonalDataMatch = z.object({ kind: z.enum(["email", "employee_name"]), value: z.string() });
export type PersonalDataMatch = z.infer<typeof PersonalDataMatch>;
