import { Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "../../../components/ui/date-field";
import { FormModal, ModalForm, notifyAndClose } from "../../../components/ui/form-modal";
import { MoneyInput } from "../../../components/ui/money-input";
import { centsToEuros, eurosToCents } from "../../../lib/money";
import { berlinCalendarDate } from "../../../lib/plain-format";
import { useSendQuote } from "../api/send-quote";
import type { EngagementDetail } from "../api/types";

interface SendQuoteModalProps {
  engagement: EngagementDetail;
  opened: boolean;
  onClose: () => void;
}

function inDays(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return berlinCalendarDate(d);
}

export function SendQuoteModal({ engagement, opened, onClose }: SendQuoteModalProps) {
  const { t } = useTranslation();
  const revised = engagement.quotes.length > 0;
  // An open quote the company has not answered yet is changed, not sent again.
  const changing = engagement.quotes.some((q) => q.status === "open");
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={
        changing
          ? t("engagements.quoteForm.changeTitle")
          : revised
            ? t("engagements.quoteForm.revisedTitle")
            : t("engagements.quoteForm.title")
      }
    >
      {opened ? <SendQuoteForm engagement={engagement} onDone={onClose} /> : null}
    </FormModal>
  );
}

function SendQuoteForm({ engagement, onDone }: { engagement: EngagementDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const send = useSendQuote(engagement.id);
  // Changing an open quote starts from its terms.
  const open = engagement.quotes.find((q) => q.status === "open");
  const [price, setPrice] = useState<number | null>(open ? centsToEuros(open.priceCents) : null);
  const [scope, setScope] = useState(open?.scopeOfWork ?? "");
  // Four weeks is a common validity for service quotes; the partner can change it.
  const [validUntil, setValidUntil] = useState<string | null>(open && !open.expired ? open.validUntil : inDays(28));
  const [message, setMessage] = useState("");
  const complete = price !== null && scope.trim() !== "" && validUntil !== null;

  function submit() {
    if (price === null || validUntil === null) return;
    send.mutate(
      { priceCents: eurosToCents(price), scopeOfWork: scope.trim(), validUntil, message: message.trim() },
      { onSuccess: notifyAndClose(t(open ? "engagements.quoteForm.changed" : "engagements.quoteForm.sent"), onDone) },
    );
  }

  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onDone}
      submitLabel={t(open ? "engagements.quoteForm.changeSubmit" : "engagements.quoteForm.submit")}
      pending={send.isPending}
      error={send.error}
      submitDisabled={!complete}
    >
      {open ? <Text>{t("engagements.quoteForm.changeHint", { company: engagement.companyName })}</Text> : null}
      <MoneyInput
        label={t("engagements.quoteForm.price")}
        required
        min={0}
        max={1_000_000}
        data-autofocus
        value={price}
        onChange={setPrice}
      />
      <Textarea
        label={t("engagements.quoteForm.scope")}
        required
        autosize
        minRows={3}
        maxLength={5000}
        value={scope}
        onChange={(e) => setScope(e.currentTarget.value)}
      />
      <DateField label={t("engagements.quoteForm.validUntil")} required value={validUntil} onChange={setValidUntil} />
      <Textarea
        label={t("engagements.quoteForm.message")}
        autosize
        minRows={2}
        maxLength={5000}
        value={message}
        onChange={(e) => setMessage(e.currentTarget.value)}
      />
    </ModalForm>
  );
}
