import { NativeSelect, NumberInput, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { DateField } from "../../../components/ui/date-field";
import { FormModal, ModalForm } from "../../../components/ui/form-modal";
import { MoneyInput } from "../../../components/ui/money-input";
import { loadedItems } from "../../../lib/cursor-pages";
import { notify } from "../../../lib/notify";
import { useMembers } from "../../organizations";
import { useCreateHealthDay, useUpdateHealthDay } from "../api/health-days";
import type { HealthDayDetail } from "../api/types";
import { localizedError } from "../error-text";
import {
  createHealthDayBody,
  EMPTY_HEALTH_DAY,
  type HealthDayFieldValues,
  type HealthDayFormProblem,
  healthDayValues,
  updateHealthDayBody,
} from "../health-day-body";

interface HealthDayFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** The day to edit; absent: plan a new one (and open its page afterwards). */
  day?: HealthDayDetail;
}

export function HealthDayFormModal({ opened, onClose, day }: HealthDayFormModalProps) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} size="lg" title={day ? t("healthDays.form.editTitle") : t("healthDays.form.createTitle")}>
      {opened ? <HealthDayForm day={day} onClose={onClose} /> : null}
    </FormModal>
  );
}

function HealthDayForm({ day, onClose }: { day?: HealthDayDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [values, setValues] = useState<HealthDayFieldValues>(day ? healthDayValues(day) : EMPTY_HEALTH_DAY);
  const [problem, setProblem] = useState<HealthDayFormProblem | null>(null);
  const create = useCreateHealthDay();
  const update = useUpdateHealthDay(day?.id ?? "");
  const mutation = day ? update : create;
  const members = loadedItems(useMembers().data).filter((m) => m.role === "bgm_manager" || m.role === "employee");
  const set = <K extends keyof HealthDayFieldValues>(key: K, value: HealthDayFieldValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  function submit() {
    if (day) {
      const body = updateHealthDayBody(values, day);
      if (typeof body === "string") return setProblem(body);
      setProblem(null);
      if (body === null) return onClose();
      update.mutate(body, {
        onSuccess: () => {
          notify({ color: "green", message: t("healthDays.form.saved") });
          onClose();
        },
      });
      return;
    }
    const body = createHealthDayBody(values);
    if (typeof body === "string") return setProblem(body);
    setProblem(null);
    create.mutate(body, {
      onSuccess: (created) => {
        notify({ color: "green", message: t("healthDays.form.created") });
        onClose();
        void navigate(`/health-days/${created.id}`);
      },
    });
  }

  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onClose}
      submitLabel={day ? t("common.save") : t("healthDays.form.create")}
      pending={mutation.isPending}
      error={localizedError(mutation.error, t)}
    >
      <TextInput
        label={t("healthDays.form.title")}
        placeholder={t("healthDays.form.titlePlaceholder")}
        required
        data-autofocus
        maxLength={200}
        value={values.title}
        onChange={(e) => set("title", e.currentTarget.value)}
        error={problem === "incomplete" && !values.title.trim() ? t("healthDays.form.incomplete") : undefined}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <DateField
          label={t("healthDays.form.startsOn")}
          required
          value={values.startsOn}
          onChange={(v) => set("startsOn", v ?? "")}
          error={problem === "incomplete" && !values.startsOn ? t("healthDays.form.incomplete") : undefined}
        />
        <DateField
          label={t("healthDays.form.endsOn")}
          description={t("healthDays.form.endsOnHint")}
          value={values.endsOn}
          onChange={(v) => set("endsOn", v ?? "")}
          error={problem === "endBeforeStart" ? t("healthDays.form.endBeforeStart") : undefined}
        />
      </SimpleGrid>
      <Textarea
        label={t("healthDays.form.locations")}
        description={t("healthDays.form.locationsHint")}
        autosize
        minRows={2}
        value={values.locations}
        onChange={(e) => set("locations", e.currentTarget.value)}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <NumberInput
          label={t("healthDays.form.expectedHeadcount")}
          min={1}
          max={100_000}
          allowDecimal={false}
          allowNegative={false}
          value={values.expectedHeadcount}
          onChange={(v) => set("expectedHeadcount", v)}
        />
        <MoneyInput label={t("healthDays.form.budget")} value={values.budgetEuros} onChange={(v) => set("budgetEuros", v)} />
      </SimpleGrid>
      {day ? (
        <Text size="sm" c="dimmed">
          {t("healthDays.detail.mode")}: {t(`healthDays.mode.${day.mode}`)} – {t("healthDays.form.modeFixed")}
        </Text>
      ) : (
        <Stack gap={4}>
          <Text size="sm" fw={500} id="health-day-mode-label">
            {t("healthDays.form.mode")}
          </Text>
          <SegmentedControl
            aria-labelledby="health-day-mode-label"
            value={values.mode}
            onChange={(v) => set("mode", v as HealthDayFieldValues["mode"])}
            data={[
              { value: "diy", label: t("healthDays.mode.diy") },
              { value: "full_service", label: t("healthDays.mode.full_service") },
            ]}
          />
        </Stack>
      )}
      <NativeSelect
        label={t("healthDays.form.responsible")}
        value={values.responsibleUserId}
        onChange={(e) => set("responsibleUserId", e.currentTarget.value)}
        data={[
          { value: "", label: day ? t("healthDays.detail.nobody") : t("healthDays.form.responsibleSelf") },
          ...members.map((m) => ({ value: m.userId, label: m.name })),
        ]}
      />
    </ModalForm>
  );
}
