import { Alert, List, NativeSelect, NumberInput, SimpleGrid, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormModal, ModalForm } from "../../../components/ui/form-modal";
import { formatDate } from "../../../lib/format";
import { notify } from "../../../lib/notify";
import { useAddSlots } from "../api/health-days";
import type { AddHealthDaySlotsInput, HealthDayDetail, HealthDayModuleItem } from "../api/types";
import { localizedError } from "../error-text";
import { conflictsOfError, dayDates, emptySlot, type SlotFieldValues, type SlotFormProblem, slotBody } from "../slot-body";

type SlotFormDay = Pick<HealthDayDetail, "id" | "startsOn" | "endsOn" | "locations">;
type SlotFormStation = Pick<HealthDayModuleItem, "id" | "title" | "location">;

/** What adds the slots: the manager's mutation by default, the planner's through its booking (ADR 0015). */
export interface SlotAdder {
  mutate: (variables: { moduleId: string; input: AddHealthDaySlotsInput }, options?: { onSuccess?: () => void }) => void;
  isPending: boolean;
  error: unknown;
}

interface SlotFormModalProps {
  day: SlotFormDay;
  /** The station to add a slot to; null: closed. */
  station: SlotFormStation | null;
  onClose: () => void;
  adder?: SlotAdder;
}

/** A plain form for one time slot, usable on a 390 px phone: day, start, end, places, room. */
export function SlotFormModal({ day, station, onClose, adder }: SlotFormModalProps) {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={station !== null}
      onClose={onClose}
      size="lg"
      title={t("healthDays.slotForm.title", { title: station?.title ?? "" })}
    >
      {station ? <SlotForm day={day} station={station} onClose={onClose} adder={adder} /> : null}
    </FormModal>
  );
}

function SlotForm({
  day,
  station,
  onClose,
  adder,
}: {
  day: SlotFormDay;
  station: SlotFormStation;
  onClose: () => void;
  adder: SlotAdder | undefined;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<SlotFieldValues>(emptySlot(day.startsOn, ""));
  const [problem, setProblem] = useState<SlotFormProblem | null>(null);
  const own = useAddSlots(day.id);
  const add: SlotAdder = adder ?? own;
  const conflicts = conflictsOfError(add.error);
  const dates = dayDates(day.startsOn, day.endsOn);
  const rooms = day.locations.filter((r) => r !== station.location);
  const set = <K extends keyof SlotFieldValues>(key: K, value: SlotFieldValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  function submit() {
    const body = slotBody(values);
    if (typeof body === "string") return setProblem(body);
    setProblem(null);
    add.mutate(
      { moduleId: station.id, input: body },
      {
        onSuccess: () => {
          notify({ color: "green", message: t("healthDays.slotForm.added") });
          onClose();
        },
      },
    );
  }

  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onClose}
      submitLabel={t("healthDays.slotForm.submit")}
      pending={add.isPending}
      error={conflicts.length > 0 ? null : localizedError(add.error, t)}
      intro={
        <>
          <Text size="sm">{t("healthDays.slotForm.timeZoneHint")}</Text>
          {conflicts.length > 0 ? (
            <Alert color="red" role="alert" title={t("healthDays.slotForm.conflictsTitle")} data-testid="slot-conflicts">
              <List size="sm">
                {conflicts.map((c, i) => (
                  // The API's clashes have no id of their own; their order is the answer's.
                  // biome-ignore lint/suspicious/noArrayIndexKey: a static list from one answer
                  <List.Item key={i}>
                    {t(`healthDays.conflict.${c.kind}`)}
                    {c.message ? ` – ${c.message}` : ""}
                  </List.Item>
                ))}
              </List>
            </Alert>
          ) : null}
        </>
      }
    >
      <SimpleGrid cols={{ base: 1, xs: 3 }}>
        <NativeSelect
          label={t("healthDays.slotForm.date")}
          required
          data-autofocus
          value={values.date}
          onChange={(e) => set("date", e.currentTarget.value)}
          data={dates.map((d) => ({ value: d, label: formatDate(d) }))}
        />
        <TextInput
          type="time"
          label={t("healthDays.slotForm.start")}
          required
          value={values.startTime}
          onChange={(e) => set("startTime", e.currentTarget.value)}
          error={problem === "incomplete" && !values.startTime ? t("healthDays.slotForm.incomplete") : undefined}
        />
        <TextInput
          type="time"
          label={t("healthDays.slotForm.end")}
          required
          value={values.endTime}
          onChange={(e) => set("endTime", e.currentTarget.value)}
          error={
            problem === "endBeforeStart"
              ? t("healthDays.slotForm.endBeforeStart")
              : problem === "incomplete" && !values.endTime
                ? t("healthDays.slotForm.incomplete")
                : undefined
          }
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <NumberInput
          label={t("healthDays.slotForm.capacity")}
          required
          min={1}
          max={10_000}
          allowDecimal={false}
          allowNegative={false}
          value={values.capacity}
          onChange={(v) => set("capacity", v)}
          error={problem === "incomplete" && typeof values.capacity !== "number" ? t("healthDays.slotForm.incomplete") : undefined}
        />
        <NativeSelect
          label={t("healthDays.slotForm.location")}
          description={t("healthDays.slotForm.locationHint")}
          value={values.location}
          onChange={(e) => set("location", e.currentTarget.value)}
          data={[{ value: "", label: station.location || t("healthDays.timeline.noRoom") }, ...rooms.map((r) => ({ value: r, label: r }))]}
        />
      </SimpleGrid>
    </ModalForm>
  );
}
