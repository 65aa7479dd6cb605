/**
 * Every list of the API answers `{ items, nextCursor }`; these adapt it to TanStack Query's
 * infinite queries so each feature's hook declares paging the same way.
 */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

export const firstCursor: string | undefined = undefined;

/** TanStack Query stops asking for pages when this returns undefined. */
export function nextCursorOf(page: { nextCursor: string | null }): string | undefined {
  return page.nextCursor ?? undefined;
}

/** All items loaded so far, in order. */
export function loadedItems<T>(data: { pages: CursorPage<T>[] } | undefined): T[] {
  return data?.pages.flatMap((p) => p.items) ?? [];
}
