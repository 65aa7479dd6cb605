import { ENGAGEMENT_STATUSES, PHASES } from "@bgm/domain";
import { Group, NativeSelect } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLocalized } from "../../../lib/use-localized";
import type { EngagementFilters as Filters } from "../api/types";

interface EngagementFiltersProps {
  value: Filters;
  onChange: (value: Filters) => void;
}

export function EngagementFilters({ value, onChange }: EngagementFiltersProps) {
  const { t } = useTranslation();
  const l = useLocalized();
  return (
    <Group align="flex-end" wrap="wrap" role="search">
      <NativeSelect
        label={t("engagements.status")}
        value={value.status}
        onChange={(e) => onChange({ ...value, status: e.currentTarget.value })}
        data={[
          { value: "", label: t("engagements.allStatuses") },
          ...ENGAGEMENT_STATUSES.map((s) => ({ value: s, label: t(`engagements.statuses.${s}`) })),
        ]}
        w={240}
      />
      <NativeSelect
        label={t("engagements.phase")}
        value={value.phase}
        onChange={(e) => onChange({ ...value, phase: e.currentTarget.value })}
        data={[
          { value: "", label: t("engagements.allPhases") },
          ...PHASES.map((p) => ({ value: String(p.number), label: t("marketplace.phaseOption", { number: p.number, name: l(p.label) }) })),
        ]}
        w={240}
      />
    </Group>
  );
}
