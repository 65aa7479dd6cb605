import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { Fact } from "../../../components/ui/fact";
import { LoadingState } from "../../../components/ui/loading-state";
import { NotFound } from "../../../components/ui/not-found";
import { PageHeader } from "../../../components/ui/page-header";
import { isApiError } from "../../../lib/api-client";
import { notify } from "../../../lib/notify";
import { type InterventionStatusAction, useChangeInterventionStatus, useIntervention } from "../api/interventions";
import type { InterventionDetail } from "../api/types";
import { localizedError, participationError } from "../error-text";
import { formatCents } from "../format";
import { useApproachLabel, useCategoryLabel, useFieldOfActionLabel } from "../use-category-label";
import { ConfirmModal } from "./confirm-modal";
import { EditInterventionModal } from "./edit-intervention-modal";
import { InterventionStatusBadge } from "./intervention-status-badge";
import { SessionFormModal } from "./session-form-modal";
import { SessionsList } from "./sessions-list";

/** One intervention: its facts, its sessions with counts, and the manager's actions. */
export function InterventionDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const intervention = useIntervention(id);
  if (intervention.isPending) return <LoadingState />;
  if (intervention.isError) {
    if ([400, 403, 404].some((status) => isApiError(intervention.error, status)))
      return <NotFound body={t("participation.detail.notFound")} />;
    return <ErrorAlert error={intervention.error} onRetry={() => void intervention.refetch()} />;
  }
  return <InterventionDetailView intervention={intervention.data} />;
}

function InterventionDetailView({ intervention: i }: { intervention: InterventionDetail }) {
  const { t } = useTranslation();
  const category = useCategoryLabel();
  const field = useFieldOfActionLabel();
  const approach = useApproachLabel();
  const [params, setParams] = useSearchParams();
  const addingSessions = params.get("addSessions") === "1";
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState<InterventionStatusAction | null>(null);
  const status = useChangeInterventionStatus(i.id);
  const texts = {
    close: { title: t("participation.detail.close"), body: t("participation.detail.closeConfirm"), done: t("participation.detail.closed") },
    cancel: {
      title: t("participation.detail.cancelIntervention"),
      body: t("participation.detail.cancelConfirm"),
      done: t("participation.detail.cancelled"),
    },
    reopen: { title: t("participation.detail.reopen"), body: "", done: t("participation.detail.reopened") },
  } satisfies Record<InterventionStatusAction, { title: string; body: string; done: string }>;

  const setAdding = (open: boolean) =>
    setParams(
      (p) => {
        if (open) p.set("addSessions", "1");
        else p.delete("addSessions");
        return p;
      },
      { replace: true },
    );

  function change(action: InterventionStatusAction) {
    status.mutate(action, {
      onSuccess: () => {
        notify({ color: "green", message: texts[action].done });
        setConfirming(null);
      },
      onError: (error) => {
        if (action === "reopen") notify({ color: "red", message: participationError(error, t) });
      },
    });
  }

  const confirm = confirming && confirming !== "reopen" ? texts[confirming] : null;

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/interventions" size="sm">
          {t("participation.detail.back")}
        </Anchor>
        <PageHeader
          title={i.title}
          description={category(i.category)}
          actions={
            <Group gap="sm">
              <InterventionStatusBadge status={i.status} />
              {i.status === "open" ? (
                <>
                  <Button onClick={() => setAdding(true)}>{t("participation.detail.addSessions")}</Button>
                  <Button variant="default" onClick={() => setEditing(true)}>
                    {t("participation.detail.edit")}
                  </Button>
                  <Button variant="default" onClick={() => setConfirming("close")}>
                    {t("participation.detail.close")}
                  </Button>
                  <Button variant="outline" color="red" onClick={() => setConfirming("cancel")}>
                    {t("participation.detail.cancelIntervention")}
                  </Button>
                </>
              ) : null}
              {i.status === "closed" ? (
                <Button variant="default" loading={status.isPending} onClick={() => change("reopen")}>
                  {t("participation.detail.reopen")}
                </Button>
              ) : null}
            </Group>
          }
        />
      </div>
      <Paper withBorder p="md" component="section" aria-labelledby="intervention-facts-heading">
        <Title order={2} fz="h4" id="intervention-facts-heading" mb="sm">
          {t("participation.detail.facts")}
        </Title>
        {i.description ? <p style={{ marginTop: 0 }}>{i.description}</p> : null}
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} component="dl" m={0}>
          <Fact label={t("participation.form.fieldOfAction")}>{field(i.fieldOfAction)}</Fact>
          <Fact label={t("participation.form.approach")}>{approach(i.approach)}</Fact>
          <Fact label={t("participation.form.targetGroup")}>{i.targetGroup || "–"}</Fact>
          <Fact label={t("participation.detail.provider")}>{i.providerName ?? t("participation.detail.noProvider")}</Fact>
          {i.engagementId ? (
            <Fact label={t("participation.detail.engagement")}>
              <Anchor component={Link} to={`/engagements/${i.engagementId}`}>
                {t("participation.detail.toEngagement")}
              </Anchor>
            </Fact>
          ) : null}
          <Fact label={t("participation.detail.certification")}>{i.certificationId ?? t("participation.detail.noCertification")}</Fact>
          <Fact label={t("participation.detail.cost")}>{i.costCents === null ? "–" : formatCents(i.costCents)}</Fact>
        </SimpleGrid>
      </Paper>
      <section aria-labelledby="sessions-heading">
        <Title order={2} fz="h3" id="sessions-heading" mb="sm">
          {t("participation.detail.sessionsTitle")}
        </Title>
        <SessionsList intervention={i} />
      </section>
      <SessionFormModal opened={addingSessions && i.status === "open"} onClose={() => setAdding(false)} interventionId={i.id} />
      <EditInterventionModal intervention={i} opened={editing} onClose={() => setEditing(false)} />
      <ConfirmModal
        opened={confirm !== null}
        title={confirm?.title ?? ""}
        body={confirm?.body ?? ""}
        confirmLabel={confirm?.title ?? ""}
        danger={confirming === "cancel"}
        loading={status.isPending}
        error={localizedError(status.error, t)}
        onClose={() => {
          status.reset();
          setConfirming(null);
        }}
        onConfirm={() => confirming && change(confirming)}
      />
    </Stack>
  );
}
