import { DATA_SCOPES, INTEGRATION_POINTS, OFFERING_CATEGORIES, type Offering, OUTPUT_TYPE_KEYS, PHASES, TASK_TEMPLATES } from "@bgm/domain";
import { Fieldset, MultiSelect, NativeSelect, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormModal, ModalForm, notifyAndClose } from "../../../components/ui/form-modal";
import { MoneyInput } from "../../../components/ui/money-input";
import { centsToEuros, eurosToCents } from "../../../lib/money";
import { useOutputTypeLabel } from "../../../lib/output-type-label";
import { useLocalized } from "../../../lib/use-localized";
import { useCreateOffering, useUpdateOffering } from "../api/save-offering";
import type { OfferingInput } from "../api/types";
import { type OfferingFormErrors, offeringFormErrors } from "../offering-form-errors";

interface OfferingFormModalProps {
  opened: boolean;
  onClose: () => void;
  offering?: Offering;
}

export function OfferingFormModal({ opened, onClose, offering }: OfferingFormModalProps) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} size="xl" title={offering ? t("partner.editTitle") : t("partner.createTitle")}>
      {opened ? <OfferingForm offering={offering} onDone={onClose} /> : null}
    </FormModal>
  );
}

const splitList = (value: string) =>
  value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
const numberOrNull = (value: string | number) => (typeof value === "number" && Number.isFinite(value) ? value : null);

