import { GBU_STEPS } from "@bgm/domain";
import { Alert, Button, Card, Checkbox, Group, List, Stack, Text, Textarea, Title, VisuallyHidden } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../components/ui/error-message";
import { ResultSourceNote } from "../../../components/ui/result-source-note";
import { formatDateTime } from "../../../lib/format";
import { notify } from "../../../lib/notify";
import { useLocalized } from "../../../lib/use-localized";
import type { RequirementStepItem } from "../api/types";
import { useUpdateStep } from "../api/update-step";
import { EvidenceList } from "./evidence-list";
import { EvidenceUpload } from "./evidence-upload";

interface StepCardProps {
  requirementKey: string;
  step: RequirementStepItem;
  index: number;
  /** Inside the steps accordion: its control shows the step's name, so the card's own title is for screen readers only. */
  bare?: boolean;
}

export function StepCard({ requirementKey, step, index, bare = false }: StepCardProps) {
  const { t } = useTranslation();
  const l = useLocalized();
  const update = useUpdateStep(requirementKey);
  const [notes, setNotes] = useState(step.notes);
  const meta = GBU_STEPS.find((s) => s.key === step.key);
  const name = meta ? l(meta.label) : step.key;
  const headingId = `step-${step.key}-heading`;
  // Shown at once while saving; dropped again when the server answers (or refuses).
  const [pendingDone, setPendingDone] = useState<boolean | undefined>();
  const results = step.results;

  return (
    <Card withBorder={!bare} padding={bare ? 0 : "md"} component="section" aria-labelledby={headingId} data-testid={`step-${step.key}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          {bare ? (
            <VisuallyHidden id={headingId}>
              {index + 1}. {name}
            </VisuallyHidden>
          ) : (
            <Title order={3} fz="h5" id={headingId}>
              {index + 1}. {name}
            </Title>
          )}
          <Checkbox
            label={t("legal.stepDone")}
            aria-label={t("legal.stepDoneNamed", { name })}
            checked={pendingDone ?? step.done}
            disabled={update.isPending}
            onChange={(e) => {
              const done = e.currentTarget.checked;
              setPendingDone(done);
              update.mutate({ step: step.key, done }, { onSettled: () => setPendingDone(undefined) });
            }}
          />
        </Group>
        {step.completedAt ? <Text size="sm">{t("legal.completedAt", { date: formatDateTime(step.completedAt) })}</Text> : null}
        {update.error ? (
          <Alert color="red" role="alert">
            {errorMessage(update.error, t)}
          </Alert>
        ) : null}
        <Textarea
          label={t("legal.stepNotes", { name })}
          autosize
          minRows={2}
          maxLength={5000}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
        />
        <Button
          variant="default"
          size="xs"
          w="fit-content"
          disabled={notes === step.notes}
          onClick={() =>
            update.mutate({ step: step.key, notes }, { onSuccess: () => notify({ color: "green", message: t("common.saved") }) })
          }
        >
          {t("legal.saveNotes")}
        </Button>
        <Text fw={600} size="sm">
          {t("legal.evidence")}
        </Text>
        {results.length > 0 ? (
          <List size="sm" spacing={4} data-testid={`step-${step.key}-results`}>
            {results.map((result) => (
              <List.Item key={`${result.source.resultId}-${result.label}`}>
                <Text size="sm" fw={600}>
                  {t("legalResults.fromResult", { label: result.label })}
                </Text>
                <ResultSourceNote source={result.source} />
              </List.Item>
            ))}
          </List>
        ) : null}
        {/* Evidence from partner results counts too, so "no evidence yet" would be wrong next to it. */}
        {results.length > 0 && step.evidence.length === 0 ? null : <EvidenceList evidence={step.evidence} />}
        <EvidenceUpload requirementKey={requirementKey} step={step.key} stepName={name} />
      </Stack>
    </Card>
  );
}
