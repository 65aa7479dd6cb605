/** Auth: the session (`me`), sign-in/up/out, password reset, roles. The public face of the feature; other code imports only this file. */
export { type HomeKind, hasRole, homeKind } from "./access";
export { forgetTenantData } from "./api/forget-tenant-data";
export { getMe } from "./api/get-me";
export { meQuery, useMe } from "./api/me-query";
export { authKeys } from "./api/query-keys";
export { signIn } from "./api/sign-in";
export { useSignOut } from "./api/sign-out";
export { ForgotPasswordForm } from "./components/forgot-password-form";
export { LoginForm } from "./components/login-form";
export { ResetPasswordForm } from "./components/reset-password-form";
export { SignupForm } from "./components/signup-form";
