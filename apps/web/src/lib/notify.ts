import i18n from "./i18n";

interface NotifyOptions {
  message: string;
  color?: string;
}

// Toasts are loaded on the first one shown, not with every page: @mantine/notifications (and its drag
// handling) stays out of the entry chunk. The app's <Toasts> (app/providers.tsx) mounts Mantine's container
// once `toastsWanted()` turns true; Mantine's store keeps a toast shown before the container is there.
let wanted = false;
const listeners = new Set<() => void>();

export function subscribeToToasts(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function toastsWanted(): boolean {
  return wanted;
}

/** Mantine's notification close button has no accessible name of its own; every toast goes through here. */
export function notify({ message, color }: NotifyOptions): void {
  if (!wanted) {
    wanted = true;
    for (const listener of listeners) listener();
  }
  const closeButtonProps = { "aria-label": i18n.t("common.close") };
  void import("@mantine/notifications").then(({ notifications }) => notifications.show({ message, color, closeButtonProps }));
}
