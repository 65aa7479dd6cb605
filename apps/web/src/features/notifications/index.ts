/** Notifications: the header bell. The public face of the feature; other code imports only this file. */
export { notificationKeys } from "./api/query-keys";
export { NotificationBell } from "./components/notification-bell";