function OfferingForm({ offering, onDone }: { offering?: Offering; onDone: () => void }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const outputLabel = useOutputTypeLabel();
  const create = useCreateOffering();
  const update = useUpdateOffering();
  const [title, setTitle] = useState(offering?.title ?? "");
  const [description, setDescription] = useState(offering?.description ?? "");
  const [category, setCategory] = useState<string>(offering?.category ?? OFFERING_CATEGORIES[0].key);
  const [certifications, setCertifications] = useState(offering?.certifications.join(", ") ?? "");
  const [deliveryMode, setDeliveryMode] = useState<Offering["deliveryMode"]>(offering?.deliveryMode ?? "on_site");
  const [price, setPrice] = useState<number | null>(offering ? centsToEuros(offering.priceFromCents) : null);
  const [priceUnit, setPriceUnit] = useState<Offering["priceUnit"]>(offering?.priceUnit ?? "flat");
  const [turnaround, setTurnaround] = useState<string | number>(offering?.turnaroundDays ?? "");
  const [capacity, setCapacity] = useState<string | number>(offering?.capacity ?? "");
  const [scopes, setScopes] = useState<string[]>(offering?.requiredDataScopes ?? []);
  const [outputs, setOutputs] = useState<string[]>(offering?.outputDataTypes ?? []);
  const [points, setPoints] = useState<string[]>(offering?.integrationPoints ?? []);
  const [phases, setPhases] = useState<string[]>(offering?.relevantPhases.map(String) ?? []);
  const [tasks, setTasks] = useState<string[]>(offering?.relevantTasks ?? []);
  // Shown after the first „Speichern“ and kept up to date while the partner fills the fields in.
  const [checked, setChecked] = useState(false);
  const missing: OfferingFormErrors = checked ? offeringFormErrors({ title, price }) : {};

  function submit() {
    const errors = offeringFormErrors({ title, price });
    if (errors.title || errors.price) {
      setChecked(true);
      // The first field that needs something gets the focus; its error is read with it.
      document.getElementById(errors.title ? "offering-title" : "offering-price")?.focus();
      return;
    }
    const input: OfferingInput = {
      title: title.trim(),
      description: description.trim(),
      category: category as OfferingInput["category"],
      certifications: splitList(certifications),
      deliveryMode,
      priceFromCents: eurosToCents(price ?? 0),
      priceUnit,
      turnaroundDays: numberOrNull(turnaround),
      capacity: numberOrNull(capacity),
      requiredDataScopes: scopes,
      outputDataTypes: outputs,
      integrationPoints: points,
      relevantPhases: phases.map(Number),
      relevantTasks: tasks,
    };
    if (offering) {
      update.mutate({ id: offering.id, patch: input }, { onSuccess: notifyAndClose(t("partner.saved"), onDone) });
    } else {
      create.mutate(input, { onSuccess: notifyAndClose(t("partner.created"), onDone) });
    }
  }

  const comboboxProps = { withinPortal: true };
  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onDone}
      submitLabel={t("common.save")}
      pending={create.isPending || update.isPending}
      error={create.error ?? update.error}
    >
      <TextInput
        id="offering-title"
        label={t("partner.title")}
        required
        error={missing.title ? t(missing.title) : undefined}
        maxLength={200}
        data-autofocus
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
      />
      <Textarea
        label={t("partner.description")}
        autosize
        minRows={3}
        maxLength={5000}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          label={t("partner.category")}
          value={category}
          onChange={(e) => setCategory(e.currentTarget.value)}
          data={OFFERING_CATEGORIES.map((c) => ({ value: c.key, label: l(c.label) }))}
        />
        <NativeSelect
          label={t("partner.deliveryMode")}
          value={deliveryMode}
          onChange={(e) => setDeliveryMode(e.currentTarget.value as Offering["deliveryMode"])}
          data={(["on_site", "remote", "hybrid"] as const).map((m) => ({ value: m, label: t(`marketplace.deliveryModes.${m}`) }))}
        />
        <TextInput
          label={t("partner.certifications")}
          description={t("partner.certificationsHint")}
          value={certifications}
          onChange={(e) => setCertifications(e.currentTarget.value)}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 4 }}>
        <MoneyInput
          id="offering-price"
          label={t("partner.priceFrom")}
          required
          min={0}
          value={price}
          onChange={setPrice}
          error={missing.price ? t(missing.price) : undefined}
        />
        <NativeSelect
          label={t("partner.priceUnit")}
          value={priceUnit}
          onChange={(e) => setPriceUnit(e.currentTarget.value as Offering["priceUnit"])}
          data={(["flat", "per_participant", "per_day"] as const).map((u) => ({ value: u, label: t(`partner.priceUnits.${u}`) }))}
        />
        <NumberInput
          label={t("partner.turnaroundDays")}
          min={1}
          max={365}
          allowDecimal={false}
          allowNegative={false}
          hideControls
          value={turnaround}
          onChange={setTurnaround}
        />
        <NumberInput
          label={t("partner.capacity")}
          min={1}
          allowDecimal={false}
          allowNegative={false}
          hideControls
          value={capacity}
          onChange={setCapacity}
        />
      </SimpleGrid>
      <Fieldset legend={t("partner.integrationFields")}>
        <Stack gap="sm">
          <MultiSelect
            label={t("partner.relevantPhases")}
            data={PHASES.map((p) => ({ value: String(p.number), label: `${p.number}. ${l(p.label)}` }))}
            value={phases}
            onChange={setPhases}
            comboboxProps={comboboxProps}
          />
          <MultiSelect
            label={t("partner.relevantTasks")}
            data={TASK_TEMPLATES.map((task) => ({ value: task.key, label: `${task.phase}. ${l(task.label)}` }))}
            value={tasks}
            onChange={setTasks}
            searchable
            comboboxProps={comboboxProps}
          />
          <MultiSelect
            label={t("partner.requiredDataScopes")}
            data={DATA_SCOPES.map((s) => ({ value: s.key, label: l(s.label) }))}
            value={scopes}
            onChange={setScopes}
            comboboxProps={comboboxProps}
          />
          <MultiSelect
            label={t("partner.outputDataTypes")}
            data={OUTPUT_TYPE_KEYS.map((k) => ({ value: k, label: outputLabel(k) }))}
            value={outputs}
            onChange={setOutputs}
            comboboxProps={comboboxProps}
          />
          <MultiSelect
            label={t("partner.integrationPoints")}
            data={INTEGRATION_POINTS.map((k) => ({ value: k, label: t(`offering.integrationPoints.${k}`) }))}
            value={points}
            onChange={setPoints}
            comboboxProps={comboboxProps}
          />
        </Stack>
      </Fieldset>
    </ModalForm>
  );
}
