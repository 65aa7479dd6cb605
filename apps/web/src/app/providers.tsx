import { MantineProvider } from "@mantine/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { lazy, type ReactNode, Suspense, useState, useSyncExternalStore } from "react";
import { subscribeToToasts, toastsWanted } from "../lib/notify";
import { createQueryClient } from "./query-client";
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

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
      <Toasts />
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </MantineProvider>
  );
}
