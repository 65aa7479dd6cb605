import type { PartnerParticipation } from "@bgm/domain";
import { Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { LoadingState } from "../../../components/ui/loading-state";
import { formatNumber } from "../../../lib/format";
import { usePartnerParticipation } from "../api/reports";
import { formatShare, sessionWhen } from "../format";
import { CountOrSuppressed } from "./suppressed-value";

type InterventionFigures = PartnerParticipation["interventions"][number];
type Figures = Pick<InterventionFigures, "attendedCount" | "registeredCount" | "attendanceRate" | "suppressed">;

/**
 * The partner's side of the interventions it runs for the company: per session and per intervention only
 * attended / registered / rate, withheld figures marked. The API never sends more; this shows all of it.
 */
export function PartnerParticipationSection({ engagementId }: { engagementId: string }) {
  const { t } = useTranslation();
  const participation = usePartnerParticipation(engagementId);
  if (participation.isPending) return <LoadingState />;
  if (participation.isError) return <ErrorAlert error={participation.error} onRetry={() => void participation.refetch()} />;
  const { interventions, minGroupSize } = participation.data;
  if (interventions.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="partner-participation-heading" data-testid="partner-participation">
      <Stack gap="md">
        <div>
          <Title order={2} fz="h4" id="partner-participation-heading">
            {t("participation.partner.title")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("participation.partner.description", { min: formatNumber(minGroupSize) })}
          </Text>
        </div>
        {interventions.map((i) => (
          <InterventionFiguresTable key={i.interventionId} intervention={i} minGroupSize={minGroupSize} />
        ))}
      </Stack>
    </Paper>
  );
}

function FigureCells({ figures, minGroupSize }: { figures: Figures; minGroupSize: number }) {
  return (
    <>
      <Table.Td data-testid="attended-count">
        <CountOrSuppressed
          value={figures.attendedCount}
          suppressed={figures.suppressed}
          minGroupSize={minGroupSize}
          format={formatNumber}
        />
      </Table.Td>
      <Table.Td data-testid="registered-count">
        <CountOrSuppressed
          value={figures.registeredCount}
          suppressed={figures.suppressed}
          minGroupSize={minGroupSize}
          format={formatNumber}
        />
      </Table.Td>
      <Table.Td data-testid="attendance-rate">
        <CountOrSuppressed
          value={figures.attendanceRate}
          suppressed={figures.suppressed}
          minGroupSize={minGroupSize}
          format={(r) => formatShare(r)}
        />
      </Table.Td>
    </>
  );
}

function InterventionFiguresTable({ intervention: i, minGroupSize }: { intervention: InterventionFigures; minGroupSize: number }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <div>
      <Title order={3} fz="h5" id={titleId} mb={4}>
        {i.title}
      </Title>
      <Table.ScrollContainer minWidth={480}>
        <Table aria-labelledby={titleId} data-testid="partner-intervention" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("participation.partner.session")}</Table.Th>
              <Table.Th scope="col">{t("participation.partner.attended")}</Table.Th>
              <Table.Th scope="col">{t("participation.partner.registered")}</Table.Th>
              <Table.Th scope="col">{t("participation.partner.rate")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {i.sessions.map((s) => (
              <Table.Tr key={s.sessionId} data-testid="partner-session">
                <Table.Th scope="row" fw={400}>
                  {sessionWhen(s)}
                  {s.combinedGroup ? (
                    <Text size="xs" c="dimmed">
                      {t("participation.reports.countedIn", { group: s.combinedGroup })}
                    </Text>
                  ) : null}
                </Table.Th>
                <FigureCells figures={s} minGroupSize={minGroupSize} />
              </Table.Tr>
            ))}
            {i.combinedGroups.map((g) => (
              <Table.Tr key={g.label} data-testid="partner-combined">
                <Table.Th scope="row" fw={400}>
                  {t("participation.reports.combined", { label: g.label })}
                </Table.Th>
                <FigureCells figures={g} minGroupSize={minGroupSize} />
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr data-testid="partner-total">
              <Table.Th scope="row">{t("participation.partner.total")}</Table.Th>
              <FigureCells figures={i} minGroupSize={minGroupSize} />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </div>
  );
}
