import type { EngagementAction } from "@bgm/domain";
import { Alert, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { EngagementDetail } from "../api/types";
import { actionLabelKey } from "./action-labels";
import { ProgressModal } from "./progress-modal";
import { SendQuoteModal } from "./send-quote-modal";
import { TransitionModal } from "./transition-modal";

/** Moves that end or refuse something: shown in red and last. */
const DANGER: readonly EngagementAction[] = ["cancel", "decline", "reject_quote"];

/**
 * The buttons are exactly the API's `allowedActions` for the caller's side (derived from the state
 * machine in the domain package), plus progress updates while the partner is at work.
 */
export function EngagementActions({ engagement, side }: { engagement: EngagementDetail; side: "company" | "provider" }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<EngagementAction | null>(null);
  const [quoting, setQuoting] = useState(false);
  const [reporting, setReporting] = useState(false);
  const canReportProgress = side === "provider" && engagement.status === "in_progress";
  const openQuote = engagement.quotes.find((q) => q.status === "open");
  const quoteExpired = openQuote?.expired === true;
  const actions = [...engagement.allowedActions].sort((a, b) => Number(DANGER.includes(a)) - Number(DANGER.includes(b)));

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="actions-heading">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="actions-heading">
          {t("engagements.actionsTitle")}
        </Title>
        {actions.length === 0 && !canReportProgress ? <Text>{t("engagements.noActions")}</Text> : null}
        {side === "company" && quoteExpired && actions.includes("accept_quote") ? (
          <Alert color="orange">{t("engagements.acceptExpired")}</Alert>
        ) : null}
        <Group gap="sm">
          {actions.map((a) => (
            <Button
              key={a}
              variant={DANGER.includes(a) ? "outline" : "filled"}
              color={DANGER.includes(a) ? "red" : undefined}
              disabled={a === "accept_quote" && quoteExpired}
              onClick={() => (a === "send_quote" ? setQuoting(true) : setAction(a))}
            >
              {t(`engagements.actions.${actionLabelKey(a, engagement.status)}`)}
            </Button>
          ))}
          {canReportProgress ? (
            <Button variant="light" onClick={() => setReporting(true)}>
              {t("engagements.progressForm.title")}
            </Button>
          ) : null}
        </Group>
      </Stack>
      <TransitionModal engagement={engagement} action={action} onClose={() => setAction(null)} />
      <SendQuoteModal engagement={engagement} opened={quoting} onClose={() => setQuoting(false)} />
      <ProgressModal engagement={engagement} opened={reporting} onClose={() => setReporting(false)} />
    </Paper>
  );
}
