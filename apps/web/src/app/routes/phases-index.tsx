import { Navigate } from "react-router";
import { ErrorAlert } from "../../components/ui/error-alert";
import { LoadingState } from "../../components/ui/loading-state";
import { useProject } from "../../features/project";

/** "Phasen" in the navigation opens the phase the company is currently in. */
export function PhasesIndexRoute() {
  const project = useProject();
  if (project.isPending) return <LoadingState />;
  if (project.isError) return <ErrorAlert error={project.error} onRetry={() => void project.refetch()} />;
  return <Navigate to={`/phases/${project.data.currentPhase}`} replace />;
}
