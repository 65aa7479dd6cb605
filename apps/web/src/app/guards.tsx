import type { MemberRole } from "@bgm/domain";
import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useLocation } from "react-router";
import { ErrorAlert } from "../components/ui/error-alert";
import { LoadingState } from "../components/ui/loading-state";
import { NotFound } from "../components/ui/not-found";
import { hasRole, useMe } from "../features/auth";

/** Renders the child routes only for a signed-in user; everyone else goes to /login and comes back. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <LoadingState />;
  if (me.isError) return <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const from = location.pathname + location.search;
    return <Navigate to={`/login?from=${encodeURIComponent(from)}`} replace />;
  }
  return <Outlet />;
}

/** Role gate inside the signed-in area. The API enforces the same rule; this only avoids dead pages. */
export function RequireRole({ roles }: { roles: readonly MemberRole[] }) {
  const me = useMe();
  const { t } = useTranslation();
  if (!me.data) return null;
  if (!hasRole(me.data, roles)) return <NotFound title={t("common.forbiddenTitle")} body={t("common.forbiddenBody")} />;
  return <Outlet />;
}
