import type {
  EngagementMessageList,
  EngagementMessage as MessageSchema,
  PersonalDataMatch,
  PostMessage,
  UnreadMessages,
} from "@bgm/domain";
import type { z } from "zod";

export type Message = z.infer<typeof MessageSchema>;
export type MessagePage = z.infer<typeof EngagementMessageList>;
export type Unread = z.infer<typeof UnreadMessages>;
export type PostMessageInput = z.input<typeof PostMessage> & { files?: File[] };
export type { PersonalDataMatch };
