import { Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../lib/format";
import type { PartnerResultItem } from "../api/types";
import { DecisionButtons } from "./decision-buttons";
import { LandingInfo } from "./landing-info";
import { PayloadSummary } from "./payload-summary";
import { ResultFiles } from "./result-files";
import { ResultStatusBadge } from "./result-status-badge";

export type ResultViewer = "manager" | "company" | "provider";

function LabelledText({ label, text }: { label: string; text: string }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
        {text}
      </Text>
    </div>
  );
}

/** One version of a result: what it says, who sent and decided it, and the company's buttons. */
export function ResultVersion({ result, viewer }: { result: PartnerResultItem; viewer: ResultViewer }) {
  const { t } = useTranslation();
  const headingId = `result-${result.id}`;
  const submitted = result.submittedByName
    ? t("results.submittedBy", { name: result.submittedByName, date: formatDateTime(result.submittedAt) })
    : t("results.submittedViaApi", { date: formatDateTime(result.submittedAt) });
  const decided = result.autoAccepted
    ? t("results.autoAccepted", { date: formatDateTime(result.decidedAt) })
    : result.decidedByName
      ? t("results.decidedBy", { name: result.decidedByName, date: formatDateTime(result.decidedAt) })
      : null;

  return (
    <Paper withBorder p="sm" component="article" aria-labelledby={headingId} data-testid="result-version">
      <Stack gap="xs">
        <Group gap="sm" justify="space-between">
          <Title order={4} fz="md" id={headingId}>
            {t("results.version", { version: result.version })}
          </Title>
          <ResultStatusBadge status={result.status} />
        </Group>
        <Text size="sm" c="dimmed">
          {submitted}
          {decided ? ` · ${decided}` : null}
        </Text>
        {result.status === "submitted" && result.autoAcceptAt ? (
          <Text size="sm">{t("results.autoAcceptAt", { date: formatDateTime(result.autoAcceptAt) })}</Text>
        ) : null}
        <PayloadSummary result={result} />
        {result.note ? <LabelledText label={t("results.note")} text={result.note} /> : null}
        {result.decisionReason ? <LabelledText label={t("results.decisionReason")} text={result.decisionReason} /> : null}
        <ResultFiles result={result} downloadable={viewer !== "provider"} />
        {result.status !== "superseded" ? (
          <LandingInfo landsIn={result.landsIn} linkable={viewer !== "provider" && result.status === "accepted"} />
        ) : null}
        {viewer === "manager" ? <DecisionButtons result={result} /> : null}
      </Stack>
    </Paper>
  );
}
