import { dataFieldLabel } from "@bgm/domain";
import { useLocalized } from "../../../lib/use-localized";

/**
 * A scope's shared fields in plain words ("Abteilung, Abteilungsgröße"): the stored keys are the partner
 * API's column names, which say little to a manager or an employee.
 */
export function useFieldNames(): (scopeKey: string, fields: readonly string[]) => string {
  const localized = useLocalized();
  return (scopeKey, fields) => fields.map((field) => localized(dataFieldLabel(scopeKey, field))).join(", ");
}
