import { MantineProvider } from "@mantine/core";
import type { QueryClient } from "@tanstack/react-query";
import { QueryClientProvider } from "@tanstack/react-query";
import { lazy, type ReactNode, Suspense, useSyncExternalStore } from "react";
import { subscribeToToasts, toastsWanted } from "../lib/notify";
import { cssVariablesResolver, theme } from "./theme";

const Notifications = lazy(() => import("@mantine/notifications").then((module) => ({ default: module.Notifications })));

/** Mantine's toast container, fetched with the first toast (lib/notify), not on every first visit. */
function Toasts() {
  const wanted = useSyncExternalStore(subscribeToToasts, toastsWanted);
  if (!wanted) return null;
  return (
    <Suspense fallback={null}>
      <Notifications position="bottom-right" />
    </Suspense>
  );
}

/** `queryClient` comes from main.tsx, which starts the session query with it before the first render. */
export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
      <Toasts />
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </MantineProvider>
  );
}
