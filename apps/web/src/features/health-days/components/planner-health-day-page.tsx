import { Anchor, Badge, Button, Card, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, Title } from "@mantine/core";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { FormModal, ModalForm } from "../../../components/ui/form-modal";
import { LoadingState } from "../../../components/ui/loading-state";
import { MoneyInput } from "../../../components/ui/money-input";
import { NotFound } from "../../../components/ui/not-found";
import { PageHeader } from "../../../components/ui/page-header";
import { isApiError } from "../../../lib/api-client";
import { formatDateTime } from "../../../lib/format";
import { eurosToCents, formatEuro } from "../../../lib/money";
import { notify } from "../../../lib/notify";
import { plannerReportPdfUrl } from "../api/feedback";
import { type PlannerDayDetail, usePlannedDay, usePlannerAddModule, usePlannerAddSlots, usePlannerCatalog } from "../api/planner";
import { localizedError } from "../error-text";
import { formatDays, slotTime } from "../format";
import { type PlannerCatalogEntry, plannerCatalogEntries } from "../planner-view";
import { ApprovalBadges } from "./approval-badges";
import { BookingBadge } from "./badges";
import { BudgetTracker } from "./budget-tracker";
import { HealthDayCard } from "./health-day-card";
import { Timeline } from "./timeline";

/**
 * The planner's page of one day it plans (ADR 0015): the card, budget, stations with their approval and the
 * timeline with headcounts — never a name; while it may edit, the catalog of other providers and slot forms.
 */
export function PlannerHealthDayPage() {
  const { engagementId = "" } = useParams();
  const day = usePlannedDay(engagementId);
  if (day.isPending) return <LoadingState />;
  if (day.isError) {
    if ([400, 403, 404].some((status) => isApiError(day.error, status))) return <NotFound />;
    return <ErrorAlert error={day.error} onRetry={() => void day.refetch()} />;
  }
  return <PlannerDayView engagementId={engagementId} day={day.data} />;
}

function PlannerDayView({ engagementId, day }: { engagementId: string; day: PlannerDayDetail }) {
  const { t } = useTranslation();
  const addSlots = usePlannerAddSlots(engagementId);
  const limit = day.planner?.approvalLimitCents ?? null;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/planner/health-days" size="sm">
        ← {t("healthDays.plannerPortal.back")}
      </Anchor>
      <PageHeader
        title={day.title}
        description={[t("healthDays.plannerPortal.forCompany", { company: day.companyName }), formatDays(day.startsOn, day.endsOn)].join(
          " · ",
        )}
      />
      <Text size="sm" data-testid="planner-limit">
        {limit === null ? t("healthDays.plannerPortal.noLimit") : t("healthDays.plannerPortal.limit", { amount: formatEuro(limit) })}
        {day.planner?.planApprovedAt
          ? ` · ${t("healthDays.plannerPortal.planApprovedAt", { date: formatDateTime(day.planner.planApprovedAt) })}`
          : ""}
      </Text>
      {day.canEdit ? null : <Text c="dimmed">{t("healthDays.plannerPortal.readOnly")}</Text>}
      <Group>
        <Button component="a" href={plannerReportPdfUrl(engagementId)} download variant="default" data-testid="planner-report-pdf">
          {t("healthDays.reports.plannerReportPdf")}
        </Button>
      </Group>
      <HealthDayCard day={day} />
      <PlannerStations day={day} />
      <BudgetTracker budget={day.budget} />
      <Timeline day={day} editable={day.canEdit} adder={addSlots} />
      {day.canEdit ? <PlannerCatalog engagementId={engagementId} day={day} /> : null}
    </Stack>
  );
}

function PlannerStations({ day }: { day: PlannerDayDetail }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="planner-stations-heading">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="planner-stations-heading">
          {t("healthDays.plannerPortal.stations")}
        </Title>
        {day.modules.length === 0 ? <Text c="dimmed">{t("healthDays.plannerPortal.noStations")}</Text> : null}
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: "none" }}>
          {day.modules.map((m) => {
            const times = m.slots.filter((s) => s.status === "scheduled").map((s) => slotTime(s.startsAt, s.endsAt));
            return (
              <Paper component="li" key={m.id} withBorder p="sm" data-testid="station">
                <Stack gap={4}>
                  <Group gap="xs" wrap="wrap" justify="space-between">
                    <Text fw={600}>
                      {m.title} ({m.providerName})
                    </Text>
                    <Group gap={4}>
                      <ApprovalBadges station={m} />
                      <BookingBadge status={m.bookingStatus} />
                    </Group>
                  </Group>
                  <Text size="sm" c="dimmed">
                    {[m.location || null, times.join(", ") || null, t("healthDays.detail.costPlanned", { amount: formatEuro(m.costCents) })]
                      .filter(Boolean)
                      .join(" · ")}
                  </Text>
                </Stack>
              </Paper>
            );
          })}
        </Stack>
      </Stack>
    </Paper>
  );
}

