import type { Offering } from "@bgm/domain";
import { Button, Drawer, Group, Paper, Stack, Text, Textarea, UnstyledButton } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { formatDateTime } from "../../../lib/format";
import { languageOf } from "../../../lib/language";
import { useLocalized } from "../../../lib/use-localized";
import { RequestQuoteModal } from "../../engagements";
import {
  type BuddyDone,
  getBuddyConversation,
  streamBuddy,
  useBuddyConversations,
  useDeleteAllBuddyConversations,
  useDeleteBuddyConversation,
  useInvalidateBuddyConversations,
} from "../api/buddy-conversations";
import { OfferingCard } from "./offering-card";

interface Turn {
  key: string;
  question: string;
  /** The answer's text: streamed word by word, then the whole answer. */
  text: string;
  /** Which model answered ("rules" for the rules); null until the stream says. */
  model: string | null;
  fallback: BuddyDone["fallback"] | null;
  items: BuddyDone["items"];
  pending: boolean;
}

interface BuddyDrawerProps {
  opened: boolean;
  onClose: () => void;
}

/**
 * The partner buddy's panel: the answer streams in as it is written, says which model answered (or that
 * the rules did), and ends with its offerings as cards, their reasons and "Angebot anfragen" (the existing
 * quote request, prefilled). Each question is kept in the manager's own conversation; the history lists
 * them to reopen or delete. Full width on a phone.
 */
