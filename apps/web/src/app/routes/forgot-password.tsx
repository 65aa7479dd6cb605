import { ForgotPasswordForm } from "../../features/auth";

export function ForgotPasswordRoute() {
  return <ForgotPasswordForm />;
}