function PlannerCatalog({ engagementId, day }: { engagementId: string; day: PlannerDayDetail }) {
  const { t } = useTranslation();
  const catalog = usePlannerCatalog();
  const [adding, setAdding] = useState<PlannerCatalogEntry | null>(null);
  const entries = catalog.data ? plannerCatalogEntries(catalog.data, day) : [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="planner-catalog-heading">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="planner-catalog-heading">
          {t("healthDays.plannerPortal.catalogTitle")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("healthDays.plannerPortal.catalogIntro")}
        </Text>
        {catalog.isPending ? <LoadingState /> : null}
        {catalog.isError ? <ErrorAlert error={catalog.error} onRetry={() => void catalog.refetch()} /> : null}
        {catalog.data && entries.length === 0 ? <Text>{t("healthDays.plannerPortal.catalogEmpty")}</Text> : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {entries.map((e) => (
            <PlannerCatalogCard key={e.offering.id} entry={e} onAdd={() => setAdding(e)} />
          ))}
        </SimpleGrid>
      </Stack>
      <FormModal
        opened={adding !== null}
        onClose={() => setAdding(null)}
        title={t("healthDays.plannerPortal.addTitle", { title: adding?.offering.title ?? "" })}
      >
        {adding ? <PlannerAddForm engagementId={engagementId} day={day} entry={adding} onClose={() => setAdding(null)} /> : null}
      </FormModal>
    </Paper>
  );
}

function PlannerCatalogCard({ entry, onAdd }: { entry: PlannerCatalogEntry; onAdd: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const o = entry.offering;
  return (
    <Card withBorder padding="sm" component="article" aria-labelledby={titleId} data-testid="catalog-entry">
      <Stack gap={6}>
        <Title order={3} fz="h5" id={titleId}>
          {o.title}
        </Title>
        <Text size="sm" c="dimmed">
          {o.providerName} · {t("healthDays.catalog.priceFrom", { price: formatEuro(o.priceFromCents) })}
        </Text>
        <Text size="sm" fw={entry.needsApproval ? 600 : undefined}>
          {entry.needsApproval ? t("healthDays.plannerPortal.needsApproval") : t("healthDays.plannerPortal.withinLimit")}
        </Text>
        <Group>
          {entry.added ? (
            <Badge color="green" variant="light" tt="none">
              {t("healthDays.catalog.added")}
            </Badge>
          ) : null}
          <Button
            size="xs"
            variant={entry.added ? "default" : "filled"}
            onClick={onAdd}
            aria-label={t("healthDays.plannerPortal.addFor", { title: o.title })}
          >
            {t("healthDays.plannerPortal.add")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function PlannerAddForm({
  engagementId,
  day,
  entry,
  onClose,
}: {
  engagementId: string;
  day: PlannerDayDetail;
  entry: PlannerCatalogEntry;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const add = usePlannerAddModule(engagementId);
  const [location, setLocation] = useState(day.locations[0] ?? "");
  const [costEuros, setCostEuros] = useState<number | null>(null);
  const [notes, setNotes] = useState("");

  function submit() {
    add.mutate(
      { offeringId: entry.offering.id, location, costCents: costEuros === null ? null : eurosToCents(costEuros), notes: notes.trim() },
      {
        onSuccess: () => {
          notify({ color: "green", message: t("healthDays.plannerPortal.addedToast", { provider: entry.offering.providerName }) });
          onClose();
        },
      },
    );
  }

  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onClose}
      submitLabel={t("healthDays.plannerPortal.submit")}
      pending={add.isPending}
      error={localizedError(add.error, t)}
    >
      <NativeSelect
        label={t("healthDays.catalog.location")}
        data-autofocus
        value={location}
        onChange={(e) => setLocation(e.currentTarget.value)}
        data={[{ value: "", label: t("healthDays.catalog.locationNone") }, ...day.locations.map((r) => ({ value: r, label: r }))]}
      />
      <MoneyInput
        label={t("healthDays.catalog.cost")}
        description={t("healthDays.catalog.costHint")}
        placeholder={formatEuro(entry.offering.priceFromCents)}
        value={costEuros}
        onChange={setCostEuros}
      />
      <Textarea
        label={t("healthDays.catalog.notes")}
        autosize
        minRows={2}
        maxLength={5000}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
      />
    </ModalForm>
  );
}
