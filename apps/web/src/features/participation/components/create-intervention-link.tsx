import { OFFERING_CATEGORIES } from "@bgm/domain";
import { Anchor, Button } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { loadedItems } from "../../../lib/cursor-pages";
import { useInterventionList } from "../api/interventions";
import type { InterventionPrefill } from "./create-intervention-page";

const CATEGORY_KEYS: ReadonlySet<string> = new Set(OFFERING_CATEGORIES.map((c) => c.key));

interface PlannedSource {
  kind: "planned";
  id: string;
  title: string;
  description: string;
  category: string;
  targetGroup: string;
  costEstimateCents: number;
}

interface EngagementSource {
  kind: "engagement";
  id: string;
  title: string;
}

/**
 * "Als Maßnahme anlegen" from an adopted planned intervention or an engagement: opens the create form with
 * the source's fields filled in; when a planned intervention already runs as an intervention, a link to that one instead.
 */
export function CreateInterventionLink({
  source,
  variant = "link",
}: {
  source: PlannedSource | EngagementSource;
  variant?: "link" | "button";
}) {
  const { t } = useTranslation();
  // A planned intervention runs once (the API refuses a second); an engagement may deliver several.
  const listed = loadedItems(useInterventionList({}).data);
  const existing = source.kind === "planned" ? listed.find((i) => i.plannedInterventionId === source.id) : undefined;
  const to = existing
    ? `/interventions/${existing.id}`
    : `/interventions/new?${source.kind === "planned" ? "planned" : "engagement"}=${encodeURIComponent(source.id)}`;
  const state: InterventionPrefill | undefined = existing
    ? undefined
    : source.kind === "planned"
      ? {
          sourceTitle: source.title,
          fields: {
            title: source.title,
            description: source.description,
            category: CATEGORY_KEYS.has(source.category) ? source.category : "",
            targetGroup: source.targetGroup,
            cost: source.costEstimateCents > 0 ? source.costEstimateCents / 100 : null,
          },
        }
      : { sourceTitle: source.title };
  const label = existing ? t("participation.engagementLink.open", { title: existing.title }) : t("participation.engagementLink.create");
  if (variant === "button") {
    return (
      <Button component={Link} to={to} state={state} variant={existing ? "default" : "filled"}>
        {label}
      </Button>
    );
  }
  return (
    <Anchor component={Link} to={to} state={state} size="sm" data-testid="create-intervention-link">
      {label}
    </Anchor>
  );
}
