import { useQueryClient } from "@tanstack/react-query";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { LoadingState } from "../../components/ui/loading-state";
import { LoginForm, meQuery, useMe } from "../../features/auth";
import { safeRedirect } from "./safe-redirect";

/**
 * /login inside the router: after a sign-out or a guard's redirect. A first visit to /login is the sign-in
 * shell's (app/sign-in-shell.tsx), which renders the same form before the router is loaded.
 */
export function LoginRoute() {
  const me = useMe();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const target = safeRedirect(params.get("from"));
  if (me.isPending) return <LoadingState />;
  if (me.data) return <Navigate to={target} replace />;
  return (
    <LoginForm
      ssoError={Boolean(params.get("sso_error"))}
      onSignedIn={async () => {
        // A new session may belong to another tenant: drop everything cached for the previous one.
        queryClient.removeQueries();
        await queryClient.fetchQuery(meQuery);
        navigate(target, { replace: true });
      }}
    />
  );
}
