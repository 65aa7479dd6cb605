import { GKV_FIELDS_OF_ACTION } from "@bgm/domain";
import type { CreateInterventionInput, UpdateInterventionInput } from "./api/types";

export interface InterventionFieldValues {
  title: string;
  description: string;
  category: string;
  fieldOfAction: string;
  approach: string;
  targetGroup: string;
  certificationId: string;
  /** Euros as typed; null when empty. */
  cost: number | null;
}

export const EMPTY_FIELDS: InterventionFieldValues = {
  title: "",
  description: "",
  category: "",
  fieldOfAction: "",
  approach: "",
  targetGroup: "",
  certificationId: "",
  cost: null,
};

/** The approach that usually goes with a field of action (a default the manager may change). */
export function approachOf(field: string): string {
  return GKV_FIELDS_OF_ACTION.find((f) => f.key === field)?.approach ?? "";
}

export type InterventionSourceInput = NonNullable<CreateInterventionInput["source"]>;

type Fields = Omit<CreateInterventionInput, "source">;

/** Whole euros as typed → the integer cents the API stores. */
function cents(euros: number | null): number | null {
  return euros === null ? null : Math.round(euros * 100);
}

/** Only what the form holds a value for: a source fills the rest (the API prefills from it). */
export function createBody(values: InterventionFieldValues, source: InterventionSourceInput): CreateInterventionInput {
  const body: Fields = {};
  const title = values.title.trim();
  if (title) body.title = title;
  if (values.description.trim()) body.description = values.description.trim();
  if (values.category) body.category = values.category as Fields["category"];
  if (values.fieldOfAction) body.fieldOfAction = values.fieldOfAction as Fields["fieldOfAction"];
  if (values.approach) body.approach = values.approach as Fields["approach"];
  if (values.targetGroup.trim()) body.targetGroup = values.targetGroup.trim();
  if (values.certificationId.trim()) body.certificationId = values.certificationId.trim();
  if (values.cost !== null) body.costCents = cents(values.cost);
  return { source, ...body };
}

/** What changed against the intervention on screen; null when nothing did. */
export function updateBody(values: InterventionFieldValues, initial: InterventionFieldValues): UpdateInterventionInput | null {
  const body: Fields = {};
  if (values.title.trim() !== initial.title) body.title = values.title.trim();
  if (values.description.trim() !== initial.description) body.description = values.description.trim();
  if (values.category && values.category !== initial.category) body.category = values.category as Fields["category"];
  if (values.fieldOfAction && values.fieldOfAction !== initial.fieldOfAction)
    body.fieldOfAction = values.fieldOfAction as Fields["fieldOfAction"];
  if (values.approach && values.approach !== initial.approach) body.approach = values.approach as Fields["approach"];
  if (values.targetGroup.trim() !== initial.targetGroup) body.targetGroup = values.targetGroup.trim();
  if (values.certificationId.trim() !== initial.certificationId) body.certificationId = values.certificationId.trim() || null;
  if (values.cost !== initial.cost) body.costCents = cents(values.cost);
  return Object.keys(body).length > 0 ? body : null;
}

/** The form's values for an intervention from the API. */
export function fieldValues(i: {
  title: string;
  description: string;
  category: string;
  fieldOfAction: string;
  approach: string;
  targetGroup: string;
  certificationId: string | null;
  costCents: number | null;
}): InterventionFieldValues {
  return {
    title: i.title,
    description: i.description,
    category: i.category,
    fieldOfAction: i.fieldOfAction,
    approach: i.approach,
    targetGroup: i.targetGroup,
    certificationId: i.certificationId ?? "",
    cost: i.costCents === null ? null : i.costCents / 100,
  };
}
