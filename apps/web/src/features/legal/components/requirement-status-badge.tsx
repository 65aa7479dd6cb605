import type { LegalRequirement } from "@bgm/domain";
import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

export function RequirementStatusBadge({ status }: { status: LegalRequirement["status"] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={status === "done" ? "green" : "orange"}>
      {t(`legal.statuses.${status}`)}
    </Badge>
  );
}
