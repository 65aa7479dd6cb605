import type { EngagementAction } from "@bgm/domain";
import { Alert, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../../lib/format";
import { berlinCalendarDate } from "../../../lib/plain-format";
import type { EngagementDetail } from "../api/types";
import { actionLabelKey } from "./action-labels";
import { type AwaitingQuote, awaitingQuote } from "./awaiting-quote";
import { ProgressModal } from "./progress-modal";
import { SendQuoteModal } from "./send-quote-modal";
import { TransitionModal } from "./transition-modal";

/** Moves that end or refuse something: shown in red and last. */
const DANGER: readonly EngagementAction[] = ["cancel", "decline", "reject_quote"];

interface EngagementActionsProps {
  engagement: EngagementDetail;
  side: "company" | "provider";
  /** Opens the engagement's message composer (the page has one): the thing to do while waiting for a quote. */
  onMessage?: () => void;
}

/**
 * The buttons are exactly the API's `allowedActions` for the caller's side (derived from the state
 * machine in the domain package), plus progress updates while the partner is at work. While the company
 * waits for a quote, the section says so and what comes next instead, with writing to the partner as the
 * main action and withdrawing as a quiet one (issue 14, item 10: a red „Auftrag stornieren“ was all there was).
 */
export function EngagementActions({ engagement, side, onMessage }: EngagementActionsProps) {
  const { t } = useTranslation();
  const [action, setAction] = useState<EngagementAction | null>(null);
  const [quoting, setQuoting] = useState(false);
  const [reporting, setReporting] = useState(false);
  const canReportProgress = side === "provider" && engagement.status === "in_progress";
  const openQuote = engagement.quotes.find((q) => q.status === "open");
  const quoteExpired = openQuote?.expired === true;
  const actions = [...engagement.allowedActions].sort((a, b) => Number(DANGER.includes(a)) - Number(DANGER.includes(b)));
  const waiting = side === "company" ? awaitingQuote(engagement) : null;
  const modals = (
    <>
      <TransitionModal engagement={engagement} action={action} onClose={() => setAction(null)} />
      <SendQuoteModal engagement={engagement} opened={quoting} onClose={() => setQuoting(false)} />
      <ProgressModal engagement={engagement} opened={reporting} onClose={() => setReporting(false)} />
    </>
  );

  if (waiting) {
    return (
      <AwaitingQuotePanel engagement={engagement} waiting={waiting} actions={actions} onAction={setAction} onMessage={onMessage}>
        {modals}
      </AwaitingQuotePanel>
    );
  }

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
      {modals}
    </Paper>
  );
}

interface AwaitingQuotePanelProps {
  engagement: EngagementDetail;
  waiting: AwaitingQuote;
  actions: EngagementAction[];
  onAction: (action: EngagementAction) => void;
  onMessage: (() => void) | undefined;
  children: ReactNode;
}

/**
 * The company asked and the partner is to quote: when and whom it asked, that a notification follows,
 * a message to the partner as the main action, and ending the request as a quiet one (it still confirms).
 */
function AwaitingQuotePanel({ engagement, waiting, actions, onAction, onMessage, children }: AwaitingQuotePanelProps) {
  const { t } = useTranslation();
  const provider = engagement.providerName;
  const others = actions.filter((a) => !DANGER.includes(a));
  const ending = actions.filter((a) => DANGER.includes(a));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="actions-heading" data-testid="awaiting-quote">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="actions-heading">
          {t(`engagements.awaitingQuote.${waiting.kind}Title`, { provider })}
        </Title>
        {/* A calm note, not an Alert: Mantine's Alert is role="alert" and would be announced on every visit. */}
        <Paper bg="blue.0" p="sm" radius="md">
          <Text size="sm">
            {t(`engagements.awaitingQuote.${waiting.kind}Body`, {
              provider,
              date: formatDate(berlinCalendarDate(new Date(waiting.since))),
            })}
          </Text>
        </Paper>
        <Group gap="sm">
          {onMessage ? <Button onClick={onMessage}>{t("engagements.awaitingQuote.message", { provider })}</Button> : null}
          {others.map((a) => (
            <Button key={a} variant={onMessage ? "default" : "filled"} onClick={() => onAction(a)}>
              {t(`engagements.actions.${actionLabelKey(a, engagement.status)}`)}
            </Button>
          ))}
          {ending.map((a) => (
            <Button key={a} variant="subtle" color="gray" onClick={() => onAction(a)}>
              {t(`engagements.actions.${actionLabelKey(a, engagement.status)}`)}
            </Button>
          ))}
        </Group>
      </Stack>
      {children}
    </Paper>
  );
}
