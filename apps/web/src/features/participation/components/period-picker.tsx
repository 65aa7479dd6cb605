import { Button, Group, Paper, SimpleGrid, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "../../../components/ui/date-field";
import { formatNumber } from "../../../lib/format";
import { periodPresets, type ReportPeriod, validPeriod } from "../report-period";

interface PeriodPickerProps {
  value: ReportPeriod;
  onChange: (period: ReportPeriod) => void;
  /** The company's minimum group size once a report told it: the note on withheld figures. */
  minGroupSize?: number;
  /** Offer the usual report periods (last year, this year, last twelve months) as one tap each. */
  withPresets?: boolean;
  children?: ReactNode;
}

/** The report period: two date fields (Berlin calendar days, both inclusive), optionally with quick choices. */
export function PeriodPicker({ value, onChange, minGroupSize, withPresets = false, children }: PeriodPickerProps) {
  const { t } = useTranslation();
  const ok = validPeriod(value);
  return (
    <Paper withBorder p="md" role="group" aria-labelledby="report-period-heading">
      <Text fw={600} id="report-period-heading" mb="xs">
        {t("participation.reports.period")}
      </Text>
      {withPresets ? (
        <Group gap="xs" mb="sm" wrap="wrap">
          {periodPresets().map((p) => {
            // Two presets can name the same days (this year and the last twelve months in December): both show as chosen.
            const chosen = p.period.from === value.from && p.period.to === value.to;
            return (
              <Button
                key={p.key}
                size="xs"
                variant={chosen ? "filled" : "default"}
                aria-pressed={chosen}
                onClick={() => onChange(p.period)}
              >
                {t(`participation.reports.presets.${p.key}`)}
              </Button>
            );
          })}
        </Group>
      ) : null}
      <SimpleGrid cols={{ base: 1, xs: 2 }} maw={480}>
        <DateField label={t("participation.reports.from")} value={value.from} onChange={(from) => from && onChange({ ...value, from })} />
        <DateField label={t("participation.reports.to")} value={value.to} onChange={(to) => to && onChange({ ...value, to })} />
      </SimpleGrid>
      {ok ? null : (
        <Text c="red.9" size="sm" mt="xs" role="alert">
          {t("participation.reports.invalidPeriod")}
        </Text>
      )}
      {minGroupSize ? (
        <Text size="sm" c="dimmed" mt="xs">
          {t("participation.reports.minGroupNote", { min: formatNumber(minGroupSize) })}
        </Text>
      ) : null}
      {children}
    </Paper>
  );
}
