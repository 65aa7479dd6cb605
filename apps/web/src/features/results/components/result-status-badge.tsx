import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PartnerResultItem } from "../api/types";

const COLORS: Record<PartnerResultItem["status"], string> = {
  submitted: "blue",
  accepted: "green",
  changes_requested: "orange",
  superseded: "gray",
};

export function ResultStatusBadge({ status }: { status: PartnerResultItem["status"] }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" tt="none" data-testid="result-status">
      {t(`results.statuses.${status}`)}
    </Badge>
  );
}
