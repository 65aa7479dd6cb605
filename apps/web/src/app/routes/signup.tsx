import { Navigate, useNavigate, useSearchParams } from "react-router";
import { LoadingState } from "../../components/ui/loading-state";
import { SignupForm, useMe } from "../../features/auth";
import { safeRedirect } from "./safe-redirect";

export function SignupRoute() {
  const me = useMe();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const from = params.get("from");
  const target = safeRedirect(from);
  if (me.isPending) return <LoadingState />;
  if (me.data) return <Navigate to={target} replace />;
  const loginHref = from ? `/login?from=${encodeURIComponent(target)}` : "/login";
  return <SignupForm loginHref={loginHref} onSignedUp={() => navigate(target, { replace: true })} />;
}
