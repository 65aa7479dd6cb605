import { OFFERING_CATEGORIES, PHASES } from "@bgm/domain";
import { Box, Button, Group, NativeSelect, TextInput } from "@mantine/core";
import { useId, useState } from "react";
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
  // On a phone the seven filters pushed the first offering below the fold (issue 14, item 9): there the search
  // stays, the rest sits behind a „Filter“ toggle that says how many are set. From `sm` on, all show as before.
  const [opened, setOpened] = useState(false);
  const moreId = useId();
  const active = (Object.keys(EMPTY_FILTERS) as (keyof FilterValues)[]).filter(
    (key) => key !== "q" && value[key] !== EMPTY_FILTERS[key],
  ).length;

  return (
    <Group align="flex-end" wrap="wrap" role="search" gap="sm">
      <TextInput
        label={t("marketplace.search")}
        placeholder={t("marketplace.searchPlaceholder")}
        type="search"
        value={value.q}
        onChange={(e) => set("q", e.currentTarget.value)}
        w={{ base: "100%", xs: 260 }}
      />
      <Button variant="default" hiddenFrom="sm" aria-expanded={opened} aria-controls={moreId} onClick={() => setOpened((o) => !o)}>
        {active > 0 ? t("marketplace.filterToggleActive", { count: active }) : t("marketplace.filterToggle")}
      </Button>
      {/* `contents`: the fields stay items of the row above, so the desktop layout is unchanged. */}
      <Box id={moreId} display={{ base: opened ? "contents" : "none", sm: "contents" }}>
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
            ...PHASES.map((p) => ({
              value: String(p.number),
              label: t("marketplace.phaseOption", { number: p.number, name: l(p.label) }),
            })),
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
      </Box>
    </Group>
  );
}
