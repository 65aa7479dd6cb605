import { Alert, Button } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { errorMessage } from "./error-message";

interface ErrorAlertProps {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}

export function ErrorAlert({ error, onRetry, title }: ErrorAlertProps) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={title ?? t("common.errorTitle")} role="alert" my="sm">
      {errorMessage(error, t)}
      {onRetry ? (
        <Button variant="outline" color="red" size="xs" ml="sm" onClick={onRetry}>
          {t("common.retry")}
        </Button>
      ) : null}
    </Alert>
  );
}
