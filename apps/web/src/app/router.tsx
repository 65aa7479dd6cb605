import type { ComponentType } from "react";
import { createBrowserRouter, type RouteObject } from "react-router";
import { NotFound } from "../components/ui/not-found";
import { loadFeatureTexts } from "../lib/i18n";
import { RequireAuth, RequireRole } from "./guards";
import { PublicLayout } from "./layout/public-layout";
import { healthDayCheckInRoute } from "./routes/health-day-check-in";
import {
  healthBudgetRoute,
  insuranceReportRoute,
  organizationSettingsRoute,
  participationReportsRoute,
} from "./routes/participation-reports";

/**
 * A page as a lazy route: its module (and the libraries only it uses: charts, schema forms, date pickers)
 * is a chunk of its own, fetched when the route is first matched, so the sign-in page does not download the
 * whole app. The signed-in shell (AppShell, menus, notifications) is one too; the public layout and the guards
 * stay in the entry. `name` is the component the
 * module exports; the type check keeps it in step with the module.
 *
 * The page renders once the German feature texts are in as well (lib/i18n, fetched in parallel with the
 * module). `corePage` leaves them out: only for the sign-in pages, which use the core texts of the entry
 * alone (de.ts); a page there that used a feature text would show its key.
 */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return withFeatureTexts(corePage(load, name));
}

function corePage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return async () => ({ Component: (await load())[name] });
}

function withFeatureTexts<T>(lazy: () => Promise<T>): () => Promise<T> {
  return async () => (await Promise.all([lazy(), loadFeatureTexts()]))[0];
}

/**
 * The app's router. Created by startApp (app.tsx), not when this module loads: creating it ranks all routes,
 * matches the URL and starts loading the page, a blocking task of its own on phones that is kept apart from
 * evaluating the app's chunks (issue 14: total blocking time).
 */
export function createAppRouter() {
  return createBrowserRouter(routes);
}

