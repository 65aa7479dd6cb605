/** Messaging query keys: the unread counts of the navigation and each engagement's thread, under `all`. */
export const messagingKeys = {
  all: ["messaging"] as const,
  unread: () => [...messagingKeys.all, "unread"] as const,
  thread: (engagementId: string) => [...messagingKeys.all, "thread", engagementId] as const,
};
