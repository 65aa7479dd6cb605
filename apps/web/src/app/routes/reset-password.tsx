import { useSearchParams } from "react-router";
import { ResetPasswordForm } from "../../features/auth";

export function ResetPasswordRoute() {
  const [params] = useSearchParams();
  return <ResetPasswordForm token={params.get("token")} />;
}
