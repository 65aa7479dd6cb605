import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useUnreadMessages } from "../api/messages";

/** The navigation's count of unread messages across the caller's engagements (polled); nothing when there are none. */
export function UnreadMessagesBadge() {
  const { t } = useTranslation();
  const unread = useUnreadMessages(true).data?.total ?? 0;
  if (unread === 0) return null;
  return (
    <Badge
      size="sm"
      color="red.9"
      circle={unread < 10}
      aria-label={t("messaging.unreadBadge", { count: unread })}
      data-testid="messages-unread-badge"
    >
      {unread > 99 ? "99+" : unread}
    </Badge>
  );
}
