import type { ComparisonFlag } from "@bgm/domain";
import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

const LOOK: Record<ComparisonFlag, { color: string; glyph: string }> = {
  better: { color: "green", glyph: "+" },
  worse: { color: "red", glyph: "−" },
  no_difference: { color: "gray", glyph: "=" },
};

/** Colour, sign and word together, so the verdict never rests on colour alone. */
export function ComparisonMarker({ flag }: { flag: ComparisonFlag }) {
  const { t } = useTranslation();
  const look = LOOK[flag];
  return (
    <Badge color={look.color} variant="light" tt="none" fw={600} data-comparison={flag}>
      <span aria-hidden="true">{look.glyph} </span>
      {t(`analysis.comparisons.${flag}`)}
    </Badge>
  );
}
