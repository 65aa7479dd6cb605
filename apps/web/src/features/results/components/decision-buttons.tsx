import { Button, Group } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PartnerResultItem } from "../api/types";
import { AcceptResultModal } from "./accept-result-modal";
import { RequestChangesModal } from "./request-changes-modal";

/** The company's answer to a version: accept a submitted one, or send it back (even once accepted). */
export function DecisionButtons({ result }: { result: PartnerResultItem }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<"accept" | "request_changes" | null>(null);
  if (result.status !== "submitted" && result.status !== "accepted") return null;
  const named = { type: t(`offering.outputTypes.${result.outputType}`), version: result.version };
  // Sending back an accepted version also takes it out of where it landed; the label says so up front.
  const withdraws = result.status === "accepted";
  const close = () => setDialog(null);

  return (
    <>
      <Group gap="sm">
        {result.status === "submitted" ? (
          <Button size="xs" onClick={() => setDialog("accept")} aria-label={t("results.acceptNamed", named)}>
            {t("results.accept")}
          </Button>
        ) : null}
        <Button
          size="xs"
          variant="outline"
          color="orange"
          onClick={() => setDialog("request_changes")}
          aria-label={t(withdraws ? "results.requestChangesWithdrawFor" : "results.requestChangesFor", named)}
        >
          {t(withdraws ? "results.requestChangesWithdraw" : "results.requestChanges")}
        </Button>
      </Group>
      <AcceptResultModal result={result} opened={dialog === "accept"} onClose={close} />
      <RequestChangesModal result={result} opened={dialog === "request_changes"} onClose={close} />
    </>
  );
}
