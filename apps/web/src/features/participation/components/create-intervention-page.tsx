import { Anchor, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useSearchParams } from "react-router";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { PageHeader } from "../../../components/ui/page-header";
import { isApiError } from "../../../lib/api-client";
import { notify } from "../../../lib/notify";
import { useCreateIntervention } from "../api/interventions";
import { localizedError } from "../error-text";
import { createBody, EMPTY_FIELDS, type InterventionFieldValues, type InterventionSourceInput } from "../intervention-body";
import { InterventionFields } from "./intervention-fields";

/**
 * What a link into the form may carry along (router state): the source's own title and fields, so the
 * form starts filled. Without it (a reload) the fields start empty and the API fills them from the source.
 */
export interface InterventionPrefill {
  sourceTitle?: string;
  fields?: Partial<InterventionFieldValues>;
}

/** A planned intervention runs only once: the refusal names the intervention it already runs as. */
function existingId(error: unknown): string | null {
  if (!isApiError(error, 409) || error.code !== "already_created") return null;
  const id = (error.details as { interventionId?: unknown } | undefined)?.interventionId;
  return typeof id === "string" && UUID.test(id) ? id : null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function sourceFromParams(params: URLSearchParams): InterventionSourceInput {
  const planned = params.get("planned");
  if (planned && UUID.test(planned)) return { kind: "planned", plannedInterventionId: planned };
  const engagement = params.get("engagement");
  if (engagement && UUID.test(engagement)) return { kind: "engagement", engagementId: engagement };
  return { kind: "direct" };
}

/** Create an intervention: directly, from an adopted phase 3 planned intervention, or from an engagement in progress. */
export function CreateInterventionPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const prefill = (useLocation().state as InterventionPrefill | null) ?? {};
  const source = sourceFromParams(params);
  const fromSource = source.kind !== "direct";
  const [values, setValues] = useState<InterventionFieldValues>({ ...EMPTY_FIELDS, ...prefill.fields });
  const [errors, setErrors] = useState<Partial<Record<keyof InterventionFieldValues, string>>>({});
  const create = useCreateIntervention();

  const sourceLine =
    source.kind === "planned"
      ? prefill.sourceTitle
        ? t("participation.form.fromPlanned", { title: prefill.sourceTitle })
        : t("participation.form.fromPlannedNoTitle")
      : source.kind === "engagement"
        ? prefill.sourceTitle
          ? t("participation.form.fromEngagement", { title: prefill.sourceTitle })
          : t("participation.form.fromEngagementNoTitle")
        : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!fromSource) {
      const missing: typeof errors = {};
      if (!values.title.trim()) missing.title = t("participation.form.titleRequired");
      if (!values.category) missing.category = t("participation.form.categoryRequired");
      if (!values.fieldOfAction) missing.fieldOfAction = t("participation.form.fieldRequired");
      setErrors(missing);
      if (Object.keys(missing).length > 0) return;
    }
    create.mutate(createBody(values, source), {
      onSuccess: (intervention) => {
        notify({ color: "green", message: t("participation.form.created") });
        void navigate(`/interventions/${intervention.id}?addSessions=1`);
      },
    });
  }

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/interventions" size="sm">
          {t("participation.detail.back")}
        </Anchor>
        <PageHeader title={t("participation.form.createTitle")} description={sourceLine} />
      </div>
      <Paper withBorder p="md">
        <form onSubmit={submit} noValidate aria-label={t("participation.form.createTitle")}>
          <Stack>
            {fromSource ? <Text size="sm">{t("participation.form.sourceHint")}</Text> : null}
            {create.error ? <ErrorAlert error={localizedError(create.error, t)} /> : null}
            {existingId(create.error) ? (
              <Anchor component={Link} to={`/interventions/${existingId(create.error)}`}>
                {t("participation.form.openExisting")}
              </Anchor>
            ) : null}
            <InterventionFields values={values} onChange={setValues} optional={fromSource} errors={errors} />
            <Group justify="flex-end">
              <Button variant="default" component={Link} to="/interventions">
                {t("common.cancel")}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t("participation.form.create")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
