import { FINAL_STATUSES, type Offering } from "@bgm/domain";
import { Alert, Anchor } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useLatestEngagements } from "../api/get-engagements";

/**
 * A second request for the same offering is allowed (a new project, another site), but usually the
 * manager wanted the running one: point to it before a duplicate lands in the partner's inbox.
 */
export function OpenEngagementNotice({ offering }: { offering: Offering }) {
  const { t } = useTranslation();
  // The latest page is enough: a running engagement has recent activity.
  const list = useLatestEngagements({ status: "", phase: "" }, 100);
  const open = list.data?.items.find((e) => e.offeringId === offering.id && !FINAL_STATUSES.includes(e.status));
  if (!open) return null;
  return (
    <Alert color="yellow" data-testid="open-engagement-notice">
      {t("requestQuote.openEngagement", { provider: open.providerName, status: t(`engagements.statuses.${open.status}`) })}{" "}
      <Anchor component={Link} to={`/engagements/${open.id}`} size="sm">
        {t("requestQuote.openEngagementLink")}
      </Anchor>
    </Alert>
  );
}
