// Public entry of the notifications module.

export { notificationRoutes } from "./notifications.routes.js";
export { dispatchMails, NOTIFIED_ROLES, notifyOrg, notifyUser, type OrgNotice, type UserNotice } from "./notify.js";
