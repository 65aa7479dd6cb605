/**
 * The one set of head-count figures a partner may see about a company (ADR 0007). Every scope that
 * releases a head count (employee_count, department_structure) reads it from here, so whatever
 * combination of scopes and engagements a partner holds, it sees one consistent partition of the
 * company into groups of at least MIN_GROUP_SIZE, and the total is exactly the sum of those groups:
 * nothing is left over to subtract.
 */
import { MIN_GROUP_SIZE as MIN } from "./data-scopes.js";

export interface DepartmentSize {
  name: string;
  size: number;
}

/**
 * Departments whose people the partner receives by name through an employee list (`all` for an
 * unnarrowed list). The length of such a list is a head count the partner always learns, so the
 * groups are formed on each side of this line and never across it.
 */
export interface NamedDepartments {
  all: boolean;
  departments: readonly string[];
}

export const NOBODY_NAMED: NamedDepartments = { all: false, departments: [] };

export interface DisclosedDepartment {
  department: string;
  /** The department's own head count, or null when it is withheld. */
  size: number | null;
  suppressed: boolean;
  /** The combined group a withheld department is counted in, and that group's size (null: counted nowhere). */
  combinedGroup: string | null;
  combinedSize: number | null;
}

export interface GroupDisclosure {
  departments: DisclosedDepartment[];
  /** Active employees in total; null when it would reveal a group below the minimum. */
  total: number | null;
}

export const COMBINED_GROUP_LABEL = "Sonstige";

interface Region {
  open: DepartmentSize[];
  combined: DepartmentSize[];
  /** null when the whole region is smaller than the minimum: then no figure about it is released. */
  combinedSize: number | null;
}

/**
 * Departments below the minimum are combined; if the combined remainder is still below it, the next
 * smallest department joins (and loses its own figure) until it is not. A region smaller than the
 * minimum as a whole gets no figure at all.
 */
function coarsen(region: DepartmentSize[]): Region {
  const bySize = [...region].sort((a, b) => a.size - b.size || a.name.localeCompare(b.name));
  const combined = bySize.filter((d) => d.size < MIN);
  const open = bySize.filter((d) => d.size >= MIN);
  let sum = combined.reduce((s, d) => s + d.size, 0);
  while (combined.length > 0 && sum < MIN && open.length > 0) {
    const next = open.shift() as DepartmentSize;
    combined.push(next);
    sum += next.size;
  }
  return { open, combined, combinedSize: combined.length > 0 && sum >= MIN ? sum : null };
}

/** Which departments an employee list names, from the narrowings of the lists granted to one partner. */
export function namedDepartmentsOf(
  narrowings: readonly { departments?: readonly string[]; employeeIds?: readonly string[] }[],
): NamedDepartments {
  let all = false;
  const departments = new Set<string>();
  for (const n of narrowings) {
    // A list of chosen people is not a department's head count: its length is not a department figure.
    if (n.employeeIds) continue;
    if (n.departments) for (const d of n.departments) departments.add(d);
    else all = true;
  }
  return { all, departments: [...departments].sort() };
}

/**
 * The company's figures for one partner. Departments the partner's employee lists name and those
 * they do not form separate regions, each coarsened on its own: a list's length is a sum over named
 * departments only, so no group that mixes both sides can be separated with it. The total is
 * withheld only when the unnamed region is a group below the minimum (it is total minus the rest).
 */
export function discloseGroups(departments: readonly DepartmentSize[], named: NamedDepartments = NOBODY_NAMED): GroupDisclosure {
  const present = departments.filter((d) => d.size > 0);
  const isNamed = (d: DepartmentSize) => named.all || named.departments.includes(d.name);
  const regions = [coarsen(present.filter(isNamed)), coarsen(present.filter((d) => !isNamed(d)))];
  const unnamed = regions[1] as Region;
  const labelled = regions.filter((r) => r.combinedSize !== null);
  const label = (r: Region) => (labelled.length > 1 ? `${COMBINED_GROUP_LABEL} ${labelled.indexOf(r) + 1}` : COMBINED_GROUP_LABEL);

  const rows: DisclosedDepartment[] = [];
  for (const r of regions) {
    for (const d of r.open) rows.push({ department: d.name, size: d.size, suppressed: false, combinedGroup: null, combinedSize: null });
    for (const d of r.combined) {
      const shown = r.combinedSize !== null;
      rows.push({
        department: d.name,
        size: null,
        suppressed: true,
        combinedGroup: shown ? label(r) : null,
        combinedSize: r.combinedSize,
      });
    }
  }
  rows.sort((a, b) => (a.department < b.department ? -1 : a.department > b.department ? 1 : 0));
  const hiddenRest = unnamed.combined.length > 0 && unnamed.combinedSize === null;
  return { departments: rows, total: hiddenRest ? null : present.reduce((s, d) => s + d.size, 0) };
}
