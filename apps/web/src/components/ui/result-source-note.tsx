import type { ResultSource } from "@bgm/domain";
import { Anchor, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate } from "../../lib/format";

interface ResultSourceNoteProps {
  source: ResultSource;
  /** One short line ("aus Ergebnis von <Anbieter>") for tight spots such as table cells. */
  compact?: boolean;
}

/**
 * Everything a partner result put somewhere says where it came from, so the company can always trace
 * a figure or a measure back to the engagement and the version it accepted.
 */
export function ResultSourceNote({ source, compact = false }: ResultSourceNoteProps) {
  const { t } = useTranslation();
  const to = `/engagements/${encodeURIComponent(source.engagementId)}`;
  // A kept item whose result was sent back no longer stands on it: say so instead of "from <provider>".
  if (source.withdrawnAt) {
    return (
      <Text size="xs" c="dimmed" data-testid="result-source-withdrawn">
        {t("resultSource.withdrawn", { date: formatDate(source.withdrawnAt), version: source.version, provider: source.providerName })}
      </Text>
    );
  }
  if (compact) {
    return (
      <Text size="xs" c="dimmed" data-testid="result-source">
        {t("resultSource.fromProvider")}{" "}
        <Anchor component={Link} to={to} size="xs" underline="always">
          {source.providerName}
        </Anchor>
      </Text>
    );
  }
  const decided = source.acceptedAt
    ? t("resultSource.acceptedOn", { date: formatDate(source.acceptedAt) })
    : t("resultSource.submittedOn", { date: formatDate(source.submittedAt) });
  return (
    <Text size="sm" c="dimmed" data-testid="result-source">
      {t("resultSource.note", {
        provider: source.providerName,
        outputType: t(`offering.outputTypes.${source.outputType}`),
        version: source.version,
        decided,
      })}{" "}
      ·{" "}
      <Anchor component={Link} to={to} size="sm" underline="always">
        {t("resultSource.engagementLink", { title: source.offeringTitle })}
      </Anchor>
    </Text>
  );
}
