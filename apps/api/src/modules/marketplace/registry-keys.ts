import { DATA_SCOPE_KEYS, INTEGRATION_POINTS, OUTPUT_TYPE_KEYS, PHASE_NUMBERS, TASK_KEYS } from "@bgm/domain";

/**
 * The integration fields of an offering may only hold keys of the shared registries: other
 * features (data grants, result handlers, suggestions) look them up, so an unknown key would be a
 * silent dead end. Pure, so the rule is testable without a database.
 */
export const REGISTRY_FIELDS = {
  requiredDataScopes: DATA_SCOPE_KEYS,
  outputDataTypes: OUTPUT_TYPE_KEYS,
  integrationPoints: INTEGRATION_POINTS,
  relevantTasks: TASK_KEYS,
  relevantPhases: PHASE_NUMBERS,
} as const satisfies Record<string, readonly (string | number)[]>;

export type RegistryField = keyof typeof REGISTRY_FIELDS;

export interface RegistryKeyIssue {
  field: RegistryField;
  key: string | number;
  allowed: readonly (string | number)[];
}

type RegistryInput = { [F in RegistryField]?: readonly (string | number)[] };

/** The first key that is not in its registry, or null when every key is known. */
export function findUnknownRegistryKey(input: RegistryInput): RegistryKeyIssue | null {
  for (const field of Object.keys(REGISTRY_FIELDS) as RegistryField[]) {
    const allowed: readonly (string | number)[] = REGISTRY_FIELDS[field];
    const bad = input[field]?.find((key) => !allowed.includes(key));
    if (bad !== undefined) return { field, key: bad, allowed };
  }
  return null;
}
