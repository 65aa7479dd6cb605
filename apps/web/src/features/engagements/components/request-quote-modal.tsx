import type { Offering } from "@bgm/domain";
import { taskTemplate } from "@bgm/domain";
import { NumberInput, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { FormModal, ModalForm } from "../../../components/ui/form-modal";
import { MoneyInput } from "../../../components/ui/money-input";
import { eurosToCents } from "../../../lib/money";
import { notify } from "../../../lib/notify";
import { useLocalized } from "../../../lib/use-localized";
import { useActiveEmployeeCount } from "../../employees";
import { useCreateEngagement } from "../api/create-engagement";
import { OpenEngagementNotice } from "./open-engagement-notice";

interface RequestQuoteModalProps {
  /** The offering to ask about; null keeps the modal closed. */
  offering: Offering | null;
  /** The checklist task the request comes from, so the engagement shows up there. */
  taskKey?: string | null;
  onClose: () => void;
}

export function RequestQuoteModal({ offering, taskKey = null, onClose }: RequestQuoteModalProps) {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={offering !== null}
      onClose={onClose}
      size="lg"
      title={offering ? t("requestQuote.title", { title: offering.title }) : ""}
    >
      {offering ? <RequestQuoteForm key={offering.id} offering={offering} taskKey={taskKey} onCancel={onClose} /> : null}
    </FormModal>
  );
}

function optionalNumber(value: string | number): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function RequestQuoteForm({ offering, taskKey, onCancel }: { offering: Offering; taskKey: string | null; onCancel: () => void }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const navigate = useNavigate();
  const create = useCreateEngagement();
  const task = taskKey ? taskTemplate(taskKey) : undefined;
  const [what, setWhat] = useState(offering.title);
  const [when, setWhen] = useState("");
  // null until the user types: until then the field shows the company's active employee count.
  const [employeeCount, setEmployeeCount] = useState<string | number | null>(null);
  const knownCount = useActiveEmployeeCount();
  const shownCount = employeeCount ?? knownCount ?? "";
  const [budget, setBudget] = useState<number | null>(null);
  const [message, setMessage] = useState("");

  function submit() {
    create.mutate(
      {
        offeringId: offering.id,
        taskKey,
        brief: {
          what: what.trim(),
          when: when.trim(),
          employeeCount: optionalNumber(shownCount),
          budgetCents: budget === null ? null : eurosToCents(budget),
          message: message.trim(),
        },
      },
      {
        onSuccess: (engagement) => {
          notify({ color: "green", message: t("requestQuote.sent") });
          void navigate(`/engagements/${engagement.id}`);
        },
      },
    );
  }

  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onCancel}
      submitLabel={t("requestQuote.submit")}
      pending={create.isPending}
      error={create.error}
      intro={
        <Stack gap="xs">
          <OpenEngagementNotice offering={offering} />
          <Text size="sm">{t("requestQuote.intro", { provider: offering.providerName })}</Text>
          {task ? (
            <Text size="sm" c="dimmed">
              {t("requestQuote.linkedTask", { task: l(task.label) })}
            </Text>
          ) : null}
        </Stack>
      }
    >
      <TextInput
        label={t("requestQuote.what")}
        required
        maxLength={200}
        data-autofocus
        value={what}
        onChange={(e) => setWhat(e.currentTarget.value)}
      />
      <TextInput
        label={t("requestQuote.when")}
        placeholder={t("requestQuote.whenPlaceholder")}
        maxLength={200}
        value={when}
        onChange={(e) => setWhen(e.currentTarget.value)}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput
          label={t("requestQuote.employeeCount")}
          min={1}
          max={100_000}
          allowDecimal={false}
          allowNegative={false}
          hideControls
          description={employeeCount === null && knownCount !== null ? t("requestQuote.employeeCountHint") : undefined}
          value={shownCount}
          onChange={setEmployeeCount}
        />
        <MoneyInput label={t("requestQuote.budget")} min={0} max={1_000_000} value={budget} onChange={setBudget} />
      </SimpleGrid>
      <Textarea
        label={t("requestQuote.message")}
        autosize
        minRows={3}
        maxLength={5000}
        value={message}
        onChange={(e) => setMessage(e.currentTarget.value)}
      />
    </ModalForm>
  );
}
