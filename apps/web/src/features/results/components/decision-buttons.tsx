import { Alert, Button, Group, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../components/ui/error-message";
import { notify } from "../../../lib/notify";
import { useDecideResult } from "../api/decide-result";
import type { PartnerResultItem } from "../api/types";
import { RequestChangesModal } from "./request-changes-modal";

/** The company's answer to a version: accept a submitted one, or send it back (even once accepted). */
export function DecisionButtons({ result }: { result: PartnerResultItem }) {
  const { t } = useTranslation();
  const decide = useDecideResult(result.engagementId);
  const [requesting, setRequesting] = useState(false);
  if (result.status !== "submitted" && result.status !== "accepted") return null;
  const named = { type: t(`offering.outputTypes.${result.outputType}`), version: result.version };

  function accept() {
    decide.mutate(
      { resultId: result.id, decision: "accept", reason: "" },
      { onSuccess: () => notify({ color: "green", message: t("results.acceptedToast") }) },
    );
  }

  return (
    <Stack gap="xs">
      {decide.error ? (
        <Alert color="red" role="alert">
          {errorMessage(decide.error, t)}
        </Alert>
      ) : null}
      <Group gap="sm">
        {result.status === "submitted" ? (
          <Button size="xs" onClick={accept} loading={decide.isPending} aria-label={t("results.acceptNamed", named)}>
            {t("results.accept")}
          </Button>
        ) : null}
        <Button
          size="xs"
          variant="outline"
          color="orange"
          onClick={() => setRequesting(true)}
          aria-label={t("results.requestChangesFor", named)}
        >
          {t("results.requestChanges")}
        </Button>
      </Group>
      <RequestChangesModal result={result} opened={requesting} onClose={() => setRequesting(false)} />
    </Stack>
  );
}
