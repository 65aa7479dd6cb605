import { OFFERING_CATEGORIES, PHASES } from "@bgm/domain";
import { Button, Group, NativeSelect, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { MoneyInput } from "../../../components/ui/money-input";
import { useLocalized } from "../../../lib/use-localized";
import { useCertifications } from "../api/get-certifications";
import type { FilterValues } from "../api/types";
import { EMPTY_FILTERS } from "../filter-params";

interface MarketplaceFiltersProps {
  value: FilterValues;
  onChange: (value: FilterValues) => void;
}

export function MarketplaceFilters({ value, onChange }: MarketplaceFiltersProps) {
  const { t } = useTranslation();
  const l = useLocalized();
  const set = <K extends keyof FilterValues>(key: K, v: FilterValues[K]) => onChange({ ...value, [key]: v });
  const all = { value: "", label: t("marketplace.all") };
  const known = useCertifications().data ?? [];
  // A certification from a shared link stays selectable even if no offering carries it any more.
  const certifications = value.certification && !known.includes(value.certification) ? [...known, value.certification] : known;

  return (
    <Group align="flex-end" wrap="wrap" role="search" gap="sm">
      <TextInput
        label={t("marketplace.search")}
        placeholder={t("marketplace.searchPlaceholder")}
        type="search"
        value={value.q}
        onChange={(e) => set("q", e.currentTarget.value)}
        w={260}
      />
      <NativeSelect
        label={t("marketplace.category")}
        value={value.category}
        onChange={(e) => set("category", e.currentTarget.value)}
        data={[all, ...OFFERING_CATEGORIES.map((c) => ({ value: c.key, label: l(c.label) }))]}
        w={220}
      />
      <NativeSelect
        label={t("marketplace.certification")}
        value={value.certification}
        onChange={(e) => set("certification", e.currentTarget.value)}
        data={[all, ...certifications.map((c) => ({ value: c, label: c }))]}
        w={160}
      />
      <NativeSelect
        label={t("marketplace.deliveryMode")}
        value={value.deliveryMode}
        onChange={(e) => set("deliveryMode", e.currentTarget.value)}
        data={[all, ...(["on_site", "remote", "hybrid"] as const).map((m) => ({ value: m, label: t(`marketplace.deliveryModes.${m}`) }))]}
        w={150}
      />
      <NativeSelect
        label={t("marketplace.phase")}
        value={value.phase}
        onChange={(e) => set("phase", e.currentTarget.value)}
        data={[
          all,
          ...PHASES.map((p) => ({ value: String(p.number), label: t("marketplace.phaseOption", { number: p.number, name: l(p.label) }) })),
        ]}
        w={220}
      />
      <MoneyInput
        label={t("marketplace.priceMin")}
        min={0}
        allowDecimal={false}
        value={value.priceMin}
        onChange={(v) => set("priceMin", v)}
        w={120}
      />
      <MoneyInput
        label={t("marketplace.priceMax")}
        min={0}
        allowDecimal={false}
        value={value.priceMax}
        onChange={(v) => set("priceMax", v)}
        w={120}
      />
      <TextInput
        label={t("marketplace.region")}
        placeholder={t("marketplace.regionPlaceholder")}
        value={value.region}
        onChange={(e) => set("region", e.currentTarget.value)}
        w={160}
      />
      <Button variant="default" onClick={() => onChange(EMPTY_FILTERS)}>
        {t("marketplace.reset")}
      </Button>
    </Group>
  );
}