export function BuddyDrawer({ opened, onClose }: BuddyDrawerProps) {
  const { t, i18n } = useTranslation();
  const l = useLocalized();
  const lang = languageOf(i18n.language);
  const phone = useMediaQuery("(max-width: 36em)");
  const [question, setQuestion] = useState("");
  const [turns, setTurns] = useState<Turn[]>([]);
  const [conversationId, setConversationId] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [showHistory, setShowHistory] = useState(false);
  const [confirmAll, setConfirmAll] = useState(false);
  const [requesting, setRequesting] = useState<Offering | null>(null);
  const counter = useRef(0);
  const history = useBuddyConversations(opened && showHistory);
  const deleteOne = useDeleteBuddyConversation();
  const deleteAll = useDeleteAllBuddyConversations();
  const invalidate = useInvalidateBuddyConversations();

  const update = (key: string, change: (turn: Turn) => Turn) => setTurns((all) => all.map((x) => (x.key === key ? change(x) : x)));

  const send = async (text: string) => {
    const q = text.trim();
    if (q.length < 2 || pending) return;
    const key = `new-${++counter.current}`;
    setTurns((all) => [...all, { key, question: q, text: "", model: null, fallback: null, items: [], pending: true }]);
    setQuestion("");
    setPending(true);
    setError(null);
    try {
      await streamBuddy({ question: q, lang, ...(conversationId ? { conversationId } : {}) }, (e) => {
        if (e.type === "start") {
          setConversationId(e.conversationId);
          update(key, (x) => ({ ...x, model: e.model }));
        } else if (e.type === "delta") update(key, (x) => ({ ...x, text: x.text + e.text }));
        else if (e.type === "reset") update(key, (x) => ({ ...x, text: "", model: e.model }));
        else if (e.type === "done") {
          const a = e.answer;
          update(key, (x) => ({ ...x, text: a.answer[lang], model: a.model, fallback: a.fallback, items: a.items, pending: false }));
        } else if (e.type === "error") setError(new Error(e.error.message));
      });
    } catch (err) {
      setError(err);
      setTurns((all) => all.filter((x) => x.key !== key || x.text));
      setQuestion(q);
    } finally {
      update(key, (x) => ({ ...x, pending: false }));
      setPending(false);
      void invalidate();
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send(question);
  };
  const startNew = () => {
    setTurns([]);
    setConversationId(null);
    setError(null);
  };
  const open = async (id: string) => {
    setError(null);
    try {
      const c = await getBuddyConversation(id);
      setConversationId(c.id);
      setTurns(
        c.exchanges.map((x) => ({
          key: x.id,
          question: x.question,
          text: l(x.answer),
          model: x.model,
          fallback: null,
          items: x.items,
          pending: false,
        })),
      );
      setShowHistory(false);
    } catch (err) {
      setError(err);
    }
  };
  const remove = (id: string) =>
    deleteOne.mutate(id, {
      onSuccess: () => {
        if (id === conversationId) startNew();
      },
    });

  return (
    <>
      <Drawer opened={opened} onClose={onClose} position="right" size={phone ? "100%" : "lg"} title={t("buddy.title")}>
        <Stack gap="md" data-testid="buddy-panel">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text size="sm" style={{ flex: "1 1 12rem" }}>
              {t("buddy.intro")}
            </Text>
            <Group gap="xs">
              <Button variant="subtle" size="compact-sm" onClick={startNew} disabled={pending || turns.length === 0}>
                {t("buddy.newConversation")}
              </Button>
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => setShowHistory((v) => !v)}
                aria-expanded={showHistory}
                data-testid="buddy-history-toggle"
              >
                {t("buddy.history")}
              </Button>
            </Group>
          </Group>
          {showHistory ? (
            <Paper withBorder p="xs" data-testid="buddy-history">
              <Stack gap="xs">
                <Text size="xs" c="dimmed">
                  {t("buddy.historyNote")}
                </Text>
                {history.isError ? <ErrorAlert error={history.error} /> : null}
                {history.data?.items.length === 0 ? <Text size="sm">{t("buddy.historyEmpty")}</Text> : null}
                {history.data?.items.map((c) => (
                  <Group key={c.id} justify="space-between" wrap="nowrap" gap="xs" data-testid="buddy-history-item">
                    <UnstyledButton onClick={() => void open(c.id)} style={{ minWidth: 0 }}>
                      <Text size="sm" truncate>
                        {c.title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t("buddy.historyMeta", { date: formatDateTime(c.updatedAt), count: c.turns })}
                      </Text>
                    </UnstyledButton>
                    <Button
                      variant="subtle"
                      color="red"
                      size="compact-xs"
                      aria-label={t("buddy.deleteOne", { title: c.title })}
                      loading={deleteOne.isPending && deleteOne.variables === c.id}
                      onClick={() => remove(c.id)}
                    >
                      {t("buddy.delete")}
                    </Button>
                  </Group>
                ))}
                {history.data && history.data.items.length > 0 ? (
                  <Group justify="flex-end">
                    <Button
                      variant={confirmAll ? "filled" : "subtle"}
                      color="red"
                      size="compact-xs"
                      loading={deleteAll.isPending}
                      onClick={() => {
                        if (!confirmAll) {
                          setConfirmAll(true);
                          return;
                        }
                        deleteAll.mutate(undefined, { onSuccess: startNew, onSettled: () => setConfirmAll(false) });
                      }}
                    >
                      {confirmAll ? t("buddy.deleteAllConfirm") : t("buddy.deleteAll")}
                    </Button>
                  </Group>
                ) : null}
              </Stack>
            </Paper>
          ) : null}
          <Stack gap="lg" aria-live="polite" aria-busy={pending}>
            {turns.map((turn) => (
              <Stack key={turn.key} gap="xs" data-testid="buddy-turn">
                <Paper withBorder p="xs" bg="var(--mantine-color-gray-0)">
                  <Text size="sm">{turn.question}</Text>
                </Paper>
                <Text size="sm" style={{ whiteSpace: "pre-line" }} data-testid="buddy-answer">
                  {turn.text || (turn.pending ? "…" : "")}
                </Text>
                {turn.model ? (
                  <Text size="xs" c="dimmed" data-testid="buddy-model">
                    {turn.model === "rules" ? t("buddy.answeredByRules") : t("buddy.answeredBy", { model: turn.model })}
                    {turn.fallback === "down" || turn.fallback === "error" || turn.fallback === "timeout"
                      ? ` – ${t("buddy.fallback")}`
                      : ""}
                  </Text>
                ) : null}
                {turn.items.map((s) => (
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
          {error ? <ErrorAlert error={error} /> : null}
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
                    void send(question);
                  }
                }}
              />
              <Group justify="space-between">
                <span />
                <Button type="submit" loading={pending}>
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
