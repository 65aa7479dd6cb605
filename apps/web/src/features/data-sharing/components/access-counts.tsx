import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatNumber } from "../../../lib/format";
import type { GrantWithLog } from "../api/types";

/** A grant's totals over its whole log: how often it was served and refused, and when it was last asked for. */
export function AccessCounts({ access }: { access: GrantWithLog["access"] }) {
  const { t } = useTranslation();
  if (access.served + access.denied === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("dataSharing.page.accessLogEmpty")}
      </Text>
    );
  }
  return (
    <Text size="sm">
      {t("dataSharing.page.counts", { served: formatNumber(access.served), denied: formatNumber(access.denied) })}
      {access.lastAt ? ` · ${t("dataSharing.page.lastAccess", { date: formatDateTime(access.lastAt) })}` : null}
    </Text>
  );
}
