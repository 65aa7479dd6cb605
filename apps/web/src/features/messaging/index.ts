/** Messaging: company and partner write to each other inside an engagement. Other code imports only this file. */
export { useUnreadMessages } from "./api/messages";
export { messagingKeys } from "./api/query-keys";
export { focusMessageComposer, MessagesPanel } from "./components/messages-panel";
export { UnreadMessagesBadge } from "./components/unread-badge";
