import type { Offering } from "@bgm/domain";
import { Badge, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { fromPriceLabel } from "../from-price";

/** Certification, delivery mode, turnaround and from-price as compact badges ("§20 SGB V | Remote | ab 1.200 €"). */
export function OfferingFacts({ offering }: { offering: Offering }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} aria-label={t("marketplace.keyFacts")} role="list">
      {offering.certifications.map((c) => (
        <Badge key={c} role="listitem" color="teal" variant="light" tt="none">
          {c}
        </Badge>
      ))}
      <Badge role="listitem" color="gray" variant="light" tt="none">
        {t(`marketplace.deliveryModes.${offering.deliveryMode}`)}
      </Badge>
      {offering.turnaroundDays ? (
        <Badge role="listitem" color="gray" variant="light" tt="none">
          {t("marketplace.turnaround", { days: offering.turnaroundDays })}
        </Badge>
      ) : null}
      <Badge role="listitem" color="blue" variant="light" tt="none" data-testid="offering-price">
        {fromPriceLabel(t, offering)}
      </Badge>
    </Group>
  );
}
