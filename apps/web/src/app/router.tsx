import { createBrowserRouter } from "react-router";
import { NotFound } from "../components/ui/not-found";
import { RequireAuth, RequireRole } from "./guards";
import { AppLayout } from "./layout/app-layout";
import { PublicLayout } from "./layout/public-layout";
import { ApiKeysRoute } from "./routes/api-keys";
import { AuditRoute } from "./routes/audit";
import { DataSharingRoute } from "./routes/data-sharing";
import { EmployeesRoute } from "./routes/employees";
import { EngagementDetailRoute } from "./routes/engagement-detail";
import { EngagementsRoute } from "./routes/engagements";
import { ForgotPasswordRoute } from "./routes/forgot-password";
import { GoalsRoute } from "./routes/goals";
import { healthDayCheckInRoute } from "./routes/health-day-check-in";
import { HealthDayDetailRoute, HealthDaysRoute } from "./routes/health-days";
import { HomeRoute } from "./routes/home";
import { AttendanceRoute, CreateInterventionRoute, InterventionDetailRoute, InterventionsRoute } from "./routes/interventions";
import { InviteRoute } from "./routes/invite";
import { JoinRoute } from "./routes/join";
import { LegalDetailRoute } from "./routes/legal-detail";
import { LegalListRoute } from "./routes/legal-list";
import { LinkSignInRoute } from "./routes/link-sign-in";
import { LoginRoute } from "./routes/login";
import { MarketplaceRoute } from "./routes/marketplace";
import { MyDataRoute } from "./routes/my-data";
import { OfferingDetailRoute } from "./routes/offering-detail";
import { OnboardingRoute } from "./routes/onboarding";
import { OutboxRoute } from "./routes/outbox";
import {
  healthBudgetRoute,
  insuranceReportRoute,
  organizationSettingsRoute,
  participationReportsRoute,
} from "./routes/participation-reports";
import { PartnerApiReferenceRoute } from "./routes/partner-api-reference";
import { PartnerInboxRoute } from "./routes/partner-inbox";
import { PartnerOfferingsRoute } from "./routes/partner-offerings";
import { PartnerProfileRoute } from "./routes/partner-profile";
import { PhaseRoute } from "./routes/phase";
import { PhasesIndexRoute } from "./routes/phases-index";
import { PlannerHealthDayRoute, PlannerHealthDaysRoute } from "./routes/planner-health-days";
import { ResetPasswordRoute } from "./routes/reset-password";
import { SignupRoute } from "./routes/signup";
import { TaskRoute } from "./routes/task";
import { TeamRoute } from "./routes/team";

export const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    children: [
      { path: "/login", element: <LoginRoute /> },
      { path: "/signup", element: <SignupRoute /> },
      { path: "/forgot-password", element: <ForgotPasswordRoute /> },
      { path: "/reset-password", element: <ResetPasswordRoute /> },
      { path: "/invite/:id", element: <InviteRoute /> },
      { path: "/join/:token", element: <JoinRoute /> },
      { path: "/login/link", element: <LinkSignInRoute /> },
    ],
  },
  {
    element: <PublicLayout wide />,
    children: [{ path: "/dev/outbox", element: <OutboxRoute /> }],
  },
  {
    element: <RequireAuth />,
    children: [
      { element: <PublicLayout />, children: [{ path: "/onboarding", element: <OnboardingRoute /> }] },
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomeRoute /> },
          {
            element: <RequireRole roles={["bgm_manager"]} />,
            children: [
              { path: "/phases", element: <PhasesIndexRoute /> },
              { path: "/phases/:number", element: <PhaseRoute /> },
              { path: "/tasks/:key", element: <TaskRoute /> },
              { path: "/goals", element: <GoalsRoute /> },
              { path: "/employees", element: <EmployeesRoute /> },
              { path: "/legal", element: <LegalListRoute /> },
              { path: "/legal/:key", element: <LegalDetailRoute /> },
              { path: "/audit", element: <AuditRoute /> },
              { path: "/marketplace", element: <MarketplaceRoute /> },
              { path: "/marketplace/offerings/:id", element: <OfferingDetailRoute /> },
              { path: "/engagements", element: <EngagementsRoute /> },
              { path: "/data-sharing", element: <DataSharingRoute /> },
              { path: "/interventions", element: <InterventionsRoute /> },
              { path: "/interventions/new", element: <CreateInterventionRoute /> },
              { path: "/interventions/:id", element: <InterventionDetailRoute /> },
              { path: "/interventions/:id/sessions/:sessionId/attendance", element: <AttendanceRoute /> },
              { path: "/health-days", element: <HealthDaysRoute /> },
              { path: "/health-days/:id", element: <HealthDayDetailRoute /> },
              { path: "/participation/reports", lazy: participationReportsRoute },
              { path: "/participation/insurance-report", lazy: insuranceReportRoute },
              { path: "/participation/health-budget", lazy: healthBudgetRoute },
              { path: "/settings", lazy: organizationSettingsRoute },
              { path: "/health-days/:id/check-in", lazy: healthDayCheckInRoute },
            ],
          },
          {
            element: <RequireRole roles={["partner_admin", "partner_member"]} />,
            children: [
              { path: "/inbox", element: <PartnerInboxRoute /> },
              { path: "/partner/offerings", element: <PartnerOfferingsRoute /> },
              { path: "/partner/profile", element: <PartnerProfileRoute /> },
              { path: "/partner/api-reference", element: <PartnerApiReferenceRoute /> },
              { path: "/planner/health-days", element: <PlannerHealthDaysRoute /> },
              { path: "/planner/health-days/:engagementId", element: <PlannerHealthDayRoute /> },
            ],
          },
          {
            element: <RequireRole roles={["partner_admin"]} />,
            children: [{ path: "/partner/api-keys", element: <ApiKeysRoute /> }],
          },
          {
            element: <RequireRole roles={["employee"]} />,
            children: [{ path: "/my-data", element: <MyDataRoute /> }],
          },
          {
            element: <RequireRole roles={["bgm_manager", "partner_admin", "partner_member"]} />,
            children: [{ path: "/engagements/:id", element: <EngagementDetailRoute /> }],
          },
          {
            element: <RequireRole roles={["bgm_manager", "partner_admin"]} />,
            children: [{ path: "/team", element: <TeamRoute /> }],
          },
          { path: "*", element: <NotFound /> },
        ],
      },
    ],
  },
]);
