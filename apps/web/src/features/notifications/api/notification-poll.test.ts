import { QueryClient } from "@tanstack/react-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { notificationListQuery, pollLatestNotifications } from "./get-notifications";
import { listAfterPoll } from "./list-after-poll";
import type { NotificationItem, NotificationPages, NotificationsResponse } from "./types";

function notification(n: number, readAt: string | null = null): NotificationItem {
  return {
    id: `n${n}`,
    kind: "quote",
    title: `Notice ${n}`,
    body: "",
    link: null,
    readAt,
    createdAt: new Date(Date.UTC(2025, 0, 1, 0, n)).toISOString(),
  };
}

/** A stand-in for GET /api/notifications: newest first, 20 a page, the cursor an offset; counts the requests. */
function fakeApi(count: number) {
  const state = { items: Array.from({ length: count }, (_, i) => notification(count - i)), requests: [] as string[] };
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string) => {
      state.requests.push(url);
      const query = new URL(url, "http://web").searchParams;
      const from = Number(query.get("cursor") ?? 0);
      const limit = Number(query.get("limit"));
      const items = state.items.slice(from, from + limit);
      const page: NotificationsResponse = {
        items,
        nextCursor: from + limit < state.items.length ? String(from + limit) : null,
        unread: state.items.filter((i) => i.readAt === null).length,
      };
      return new Response(JSON.stringify(page), { headers: { "content-type": "application/json" } });
    }),
  );
  return {
    state,
    arrive: () => state.items.unshift(notification(state.items.length + 1)),
    readOldest: () => {
      const last = state.items.length - 1;
      state.items[last] = { ...(state.items[last] as NotificationItem), readAt: "2025-02-01T00:00:00.000Z" };
    },
  };
}

let client: QueryClient;
beforeEach(() => {
  client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
});
afterEach(() => {
  client.clear();
  vi.unstubAllGlobals();
});

const listed = () => client.getQueryData<NotificationPages>(notificationListQuery.queryKey);
const ids = () => listed()?.pages.flatMap((p) => p.items.map((i) => i.id)) ?? [];

/**
 * `total` notifications on the server, the dropdown opened with `pages` of them loaded ("load more"),
 * then `change` on the server; the requests are counted from there.
 */
async function loadedThen(total: number, pages: number, change: (api: ReturnType<typeof fakeApi>) => void = () => {}) {
  const api = fakeApi(total);
  if (pages > 0) await client.fetchInfiniteQuery({ ...notificationListQuery, pages });
  change(api);
  api.state.requests.length = 0;
  return api;
}

describe("the bell's poll", () => {
  it("asks for the newest page only, however many pages are loaded, when nothing changed", async () => {
    const api = await loadedThen(55, 3);
    const before = listed();

    const latest = await pollLatestNotifications(client);

    expect(api.state.requests).toEqual(["/api/notifications?limit=20"]);
    expect(latest.unread).toBe(55);
    expect(listed()).toBe(before);
  });

  it("seeds the dropdown's first page from the poll, so opening it needs no request", async () => {
    const api = await loadedThen(5, 0);
    await pollLatestNotifications(client);
    expect(api.state.requests).toHaveLength(1);
    expect(ids()).toEqual(["n5", "n4", "n3", "n2", "n1"]);
  });

  it("puts a new notification into a one-page list without a second request", async () => {
    const api = await loadedThen(5, 1, (a) => a.arrive());

    const latest = await pollLatestNotifications(client);

    expect(api.state.requests).toHaveLength(1);
    expect(latest.unread).toBe(6);
    expect(ids()).toEqual(["n6", "n5", "n4", "n3", "n2", "n1"]);
  });

  it("fetches every loaded page again when the newest page changed, as every poll used to", async () => {
    const api = await loadedThen(45, 3, (a) => a.arrive());

    await pollLatestNotifications(client);

    expect(api.state.requests).toEqual([
      "/api/notifications?limit=20",
      "/api/notifications?limit=20",
      "/api/notifications?cursor=20&limit=20",
      "/api/notifications?cursor=40&limit=20",
    ]);
    expect(ids()).toEqual(api.state.items.map((i) => i.id));
  });

  it("notices a notification read elsewhere on a later page through the unread count", async () => {
    const api = await loadedThen(25, 2, (a) => a.readOldest());

    await pollLatestNotifications(client);

    expect(api.state.requests).toHaveLength(3);
    expect(listed()?.pages[1]?.items.at(-1)?.readAt).not.toBeNull();
  });
});

describe("listAfterPoll", () => {
  const page = (items: NotificationItem[], unread = items.length): NotificationsResponse => ({ items, nextCursor: null, unread });
  const pages = (...p: NotificationsResponse[]): NotificationPages => ({
    pages: p,
    pageParams: p.map((_, i) => (i === 0 ? undefined : String(i))),
  });

  it("keeps what is loaded when the newest page is as loaded", () => {
    expect(listAfterPoll(pages(page([notification(2), notification(1)])), page([notification(2), notification(1)]))).toEqual({
      kind: "keep",
    });
    expect(listAfterPoll(pages(page([notification(3)]), page([notification(2)])), page([notification(3)]))).toEqual({ kind: "keep" });
  });

  it("sets the first page when nothing or one page is loaded", () => {
    const latest = page([notification(2), notification(1)]);
    expect(listAfterPoll(undefined, latest)).toEqual({ kind: "set", data: { pages: [latest], pageParams: [undefined] } });
    expect(listAfterPoll(pages(page([notification(1)])), latest)).toEqual({
      kind: "set",
      data: { pages: [latest], pageParams: [undefined] },
    });
  });

  it("refetches a longer list when the newest page changed (a new one, or the unread count)", () => {
    const loaded = pages(page([notification(3)], 2), page([notification(2)], 2));
    expect(listAfterPoll(loaded, page([notification(4)], 3))).toEqual({ kind: "refetch" });
    expect(listAfterPoll(loaded, page([notification(3)], 1))).toEqual({ kind: "refetch" });
  });
});
