import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

const COLORS = { open: "green", closed: "gray", cancelled: "red" } as const;

export function InterventionStatusBadge({ status }: { status: "open" | "closed" | "cancelled" }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" tt="none" data-testid="intervention-status">
      {t(`participation.status.${status}`)}
    </Badge>
  );
}
