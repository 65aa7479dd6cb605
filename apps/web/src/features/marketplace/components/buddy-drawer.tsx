import type { Offering } from "@bgm/domain";
import { Button, Drawer, Group, Paper, Stack, Text, Textarea } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { useLocalized } from "../../../lib/use-localized";
import { RequestQuoteModal } from "../../engagements";
import { type BuddyAnswer, useAskBuddy } from "../api/ask-buddy";
import { OfferingCard } from "./offering-card";

interface Turn {
  id: number;
  question: string;
  answer: BuddyAnswer;
}

interface BuddyDrawerProps {
  opened: boolean;
  onClose: () => void;
}

/**
 * The partner buddy's panel: questions and answers of this visit, each answer with its offerings as cards,
 * their reasons and "Angebot anfragen" (the existing quote request, prefilled). Full width on a phone.
 */
export function BuddyDrawer({ opened, onClose }: BuddyDrawerProps) {
  const { t } = useTranslation();
  const l = useLocalized();
  const phone = useMediaQuery("(max-width: 36em)");
  const ask = useAskBuddy();
  const [question, setQuestion] = useState("");
  const [turns, setTurns] = useState<Turn[]>([]);
  const [requesting, setRequesting] = useState<Offering | null>(null);

  const send = (text: string) => {
    const q = text.trim();
    if (q.length < 2 || ask.isPending) return;
    ask.mutate(
      { question: q },
      {
        onSuccess: (answer) => {
          setTurns((all) => [...all, { id: (all.at(-1)?.id ?? 0) + 1, question: q, answer }]);
          setQuestion("");
        },
      },
    );
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send(question);
  };

  return (
    <>
      <Drawer opened={opened} onClose={onClose} position="right" size={phone ? "100%" : "lg"} title={t("buddy.title")}>
        <Stack gap="md" data-testid="buddy-panel">
          <Text size="sm">{t("buddy.intro")}</Text>
          <Stack gap="lg" aria-live="polite">
            {turns.map((turn) => (
              <Stack key={turn.id} gap="xs" data-testid="buddy-turn">
                <Paper withBorder p="xs" bg="var(--mantine-color-gray-0)">
                  <Text size="sm">{turn.question}</Text>
                </Paper>
                <Text size="sm" style={{ whiteSpace: "pre-line" }} data-testid="buddy-answer">
                  {l(turn.answer.answer)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t("buddy.model", { model: turn.answer.model === "rules" ? t("buddy.modelRules") : turn.answer.model })}
                </Text>
                {turn.answer.items.map((s) => (
                  <OfferingCard
                    key={s.offering.id}
                    offering={s.offering}
                    reasons={s.reasons.slice(0, 3).map((r) => l(r.text))}
                    headingOrder={3}
                    onRequestQuote={setRequesting}
                  />
                ))}
              </Stack>
            ))}
          </Stack>
          {ask.isError ? <ErrorAlert error={ask.error} /> : null}
          <form onSubmit={submit}>
            <Stack gap="xs">
              <Textarea
                label={t("buddy.question")}
                value={question}
                onChange={(e) => setQuestion(e.currentTarget.value)}
                maxLength={500}
                autosize
                minRows={2}
                onKeyDown={(e) => {
                  if (e.key === "Enter" && !e.shiftKey) {
                    e.preventDefault();
                    send(question);
                  }
                }}
              />
              <Group justify="space-between">
                <span />
                <Button type="submit" loading={ask.isPending}>
                  {t("buddy.ask")}
                </Button>
              </Group>
            </Stack>
          </form>
        </Stack>
      </Drawer>
      <RequestQuoteModal offering={requesting} onClose={() => setRequesting(null)} />
    </>
  );
}
