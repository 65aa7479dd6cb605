import { Button, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/ui/error-alert";
import { LoadingState } from "../../components/ui/loading-state";
import { PageHeader } from "../../components/ui/page-header";
import { AccessLogSection, EXPORT_PDF_URL, exportCsvUrl, PartnerGrants, useDataGrants } from "../../features/data-sharing";
import { currentLanguage } from "../../lib/i18n";
import { useLocalized } from "../../lib/use-localized";

/** The company's record of every grant to a partner, with access totals, the paged access log, revoke and export (Art. 30 DSGVO). */
export function DataSharingRoute() {
  // Re-renders on a language change, so the CSV link follows it.
  const { t } = useTranslation();
  const grants = useDataGrants();
  const localized = useLocalized();
  const [logGrant, setLogGrant] = useState<{ id: string; label: string } | null>(null);
  // An export of no grants would be an empty document; the buttons appear once there is something in it.
  const hasGrants = (grants.data?.partners.length ?? 0) > 0;
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("dataSharing.page.title")}
        description={t("dataSharing.page.description")}
        actions={
          hasGrants ? (
            <>
              <Button component="a" href={exportCsvUrl(currentLanguage())} download variant="default">
                {t("dataSharing.page.exportCsv")}
              </Button>
              <Button component="a" href={EXPORT_PDF_URL} download variant="default">
                {t("dataSharing.page.exportPdf")}
              </Button>
            </>
          ) : null
        }
      />
      {grants.isPending ? <LoadingState /> : null}
      {grants.isError ? <ErrorAlert error={grants.error} onRetry={() => void grants.refetch()} /> : null}
      {grants.data && grants.data.partners.length === 0 ? <Text>{t("dataSharing.page.empty")}</Text> : null}
      {grants.data?.partners.map((partner) => (
        <PartnerGrants
          key={partner.providerOrgId}
          partner={partner}
          onShowLog={(grant) => {
            setLogGrant({ id: grant.id, label: `${localized(grant.label)} – ${partner.providerName}` });
            document.getElementById("access-log-section")?.scrollIntoView({ behavior: "smooth" });
          }}
        />
      ))}
      {hasGrants ? <AccessLogSection grant={logGrant} onShowAll={() => setLogGrant(null)} /> : null}
    </Stack>
  );
}
