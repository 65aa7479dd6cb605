/** Auth: the session (`me`), sign-in/up/out, password reset, roles. The public face of the feature; other code imports only this file. */
export { type HomeKind, hasRole, homeKind } from "./access";
export { forgetTenantData } from "./api/forget-tenant-data";
export { getMe, meQuery, useMe } from "./api/get-me";
export { authKeys } from "./api/query-keys";
export { useSignOut } from "./api/sign-out";
export { ForgotPasswordForm } from "./components/forgot-password-form";
export { LoginForm } from "./components/login-form";
export { ResetPasswordForm } from "./components/reset-password-form";
export { SignupForm } from "./components/signup-form";
