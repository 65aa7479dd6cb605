import { notifications } from "@mantine/notifications";
import i18n from "./i18n";

interface NotifyOptions {
  message: string;
  color?: string;
}

/** Mantine's notification close button has no accessible name of its own; every toast goes through here. */
export function notify({ message, color }: NotifyOptions): void {
  notifications.show({ message, color, closeButtonProps: { "aria-label": i18n.t("common.close") } });
}
