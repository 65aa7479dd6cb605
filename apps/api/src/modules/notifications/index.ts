// Public entry of the notifications module.

export { notificationRoutes } from "./notifications.routes.js";
export { dispatchMails, NOTIFIED_ROLES, notifyOrg, type OrgNotice } from "./notify.js";
