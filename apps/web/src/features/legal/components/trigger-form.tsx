import { REOPEN_TRIGGERS, type ReopenTriggerKey } from "@bgm/domain";
import { Alert, Button, NativeSelect, Stack, Text, Textarea, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../components/ui/error-message";
import { notify } from "../../../lib/notify";
import { useLocalized } from "../../../lib/use-localized";
import { useRecordTrigger } from "../api/record-trigger";

export function TriggerForm({ requirementKey }: { requirementKey: string }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const record = useRecordTrigger(requirementKey);
  const [kind, setKind] = useState<ReopenTriggerKey>(REOPEN_TRIGGERS[0].key);
  const [note, setNote] = useState("");

  function submit(event: FormEvent) {
    event.preventDefault();
    record.mutate(
      { kind, note: note.trim() },
      {
        onSuccess: () => {
          setNote("");
          notify({ color: "orange", message: t("legal.triggerRecorded") });
        },
      },
    );
  }

  return (
    <section aria-labelledby="trigger-heading">
      <Title order={2} fz="h3" id="trigger-heading" mb="sm">
        {t("legal.triggers")}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack maw={640}>
          <Text size="sm">{t("legal.triggersIntro")}</Text>
          {record.error ? (
            <Alert color="red" role="alert">
              {errorMessage(record.error, t)}
            </Alert>
          ) : null}
          <NativeSelect
            label={t("legal.triggerKind")}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as ReopenTriggerKey)}
            data={REOPEN_TRIGGERS.map((tr) => ({ value: tr.key, label: l(tr.label) }))}
            w={320}
          />
          <Textarea
            label={t("legal.triggerNote")}
            autosize
            minRows={2}
            maxLength={5000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <Button type="submit" variant="outline" color="orange" loading={record.isPending} w="fit-content">
            {t("legal.recordTrigger")}
          </Button>
        </Stack>
      </form>
    </section>
  );
}