const routes: RouteObject[] = [
  {
    element: <PublicLayout />,
    children: [
      { path: "/login", lazy: corePage(() => import("./routes/login"), "LoginRoute") },
      { path: "/signup", lazy: corePage(() => import("./routes/signup"), "SignupRoute") },
      { path: "/forgot-password", lazy: corePage(() => import("./routes/forgot-password"), "ForgotPasswordRoute") },
      { path: "/reset-password", lazy: corePage(() => import("./routes/reset-password"), "ResetPasswordRoute") },
      { path: "/invite/:id", lazy: page(() => import("./routes/invite"), "InviteRoute") },
      { path: "/join/:token", lazy: page(() => import("./routes/join"), "JoinRoute") },
      { path: "/login/link", lazy: page(() => import("./routes/link-sign-in"), "LinkSignInRoute") },
    ],
  },
  {
    element: <PublicLayout wide />,
    children: [{ path: "/dev/outbox", lazy: page(() => import("./routes/outbox"), "OutboxRoute") }],
  },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <PublicLayout />,
        children: [{ path: "/onboarding", lazy: page(() => import("./routes/onboarding"), "OnboardingRoute") }],
      },
      {
        lazy: page(() => import("./layout/app-layout"), "AppLayout"),
        children: [
          { index: true, lazy: page(() => import("./routes/home"), "HomeRoute") },
          {
            element: <RequireRole roles={["bgm_manager"]} />,
            children: [
              { path: "/phases", lazy: page(() => import("./routes/phases-index"), "PhasesIndexRoute") },
              { path: "/phases/:number", lazy: page(() => import("./routes/phase"), "PhaseRoute") },
              { path: "/tasks/:key", lazy: page(() => import("./routes/task"), "TaskRoute") },
              { path: "/goals", lazy: page(() => import("./routes/goals"), "GoalsRoute") },
              { path: "/employees", lazy: page(() => import("./routes/employees"), "EmployeesRoute") },
              { path: "/legal", lazy: page(() => import("./routes/legal-list"), "LegalListRoute") },
              { path: "/legal/:key", lazy: page(() => import("./routes/legal-detail"), "LegalDetailRoute") },
              { path: "/audit", lazy: page(() => import("./routes/audit"), "AuditRoute") },
              { path: "/marketplace", lazy: page(() => import("./routes/marketplace"), "MarketplaceRoute") },
              { path: "/marketplace/offerings/:id", lazy: page(() => import("./routes/offering-detail"), "OfferingDetailRoute") },
              { path: "/partner-suggestions", lazy: page(() => import("./routes/partner-suggestions"), "PartnerSuggestionsRoute") },
              { path: "/engagements", lazy: page(() => import("./routes/engagements"), "EngagementsRoute") },
              { path: "/data-sharing", lazy: page(() => import("./routes/data-sharing"), "DataSharingRoute") },
              { path: "/interventions", lazy: page(() => import("./routes/interventions"), "InterventionsRoute") },
              { path: "/interventions/new", lazy: page(() => import("./routes/interventions"), "CreateInterventionRoute") },
              { path: "/interventions/:id", lazy: page(() => import("./routes/interventions"), "InterventionDetailRoute") },
              {
                path: "/interventions/:id/sessions/:sessionId/attendance",
                lazy: page(() => import("./routes/interventions"), "AttendanceRoute"),
              },
              { path: "/health-days", lazy: page(() => import("./routes/health-days"), "HealthDaysRoute") },
              { path: "/health-days/:id", lazy: page(() => import("./routes/health-days"), "HealthDayDetailRoute") },
              { path: "/participation/reports", lazy: withFeatureTexts(participationReportsRoute) },
              { path: "/participation/insurance-report", lazy: withFeatureTexts(insuranceReportRoute) },
              { path: "/participation/health-budget", lazy: withFeatureTexts(healthBudgetRoute) },
              { path: "/settings", lazy: withFeatureTexts(organizationSettingsRoute) },
              { path: "/settings/sso", lazy: page(() => import("./routes/sso-settings"), "SsoSettingsRoute") },
              { path: "/health-days/:id/check-in", lazy: withFeatureTexts(healthDayCheckInRoute) },
            ],
          },
          {
            element: <RequireRole roles={["partner_admin", "partner_member"]} />,
            children: [
              { path: "/inbox", lazy: page(() => import("./routes/partner-inbox"), "PartnerInboxRoute") },
              { path: "/partner/offerings", lazy: page(() => import("./routes/partner-offerings"), "PartnerOfferingsRoute") },
              { path: "/partner/profile", lazy: page(() => import("./routes/partner-profile"), "PartnerProfileRoute") },
              { path: "/partner/api-reference", lazy: page(() => import("./routes/partner-api-reference"), "PartnerApiReferenceRoute") },
              { path: "/planner/health-days", lazy: page(() => import("./routes/planner-health-days"), "PlannerHealthDaysRoute") },
              {
                path: "/planner/health-days/:engagementId",
                lazy: page(() => import("./routes/planner-health-days"), "PlannerHealthDayRoute"),
              },
            ],
          },
          {
            element: <RequireRole roles={["partner_admin"]} />,
            children: [
              { path: "/partner/api-keys", lazy: page(() => import("./routes/api-keys"), "ApiKeysRoute") },
              { path: "/partner/webhooks", lazy: page(() => import("./routes/webhooks"), "WebhooksRoute") },
            ],
          },
          {
            element: <RequireRole roles={["employee"]} />,
            children: [{ path: "/my-data", lazy: page(() => import("./routes/my-data"), "MyDataRoute") }],
          },
          {
            element: <RequireRole roles={["bgm_manager", "partner_admin", "partner_member"]} />,
            children: [{ path: "/engagements/:id", lazy: page(() => import("./routes/engagement-detail"), "EngagementDetailRoute") }],
          },
          {
            element: <RequireRole roles={["bgm_manager", "partner_admin"]} />,
            children: [{ path: "/team", lazy: page(() => import("./routes/team"), "TeamRoute") }],
          },
          { path: "*", element: <NotFound /> },
        ],
      },
    ],
  },
];
