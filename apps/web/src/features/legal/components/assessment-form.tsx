import type { LegalRequirement } from "@bgm/domain";
import { Alert, Button, Stack, Textarea, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "../../../components/ui/date-field";
import { errorMessage } from "../../../components/ui/error-message";
import { notify } from "../../../lib/notify";
import { useUpdateRequirement } from "../api/update-requirement";

export function AssessmentForm({ requirement }: { requirement: LegalRequirement }) {
  const { t } = useTranslation();
  const update = useUpdateRequirement(requirement.key);
  const [assessmentDate, setAssessmentDate] = useState(requirement.assessmentDate);
  const [effectivenessCheck, setEffectivenessCheck] = useState(requirement.effectivenessCheck);
  const [effectivenessCheckedOn, setEffectivenessCheckedOn] = useState(requirement.effectivenessCheckedOn);

  function submit(event: FormEvent) {
    event.preventDefault();
    // Only a date the manager changed is sent: a rewritten check without a new date is dated today by the API.
    const dated = effectivenessCheckedOn !== requirement.effectivenessCheckedOn ? { effectivenessCheckedOn } : {};
    update.mutate(
      { assessmentDate, effectivenessCheck, ...dated },
      { onSuccess: () => notify({ color: "green", message: t("common.saved") }) },
    );
  }

  return (
    <section aria-labelledby="assessment-heading">
      <Title order={2} fz="h3" id="assessment-heading" mb="sm">
        {t("legal.assessment")}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack maw={640}>
          {update.error ? (
            <Alert color="red" role="alert">
              {errorMessage(update.error, t)}
            </Alert>
          ) : null}
          <DateField label={t("legal.assessmentDate")} value={assessmentDate} onChange={setAssessmentDate} w={220} />
          <Textarea
            label={t("legal.effectivenessCheck")}
            description={t("legal.effectivenessHint")}
            autosize
            minRows={3}
            maxLength={5000}
            value={effectivenessCheck}
            onChange={(e) => setEffectivenessCheck(e.currentTarget.value)}
          />
          <DateField
            label={t("legal.effectivenessCheckedOn")}
            description={t("legal.effectivenessCheckedOnHint")}
            value={effectivenessCheckedOn}
            onChange={setEffectivenessCheckedOn}
            w={220}
          />
          <Button type="submit" loading={update.isPending} w="fit-content">
            {t("legal.saveAssessment")}
          </Button>
        </Stack>
      </form>
    </section>
  );
}
