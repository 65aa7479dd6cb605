/**
 * Notification query keys. The bell polls only `latest()` (the newest page with the unread count); the
 * pages the dropdown loaded (`list()`) follow it instead of being polled themselves (see
 * `listAfterPoll`). To refresh the bell after a change that may have been announced, invalidate `latest()`.
 */
export const notificationKeys = {
  all: ["notifications"] as const,
  latest: () => [...notificationKeys.all, "latest"] as const,
  list: () => [...notificationKeys.all, "list"] as const,
};
