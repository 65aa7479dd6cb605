import { outputType } from "@bgm/domain";
import { useLocalized } from "./use-localized";

/** Output types are named by their registry label, the same text as in results and checklists; unknown keys show as they are. */
export function useOutputTypeLabel(): (key: string) => string {
  const l = useLocalized();
  return (key) => {
    const def = outputType(key);
    return def ? l(def.label) : key;
  };
}
