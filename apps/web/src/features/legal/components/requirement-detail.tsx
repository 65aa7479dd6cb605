import { LEGAL_REQUIREMENTS, type LegalRequirement } from "@bgm/domain";
import { Anchor, Divider, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageHeader } from "../../../components/ui/page-header";
import { useLocalized } from "../../../lib/use-localized";
import { AssessmentForm } from "./assessment-form";
import { EventsList } from "./events-list";
import { MeasuresSection } from "./measures-section";
import { MissingList } from "./missing-list";
import { RequirementStatusBadge } from "./requirement-status-badge";
import { StepCard } from "./step-card";
import { TriggerForm } from "./trigger-form";

export function RequirementDetail({ requirement }: { requirement: LegalRequirement }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const meta = LEGAL_REQUIREMENTS.find((r) => r.key === requirement.key);
  return (
    <Stack gap="xl">
      <div>
        <Anchor component={Link} to="/legal" size="sm">
          ← {t("legal.title")}
        </Anchor>
        <PageHeader
          title={meta ? l(meta.label) : requirement.key}
          description={meta ? `${t("legal.law")}: ${meta.law}` : undefined}
          actions={<RequirementStatusBadge status={requirement.status} />}
        />
        <MissingList requirement={requirement} />
      </div>
      <AssessmentForm
        key={`${requirement.assessmentDate}-${requirement.effectivenessCheck}-${requirement.effectivenessCheckedOn}`}
        requirement={requirement}
      />
      <Divider />
      <section aria-labelledby="steps-heading">
        <Group justify="space-between" mb="sm">
          <Title order={2} fz="h3" id="steps-heading">
            {t("legal.steps")}
          </Title>
          <Text size="sm">
            {t("legal.stepsDone", { done: requirement.steps.filter((s) => s.done).length, total: requirement.steps.length })}
          </Text>
        </Group>
        <Stack>
          {requirement.steps.map((step, index) => (
            <StepCard key={`${step.key}-${step.notes}`} requirementKey={requirement.key} step={step} index={index} />
          ))}
        </Stack>
      </section>
      <Divider />
      <MeasuresSection requirement={requirement} />
      <Divider />
      <TriggerForm requirementKey={requirement.key} />
      <EventsList events={requirement.events} />
    </Stack>
  );
}
