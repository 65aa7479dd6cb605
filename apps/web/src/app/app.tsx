// All of Mantine's styles (the entry has only the sign-in shell's, app/shell-styles.ts); before the
// notifications' own, which build on them.
import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import type { Me } from "@bgm/domain";
import type { QueryClient } from "@tanstack/react-query";
import type { ReactElement } from "react";
import { RouterProvider } from "react-router";
import { getMe, meQuery } from "../features/auth";
import { AppProviders } from "./providers";
import { createQueryClient } from "./query-client";
import { router } from "./router";

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}

/**
 * The full app (router, TanStack Query, the signed-in shell), a lazy chunk main.tsx loads for any page the
 * sign-in shell does not render itself. Importing this module creates the router, which matches the current
 * URL and starts fetching its lazy routes: main.tsx sets the URL first. `session` is the answer to the
 * session request main.tsx started before the first render; it becomes the `me` query's data, not a second
 * request. Resolves once the router has its first page ready, so the swap from the shell never shows an
 * empty page.
 */
export async function startApp(session: Promise<Me | null>): Promise<ReactElement> {
  const queryClient = createQueryClient();
  // A failed answer is asked again (as the query's own retry would), not handed on as the query's error.
  void queryClient.prefetchQuery({ ...meQuery, queryFn: () => session.catch(() => getMe()) });
  if (!router.state.initialized) {
    await new Promise<void>((resolve) => {
      const unsubscribe = router.subscribe((state) => {
        if (!state.initialized) return;
        unsubscribe();
        resolve();
      });
    });
  }
  return <App queryClient={queryClient} />;
}
