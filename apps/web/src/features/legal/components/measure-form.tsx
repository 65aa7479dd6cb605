import { Alert, Button, Group, Stack, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "../../../components/ui/date-field";
import { errorMessage } from "../../../components/ui/error-message";
import type { MeasureItem } from "../api/types";

export interface MeasureValues {
  title: string;
  ownerName: string;
  dueDate: string;
  carriedOutAt: string | null;
  proof: string;
}

interface MeasureFormProps {
  measure?: MeasureItem;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: MeasureValues) => void;
  onCancel?: () => void;
}

/** Shared by "add measure" and "edit measure"; carried-out date and proof only make sense when editing. */
export function MeasureForm({ measure, submitLabel, pending, error, onSubmit, onCancel }: MeasureFormProps) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(measure?.title ?? "");
  const [ownerName, setOwnerName] = useState(measure?.ownerName ?? "");
  const [dueDate, setDueDate] = useState<string | null>(measure?.dueDate ?? null);
  const [carriedOutAt, setCarriedOutAt] = useState<string | null>(measure?.carriedOutAt ?? null);
  const [proof, setProof] = useState(measure?.proof ?? "");
  const valid = title.trim() && ownerName.trim() && dueDate;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!dueDate) return;
    onSubmit({ title: title.trim(), ownerName: ownerName.trim(), dueDate, carriedOutAt, proof });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {error ? (
          <Alert color="red" role="alert">
            {errorMessage(error, t)}
          </Alert>
        ) : null}
        <TextInput
          label={t("legal.measureTitle")}
          required
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <Group grow align="flex-start">
          <TextInput
            label={t("legal.ownerName")}
            required
            maxLength={200}
            value={ownerName}
            onChange={(e) => setOwnerName(e.currentTarget.value)}
          />
          <DateField label={t("legal.dueDate")} required value={dueDate} onChange={setDueDate} />
        </Group>
        {measure ? (
          <>
            <DateField label={t("legal.carriedOutAt")} value={carriedOutAt} onChange={setCarriedOutAt} w={220} />
            <Textarea
              label={t("legal.proof")}
              autosize
              minRows={2}
              maxLength={5000}
              value={proof}
              onChange={(e) => setProof(e.currentTarget.value)}
            />
          </>
        ) : null}
        <Group justify="flex-end">
          {onCancel ? (
            <Button variant="default" onClick={onCancel}>
              {t("common.cancel")}
            </Button>
          ) : null}
          <Button type="submit" loading={pending} disabled={!valid}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
