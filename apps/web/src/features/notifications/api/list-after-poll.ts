import type { NotificationPages, NotificationsResponse } from "./types";

/** What a poll's newest page means for the pages the dropdown has loaded. */
export type ListAfterPoll = { kind: "keep" } | { kind: "set"; data: NotificationPages } | { kind: "refetch" };

function samePage(a: NotificationsResponse | undefined, b: NotificationsResponse): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Notifications only ever change at the top (new ones) and in their read state, which the unread count
 * on every page reflects: if the newest page is as loaded, so is everything below it ("keep"). A changed
 * newest page replaces a list of one page ("set", no second request); a longer list is fetched again,
 * all its pages, as every poll used to do ("refetch").
 */
export function listAfterPoll(list: NotificationPages | undefined, latest: NotificationsResponse): ListAfterPoll {
  if (samePage(list?.pages[0], latest)) return { kind: "keep" };
  if (!list || list.pages.length <= 1) return { kind: "set", data: { pages: [latest], pageParams: [undefined] } };
  return { kind: "refetch" };
}
