import type { EngagementStatus } from "@bgm/domain";
import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

const COLORS: Record<EngagementStatus, string> = {
  requested: "blue",
  quoted: "violet",
  revision_requested: "orange",
  accepted: "teal",
  in_progress: "cyan",
  delivered: "indigo",
  completed: "green",
  declined: "gray",
  quote_rejected: "gray",
  cancelled: "gray",
};

export function EngagementStatusBadge({ status }: { status: EngagementStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" tt="none" data-testid="engagement-status">
      {t(`engagements.statuses.${status}`)}
    </Badge>
  );
}
