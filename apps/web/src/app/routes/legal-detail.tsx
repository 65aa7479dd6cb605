import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorAlert } from "../../components/ui/error-alert";
import { LoadingState } from "../../components/ui/loading-state";
import { NotFound } from "../../components/ui/not-found";
import { RequirementDetail, useLegalRequirement } from "../../features/legal";
import { isApiError } from "../../lib/api-client";

export function LegalDetailRoute() {
  const { t } = useTranslation();
  const { key = "" } = useParams();
  const requirement = useLegalRequirement(key);
  if (requirement.isPending) return <LoadingState />;
  if (isApiError(requirement.error, 404)) return <NotFound body={t("legal.notFound")} />;
  if (requirement.isError) return <ErrorAlert error={requirement.error} onRetry={() => void requirement.refetch()} />;
  return <RequirementDetail requirement={requirement.data} />;
}
