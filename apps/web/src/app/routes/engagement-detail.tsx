import type { EngagementStatus } from "@bgm/domain";
import { Anchor, Grid, Group, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../components/ui/error-alert";
import { LoadingState } from "../../components/ui/loading-state";
import { NotFound } from "../../components/ui/not-found";
import { PageHeader } from "../../components/ui/page-header";
import { homeKind, useMe } from "../../features/auth";
import { canManageDataAccess, DataAccessPrompt, GrantedDataSection, ManageDataAccessButton } from "../../features/data-sharing";
import {
  EngagementActions,
  EngagementBrief,
  EngagementStatusBadge,
  EngagementTimeline,
  QuotesList,
  useEngagement,
} from "../../features/engagements";
import { focusMessageComposer, MessagesPanel } from "../../features/messaging";
import { CreateInterventionLink, PartnerParticipationSection } from "../../features/participation";
import { ResultsSection } from "../../features/results";
import { isApiError } from "../../lib/api-client";

/** An engagement that was accepted, is in progress or delivered can run interventions with sessions (as the API allows). */
const RUNS_INTERVENTIONS: readonly EngagementStatus[] = ["accepted", "in_progress", "delivered"];

/** One engagement, for either side: the side follows from the active organization (as in the API). */
export function EngagementDetailRoute() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const me = useMe().data;
  const engagement = useEngagement(id);
  const side = me && homeKind(me) === "partner" ? "provider" : "company";
  if (engagement.isPending) return <LoadingState />;
  if (engagement.isError) {
    if ([400, 403, 404, 422].some((status) => isApiError(engagement.error, status))) return <NotFound body={t("engagements.notFound")} />;
    return <ErrorAlert error={engagement.error} onRetry={() => void engagement.refetch()} />;
  }
  const e = engagement.data;

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to={side === "company" ? "/engagements" : "/inbox"} size="sm">
          {side === "company" ? t("engagements.back") : t("engagements.backInbox")}
        </Anchor>
        <PageHeader
          title={e.offeringTitle}
          description={
            side === "company"
              ? t("engagements.withProvider", { provider: e.providerName })
              : t("engagements.withCompany", { company: e.companyName })
          }
          actions={
            <Group>
              <EngagementStatusBadge status={e.status} />
              {side === "company" && canManageDataAccess(e.status) ? <ManageDataAccessButton engagementId={e.id} /> : null}
              {side === "company" && RUNS_INTERVENTIONS.includes(e.status) ? (
                <CreateInterventionLink variant="button" source={{ kind: "engagement", id: e.id, title: e.offeringTitle }} />
              ) : null}
            </Group>
          }
        />
      </div>
      {side === "company" ? <DataAccessPrompt engagement={e} /> : null}
      <EngagementActions engagement={e} side={side} onMessage={focusMessageComposer} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="lg">
            <EngagementBrief engagement={e} side={side} />
            <QuotesList quotes={e.quotes} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="lg">
            <MessagesPanel engagementId={e.id} side={side} />
            <EngagementTimeline events={e.timeline} />
          </Stack>
        </Grid.Col>
      </Grid>
      <ResultsSection engagement={e} side={side} />
      {side === "provider" ? <GrantedDataSection engagementId={e.id} /> : null}
      {side === "provider" && [...RUNS_INTERVENTIONS, "completed"].includes(e.status) ? (
        <PartnerParticipationSection engagementId={e.id} />
      ) : null}
    </Stack>
  );
}
