import { DATA_SCOPES, OFFERING_CATEGORIES, PHASES, taskTemplate } from "@bgm/domain";
import { Anchor, Button, Grid, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../components/ui/error-alert";
import { Fact } from "../../components/ui/fact";
import { LoadingState } from "../../components/ui/loading-state";
import { NotFound } from "../../components/ui/not-found";
import { PageHeader } from "../../components/ui/page-header";
import { hasRole, useMe } from "../../features/auth";
import { RequestQuoteModal } from "../../features/engagements";
import { fromPriceLabel, OfferingFacts, OfferingFitSection, OfferingProviderSection, useOffering } from "../../features/marketplace";
import { isApiError } from "../../lib/api-client";
import { formatNumber } from "../../lib/format";
import { useOutputTypeLabel } from "../../lib/output-type-label";
import { useLocalized } from "../../lib/use-localized";

export function OfferingDetailRoute() {
  const { t } = useTranslation();
  const l = useLocalized();
  const outputLabel = useOutputTypeLabel();
  const { id = "" } = useParams();
  const me = useMe().data;
  const offering = useOffering(id);
  const [requesting, setRequesting] = useState(false);
  if (offering.isPending) return <LoadingState />;
  if (offering.isError) {
    if (isApiError(offering.error, 404) || isApiError(offering.error, 400) || isApiError(offering.error, 422)) {
      return <NotFound body={t("offering.notFound")} />;
    }
    return <ErrorAlert error={offering.error} onRetry={() => void offering.refetch()} />;
  }
  const o = offering.data;
  const none = t("offering.none");
  const list = (items: string[]) => (items.length ? items.join(", ") : none);
  const category = OFFERING_CATEGORIES.find((c) => c.key === o.category);
  const canRequest = me ? hasRole(me, ["bgm_manager"]) : false;

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/marketplace" size="sm">
          {t("offering.backToMarketplace")}
        </Anchor>
        <PageHeader
          title={o.title}
          description={t("marketplace.by", { provider: o.providerName })}
          actions={canRequest ? <Button onClick={() => setRequesting(true)}>{t("marketplace.requestQuote")}</Button> : null}
        />
        <OfferingFacts offering={o} />
      </div>
      {/* The matching is the company's: only a BGM manager asks for it, for a published offering. */}
      {canRequest && o.status === "published" ? <OfferingFitSection offeringId={o.id} /> : null}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }} style={{ display: "flex", flexDirection: "column", gap: "var(--mantine-spacing-lg)" }}>
          <section aria-labelledby="about-heading">
            <Title order={2} fz="h3" id="about-heading" mb="sm">
              {t("offering.about")}
            </Title>
            <Text style={{ whiteSpace: "pre-wrap" }}>{o.description || none}</Text>
          </section>
          <OfferingProviderSection offeringId={o.id} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }} style={{ display: "flex", flexDirection: "column", gap: "var(--mantine-spacing-lg)" }}>
          <Paper withBorder p="md" component="section" aria-labelledby="facts-heading">
            <Title order={2} fz="h3" id="facts-heading" mb="sm">
              {t("offering.facts")}
            </Title>
            <Stack gap="xs" component="dl" m={0}>
              <Fact label={t("offering.provider")}>{o.providerName}</Fact>
              <Fact label={t("offering.category")}>{category ? l(category.label) : o.category}</Fact>
              <Fact label={t("offering.certifications")}>{list(o.certifications)}</Fact>
              <Fact label={t("offering.deliveryMode")}>{t(`marketplace.deliveryModes.${o.deliveryMode}`)}</Fact>
              <Fact label={t("offering.price")}>{fromPriceLabel(t, o)}</Fact>
              <Fact label={t("offering.turnaround")}>
                {o.turnaroundDays ? t("offering.turnaroundDays", { days: o.turnaroundDays }) : none}
              </Fact>
              <Fact label={t("offering.capacity")}>
                {o.capacity ? t("offering.capacityValue", { count: formatNumber(o.capacity) }) : none}
              </Fact>
              <Fact label={t("offering.phases")}>
                {list(
                  o.relevantPhases.map((n) => PHASES.find((p) => p.number === n)).flatMap((p) => (p ? [`${p.number}. ${l(p.label)}`] : [])),
                )}
              </Fact>
              <Fact label={t("offering.tasks")}>
                {list(
                  o.relevantTasks.flatMap((k) => {
                    const task = taskTemplate(k);
                    return task ? [l(task.label)] : [];
                  }),
                )}
              </Fact>
              <Fact label={t("offering.dataScopes")}>
                {list(
                  o.requiredDataScopes.map((k) => {
                    const s = DATA_SCOPES.find((d) => d.key === k);
                    return s ? l(s.label) : k;
                  }),
                )}
              </Fact>
              <Fact label={t("offering.outputs")}>{list(o.outputDataTypes.map(outputLabel))}</Fact>
              <Fact label={t("offering.integration")}>
                {list(o.integrationPoints.map((k) => t(`offering.integrationPoints.${k as "kpi_dashboard"}`, { defaultValue: k })))}
              </Fact>
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
      <RequestQuoteModal offering={requesting ? o : null} onClose={() => setRequesting(false)} />
    </Stack>
  );
}
