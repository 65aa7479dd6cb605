import { GKV_FIELDS_OF_ACTION, INTERVENTION_APPROACHES, OFFERING_CATEGORIES } from "@bgm/domain";
import { useLocalized } from "../../lib/use-localized";

/** Labels of the registries an intervention is described with, in the UI language; unknown keys as they are. */
export function useCategoryLabel(): (key: string) => string {
  const l = useLocalized();
  return (key) => {
    const category = OFFERING_CATEGORIES.find((c) => c.key === key);
    return category ? l(category.label) : key;
  };
}

export function useFieldOfActionLabel(): (key: string) => string {
  const l = useLocalized();
  return (key) => {
    const field = GKV_FIELDS_OF_ACTION.find((f) => f.key === key);
    return field ? l(field.label) : key;
  };
}

export function useApproachLabel(): (key: string) => string {
  const l = useLocalized();
  return (key) => {
    const approach = INTERVENTION_APPROACHES.find((a) => a.key === key);
    return approach ? l(approach.label) : key;
  };
}
