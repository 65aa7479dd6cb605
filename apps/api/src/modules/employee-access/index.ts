export { employeeAccessRoutes } from "./employee-access.routes.js";
export { createSignInLinkSender } from "./sign-in-mail.js";
