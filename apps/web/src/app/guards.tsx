import type { MemberRole } from "@bgm/domain";
import { useDeferredValue } from "react";
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
  // When the session arrives, the whole signed-in app mounts below this guard. A query's answer re-renders its
  // readers at once, in one blocking task (TanStack Query reads through useSyncExternalStore): that mount was up to
  // 225 ms of blocked main thread, 900 ms on Lighthouse's phone (issue 14). Through a deferred value it is a
  // background render React can interrupt; the guard leaves "loading" one render later than the query.
  const pending = useDeferredValue(me.isPending);
  if (me.isPending || pending) return <LoadingState />;
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
