import { GBU_STEPS, LEGAL_REQUIREMENTS, type LegalRequirement } from "@bgm/domain";
import { Accordion, Anchor, Badge, Divider, Group, Stack, Text, Title } from "@mantine/core";
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
        {/*
          One step at a time (issue 14: seven open step forms made the page 4,400 px tall): the first step not
          done opens; the others stay mounted (hidden), so a note typed into one is kept when another opens.
        */}
        <Accordion
          variant="separated"
          order={3}
          keepMounted
          keepMountedMode="display-none"
          defaultValue={requirement.steps.find((s) => !s.done)?.key ?? null}
        >
          {requirement.steps.map((step, index) => {
            const meta = GBU_STEPS.find((g) => g.key === step.key);
            const name = meta ? l(meta.label) : step.key;
            return (
              <Accordion.Item key={step.key} value={step.key} data-testid={`step-item-${step.key}`}>
                <Accordion.Control>
                  <Group justify="space-between" wrap="wrap" gap="xs" pr="xs">
                    <Text fw={600}>
                      {index + 1}. {name}
                    </Text>
                    <Badge variant="light" color={step.done ? "green" : "gray"}>
                      {t(step.done ? "legal.statuses.done" : "legal.statuses.open")}
                    </Badge>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <StepCard key={`${step.key}-${step.notes}`} requirementKey={requirement.key} step={step} index={index} bare />
                </Accordion.Panel>
              </Accordion.Item>
            );
          })}
        </Accordion>
      </section>
      <Divider />
      <MeasuresSection requirement={requirement} />
      <Divider />
      <TriggerForm requirementKey={requirement.key} />
      <EventsList events={requirement.events} />
    </Stack>
  );
}
