import { Navigate, useNavigate, useSearchParams } from "react-router";
import { LoadingState } from "../../components/ui/loading-state";
import { LoginForm, useMe } from "../../features/auth";
import { safeRedirect } from "./safe-redirect";

export function LoginRoute() {
  const me = useMe();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const target = safeRedirect(params.get("from"));
  if (me.isPending) return <LoadingState />;
  if (me.data) return <Navigate to={target} replace />;
  return <LoginForm onSignedIn={() => navigate(target, { replace: true })} />;
}
