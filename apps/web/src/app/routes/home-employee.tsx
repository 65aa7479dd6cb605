import { HealthDayFeedback, OpenHealthDays } from "../../features/health-days";
import { EmployeeHome } from "../../features/participation";

/** The employee's start page (a chunk of its own: the manager's dashboard does not load it). */
export function EmployeeHomeRoute({ name, organizationName }: { name: string; organizationName: string }) {
  return (
    <EmployeeHome
      name={name}
      organizationName={organizationName}
      alsoOpen={
        <>
          <OpenHealthDays />
          <HealthDayFeedback />
        </>
      }
    />
  );
}
