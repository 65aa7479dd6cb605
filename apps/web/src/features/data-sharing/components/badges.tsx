import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { DataGrantItem, Sensitivity } from "../api/types";

const SENSITIVITY_COLOR: Record<Sensitivity, string> = { low: "gray", medium: "yellow", high: "red" };
const STATE_COLOR: Record<DataGrantItem["state"], string> = {
  active: "green",
  expired: "gray",
  revoked: "red",
  replaced: "gray",
  ended: "gray",
};

export function SensitivityBadge({ sensitivity }: { sensitivity: Sensitivity | null }) {
  const { t } = useTranslation();
  if (!sensitivity) return null;
  return (
    <Badge variant="light" color={SENSITIVITY_COLOR[sensitivity]}>
      {t(`dataSharing.sensitivity.${sensitivity}`)}
    </Badge>
  );
}

export function GrantStateBadge({ state }: { state: DataGrantItem["state"] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATE_COLOR[state]}>
      {t(`dataSharing.state.${state}`)}
    </Badge>
  );
}
