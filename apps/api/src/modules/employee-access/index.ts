export { employeeAccessRoutes } from "./employee-access.routes.js";
export { getJoinLink as companyJoinLink } from "./employee-access.service.js";
export { createSignInLinkSender } from "./sign-in-mail.js";
