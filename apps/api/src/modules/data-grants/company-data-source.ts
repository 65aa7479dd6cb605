import { dataGrant, type Tx } from "@bgm/db";
import {
  COPSOQ_MIN_GROUP_SIZE,
  type CompanyDataSource,
  discloseGroups,
  type EmployeeNarrowing,
  namedDepartmentsOf,
  type SurveyGroupResult,
} from "@bgm/domain";
import { and, eq } from "drizzle-orm";
import { listActiveGoals } from "../bgm-process/index.js";
import { activeHeadcountByDepartment, listActiveEmployees } from "../employees/index.js";
import { latestAcceptedPayload } from "../results/index.js";

/** The part of an accepted COPSOQ payload the survey_results scope reads (validated at upload). */
interface StoredCopsoq {
  scales: { key: string; mean: number; n: number }[];
  groups: { name: string; scales: { key: string; mean: number; n: number }[] }[];
}

export const ALL_RESPONDENTS = "Alle Befragten";

/**
 * Survey results as partners may see them: per scale and group, every cell at least the minimum
 * group size (the upload refused smaller groups already). The all-respondents row of a scale is
 * left out when the respondents outside the listed groups are fewer than the minimum: their mean
 * could otherwise be computed from the difference (no differencing).
 */
export function surveyRowsOf(p: StoredCopsoq): SurveyGroupResult[] {
  const rows: SurveyGroupResult[] = [];
  for (const scale of p.scales) {
    const inGroups = p.groups.reduce((sum, g) => sum + (g.scales.find((s) => s.key === scale.key)?.n ?? 0), 0);
    const rest = scale.n - inGroups;
    if (rest === 0 || rest >= COPSOQ_MIN_GROUP_SIZE || inGroups === 0) {
      rows.push({ scale: scale.key, group: ALL_RESPONDENTS, mean: scale.mean, n: scale.n });
    }
    for (const g of p.groups) {
      const cell = g.scales.find((s) => s.key === scale.key);
      if (cell && cell.n >= COPSOQ_MIN_GROUP_SIZE) rows.push({ scale: scale.key, group: g.name, mean: cell.mean, n: cell.n });
    }
  }
  return rows;
}

/**
 * The narrowings of every employee list this company ever granted this partner, in any engagement,
 * revoked or expired included: a list the partner fetched once stays known to it (ADR 0007).
 */
async function employeeListNarrowings(tx: Tx, orgId: string, partnerOrgId: string) {
  const rows = await tx
    .select({ narrowing: dataGrant.narrowing })
    .from(dataGrant)
    .where(and(eq(dataGrant.orgId, orgId), eq(dataGrant.providerOrgId, partnerOrgId), eq(dataGrant.scopeKey, "employee_list")));
  return rows.map((r) => r.narrowing ?? {});
}

/**
 * The registry's CompanyDataSource on the database, as one partner may see it (head counts depend
 * on what else that partner holds). It must run inside the company's own tenant transaction:
 * row-level security confines every read to that company, and each query names the company
 * explicitly as well, so neither wall alone decides whose data a partner receives.
 */
export function companyDataSource(tx: Tx, orgId: string, partnerOrgId: string): CompanyDataSource {
  return {
    async groupDisclosure() {
      const sizes = await activeHeadcountByDepartment(tx, orgId);
      const named = namedDepartmentsOf(await employeeListNarrowings(tx, orgId, partnerOrgId));
      return discloseGroups(
        sizes.map((r) => ({ name: r.name, size: Number(r.count) })),
        named,
      );
    },
    async listGoals() {
      return listActiveGoals({ tx, orgId });
    },
    async surveyResults() {
      // The company's current survey: the COPSOQ analysis it accepted last.
      const latest = await latestAcceptedPayload(tx, orgId, "copsoq_analysis");
      return latest ? surveyRowsOf(latest as StoredCopsoq) : [];
    },
    async listActiveEmployees(narrowing: EmployeeNarrowing) {
      // Both narrowings restrict: a person is released only if every given narrowing admits them.
      return listActiveEmployees(tx, orgId, narrowing);
    },
  };
}
