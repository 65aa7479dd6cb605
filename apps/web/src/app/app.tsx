// All of Mantine's styles (the entry has only the sign-in shell's, app/shell-styles.ts); before the
// notifications' own, which build on them.
import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import type { Me } from "@bgm/domain";
import type { QueryClient } from "@tanstack/react-query";
import type { ReactElement } from "react";
import { type createBrowserRouter, RouterProvider } from "react-router";
import { getMe, meQuery } from "../features/auth";
import { apiRequest } from "../lib/api-client";
import type { FirstQuery } from "./first-queries";
import { AppProviders } from "./providers";
import { createQueryClient } from "./query-client";
import { createAppRouter } from "./router";
import { yieldToBrowser } from "./yield";

export function App({ queryClient, router }: { queryClient: QueryClient; router: ReturnType<typeof createBrowserRouter> }) {
  return (
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}

/**
 * The full app (router, TanStack Query, the signed-in shell), a lazy chunk main.tsx loads for any page the
 * sign-in shell does not render itself. startApp creates the router, which matches the current URL and starts
 * fetching its lazy routes: main.tsx sets the URL first. `session` is the answer to the
 * session request main.tsx started before the first render; it becomes the `me` query's data, not a second
 * request. Resolves once the router has its first page ready, so the swap from the shell never shows an
 * empty page. `firstQueries` are the first page's requests main.tsx started with the session (first-queries.ts):
 * they go into the cache as queries in flight, so the page finds them there, not as requests of its own.
 */
export async function startApp(session: Promise<Me | null>, firstQueries: Promise<readonly FirstQuery[]>): Promise<ReactElement> {
  const queryClient = createQueryClient();
  // A failed answer is asked again (as the query's own retry would), not handed on as the query's error.
  void queryClient.prefetchQuery({ ...meQuery, queryFn: () => session.catch(() => getMe()) });
  // apiRequest hands each query the answer already on its way (or asks anew if it was not taken in time).
  void firstQueries.then((queries) => {
    for (const { queryKey, path } of queries) void queryClient.prefetchQuery({ queryKey, queryFn: () => apiRequest(path) });
  });
  // Creating the router is a task of its own, not part of the one that evaluated this chunk (main.tsx calls
  // this as soon as the import resolves, in the same task): two shorter blocking tasks on a phone, not one.
  await yieldToBrowser();
  const router = createAppRouter();
  if (!router.state.initialized) {
    await new Promise<void>((resolve) => {
      const unsubscribe = router.subscribe((state) => {
        if (!state.initialized) return;
        unsubscribe();
        resolve();
      });
    });
  }
  return <App queryClient={queryClient} router={router} />;
}
