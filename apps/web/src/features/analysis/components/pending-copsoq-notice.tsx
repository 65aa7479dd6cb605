import { Alert, Button, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate } from "../../../lib/format";
import { berlinCalendarDate } from "../../../lib/plain-format";
import { usePendingCopsoqAnalyses } from "../api/get-pending-copsoq-analyses";

/**
 * Delivered COPSOQ analyses that wait for the manager's review, each with the day it is accepted
 * automatically and the way to the engagement where it is reviewed. Nothing while loading, on an
 * error or when none waits: the panel around it says what is there.
 */
export function PendingCopsoqNotice() {
  const { t } = useTranslation();
  const pending = usePendingCopsoqAnalyses();
  const items = pending.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Stack gap="sm" data-testid="copsoq-pending">
      {items.map(({ source, autoAcceptAt }) => (
        <Alert key={source.resultId} color="blue" title={t("analysis.pendingTitle")}>
          <Text size="sm">
            {t("analysis.pending", {
              provider: source.providerName,
              date: formatDate(berlinCalendarDate(new Date(autoAcceptAt))),
            })}
          </Text>
          <Button component={Link} to={`/engagements/${source.engagementId}`} size="sm" mt="sm">
            {t("analysis.toReview")}
          </Button>
        </Alert>
      ))}
    </Stack>
  );
}
