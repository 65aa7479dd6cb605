import { Text, Tooltip, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../../lib/format";

/**
 * A figure withheld to protect a small group: "unterdrückt", with the reason in a tooltip (hover, focus or
 * touch) and, for screen readers, in the text itself.
 */
export function SuppressedValue({ minGroupSize }: { minGroupSize: number }) {
  const { t } = useTranslation();
  const hint = t("participation.partner.suppressedHint", { min: formatNumber(minGroupSize) });
  return (
    <Tooltip label={hint} multiline w={260} events={{ hover: true, focus: true, touch: true }}>
      <Text
        component="span"
        size="sm"
        fs="italic"
        tabIndex={0}
        data-testid="suppressed"
        style={{ textDecoration: "underline dotted", cursor: "help" }}
      >
        {t("participation.partner.suppressed")}
        <VisuallyHidden>{` (${hint})`}</VisuallyHidden>
      </Text>
    </Tooltip>
  );
}

/** A figure, its suppression ("unterdrückt"), or a dash when there is nothing to count (no rate without registrations). */
export function CountOrSuppressed({
  value,
  suppressed,
  minGroupSize,
  format,
}: {
  value: number | null;
  suppressed: boolean;
  minGroupSize: number;
  format: (n: number) => string;
}) {
  if (value !== null) return format(value);
  return suppressed ? <SuppressedValue minGroupSize={minGroupSize} /> : "–";
}
