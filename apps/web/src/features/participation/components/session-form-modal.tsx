import { Checkbox, NativeSelect, NumberInput, SimpleGrid, Switch, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "../../../components/ui/date-field";
import { FormModal, ModalForm } from "../../../components/ui/form-modal";
import { formatDate } from "../../../lib/format";
import { notify } from "../../../lib/notify";
import { weeklyDates } from "../../../lib/zoned-time";
import { useCreateSessions, useUpdateSession } from "../api/sessions";
import type { SessionItem } from "../api/types";
import { localizedError } from "../error-text";
import {
  createSessionsBody,
  EMPTY_SESSION,
  type SessionFieldValues,
  type SessionFormProblem,
  sessionValues,
  updateSessionBody,
} from "../session-body";

interface SessionFormModalProps {
  opened: boolean;
  onClose: () => void;
  interventionId: string;
  /** The session to edit; absent: add one session or a weekly series. */
  session?: SessionItem;
}

export function SessionFormModal({ opened, onClose, interventionId, session }: SessionFormModalProps) {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={session ? t("participation.sessionForm.editTitle") : t("participation.sessionForm.addTitle")}
    >
      {opened ? <SessionForm interventionId={interventionId} session={session} onClose={onClose} /> : null}
    </FormModal>
  );
}

const RHYTHMS = ["1", "2", "3", "4"] as const;

function SessionForm({ interventionId, session, onClose }: { interventionId: string; session?: SessionItem; onClose: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<SessionFieldValues>(session ? sessionValues(session) : EMPTY_SESSION);
  const [problem, setProblem] = useState<SessionFormProblem | null>(null);
  const create = useCreateSessions(interventionId);
  const update = useUpdateSession();
  const mutation = session ? update : create;
  const set = <K extends keyof SessionFieldValues>(key: K, value: SessionFieldValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  const count = typeof values.count === "number" ? values.count : 0;
  const series = values.repeat && values.date && count >= 2 ? weeklyDates(values.date, count, Number(values.everyWeeks)) : [];
  const rhythm = t(`participation.sessionForm.every_${values.everyWeeks as (typeof RHYTHMS)[number]}`);

  function submit() {
    if (session) {
      const body = updateSessionBody(values, session);
      if (typeof body === "string") return setProblem(body);
      setProblem(null);
      if (body === null) return onClose();
      update.mutate(
        { sessionId: session.id, input: body },
        {
          onSuccess: () => {
            notify({ color: "green", message: t("participation.detail.sessionSaved") });
            onClose();
          },
        },
      );
      return;
    }
    const body = createSessionsBody(values);
    if (typeof body === "string") return setProblem(body);
    setProblem(null);
    create.mutate(body, {
      onSuccess: () => {
        notify({ color: "green", message: t("participation.sessionForm.added", { count: body.repeat?.count ?? 1 }) });
        onClose();
      },
    });
  }

  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onClose}
      submitLabel={session ? t("common.save") : values.repeat ? t("participation.sessionForm.add") : t("participation.sessionForm.addOne")}
      pending={mutation.isPending}
      error={localizedError(mutation.error, t)}
      intro={<Text size="sm">{t("participation.sessionForm.timeZoneHint")}</Text>}
    >
      <SimpleGrid cols={{ base: 1, xs: 3 }}>
        <DateField
          label={t("participation.sessionForm.date")}
          required
          data-autofocus
          value={values.date}
          onChange={(v) => set("date", v ?? "")}
          error={problem === "incomplete" ? t("participation.sessionForm.incomplete") : undefined}
        />
        <TextInput
          type="time"
          label={t("participation.sessionForm.startTime")}
          required
          value={values.startTime}
          onChange={(e) => set("startTime", e.currentTarget.value)}
        />
        <TextInput
          type="time"
          label={t("participation.sessionForm.endTime")}
          required
          value={values.endTime}
          onChange={(e) => set("endTime", e.currentTarget.value)}
          error={problem === "endBeforeStart" ? t("participation.sessionForm.endBeforeStart") : undefined}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t("participation.sessionForm.location")}
          placeholder={t("participation.sessionForm.locationPlaceholder")}
          maxLength={200}
          value={values.location}
          onChange={(e) => set("location", e.currentTarget.value)}
        />
        <TextInput
          type="url"
          label={t("participation.sessionForm.onlineUrl")}
          description={t("participation.sessionForm.onlineUrlHint")}
          maxLength={2000}
          value={values.onlineUrl}
          onChange={(e) => set("onlineUrl", e.currentTarget.value)}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, xs: 3 }}>
        <NumberInput
          label={t("participation.sessionForm.capacity")}
          required
          min={1}
          max={10_000}
          allowDecimal={false}
          allowNegative={false}
          value={values.capacity}
          onChange={(v) => set("capacity", v)}
        />
        <DateField
          label={t("participation.sessionForm.deadlineDate")}
          value={values.deadlineDate}
          onChange={(v) => set("deadlineDate", v ?? "")}
          description={t("participation.sessionForm.deadlineHint")}
          error={problem === "deadlineAfterStart" ? t("participation.sessionForm.deadlineAfterStart") : undefined}
        />
        <TextInput
          type="time"
          label={t("participation.sessionForm.deadlineTime")}
          value={values.deadlineTime}
          onChange={(e) => set("deadlineTime", e.currentTarget.value)}
        />
      </SimpleGrid>
      <Switch
        label={t("participation.sessionForm.waitlist")}
        checked={values.waitlistEnabled}
        onChange={(e) => set("waitlistEnabled", e.currentTarget.checked)}
      />
      {session ? null : (
        <>
          <Checkbox
            label={t("participation.sessionForm.repeat")}
            checked={values.repeat}
            onChange={(e) => set("repeat", e.currentTarget.checked)}
          />
          {values.repeat ? (
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <NumberInput
                label={t("participation.sessionForm.count")}
                min={2}
                max={52}
                allowDecimal={false}
                allowNegative={false}
                value={values.count}
                onChange={(v) => set("count", v)}
              />
              <NativeSelect
                label={t("participation.sessionForm.everyWeeks")}
                value={values.everyWeeks}
                onChange={(e) => set("everyWeeks", e.currentTarget.value)}
                data={RHYTHMS.map((n) => ({ value: n, label: t(`participation.sessionForm.every_${n}`) }))}
              />
            </SimpleGrid>
          ) : null}
          {series.length > 0 ? (
            <Text size="sm" fw={500} data-testid="series-preview" aria-live="polite">
              {t("participation.sessionForm.seriesPreview", {
                count: series.length,
                rhythm,
                first: formatDate(series[0] as string),
                last: formatDate(series.at(-1) as string),
              })}
            </Text>
          ) : null}
        </>
      )}
    </ModalForm>
  );
}
