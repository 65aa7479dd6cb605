import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../../lib/format";
import { useLocalized } from "../../../lib/use-localized";
import type { DataGrantItem } from "../api/types";

/**
 * What a grant means now. The preview was written at the moment of consent ("… wird geteilt"), so it is
 * shown only while the grant is live; an ended grant says why and since when nothing is shared.
 */
export function GrantStateText({ grant }: { grant: DataGrantItem }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const ended = grant.revokedAt ? formatDate(grant.revokedAt) : null;
  switch (grant.state) {
    case "active":
      return <Text size="sm">→ {localized(grant.preview)}</Text>;
    case "expired":
      return <StateLine text={t("dataSharing.page.stateText.expired", { date: formatDate(grant.expiresAt) })} />;
    case "revoked":
      return (
        <StateLine color="red" text={t("dataSharing.page.stateText.revoked", { name: grant.revokedByName ?? "–", date: ended ?? "–" })} />
      );
    case "replaced":
      return <StateLine text={t("dataSharing.page.stateText.replaced", { date: ended ?? "–" })} />;
    case "ended":
      // A grant ends with its engagement; the date is known only once the end was recorded on the grant.
      return <StateLine text={ended ? t("dataSharing.page.stateText.endedOn", { date: ended }) : t("dataSharing.page.stateText.ended")} />;
  }
}

function StateLine({ text, color = "dimmed" }: { text: string; color?: string }) {
  return (
    <Text size="sm" c={color}>
      {text}
    </Text>
  );
}
