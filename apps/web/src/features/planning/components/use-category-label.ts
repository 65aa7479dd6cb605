import { OFFERING_CATEGORIES } from "@bgm/domain";
import { useLocalized } from "../../../lib/use-localized";

/** Intervention plans use the marketplace's category keys; unknown keys are shown as they are. */
export function useCategoryLabel(): (key: string) => string {
  const l = useLocalized();
  return (key) => {
    const category = OFFERING_CATEGORIES.find((c) => c.key === key);
    return category ? l(category.label) : key;
  };
}
