import type { Notification, NotificationList, Ok } from "@bgm/domain";
import type { InfiniteData } from "@tanstack/react-query";
import type { z } from "zod";

export type NotificationsResponse = z.infer<typeof NotificationList>;
export type NotificationItem = z.infer<typeof Notification>;
export type OkResponse = z.infer<typeof Ok>;
/** The dropdown's loaded pages, as the infinite query keeps them. */
export type NotificationPages = InfiniteData<NotificationsResponse, string | undefined>;
