import type { Offering } from "@bgm/domain";
import { Alert, Button, Stack } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/ui/error-alert";
import { LoadMore } from "../../components/ui/load-more";
import { LoadingState } from "../../components/ui/loading-state";
import { PageHeader } from "../../components/ui/page-header";
import { hasRole, useMe } from "../../features/auth";
import { OfferingFormModal, OfferingStatsTable, OwnOfferingsTable, useOwnOfferings } from "../../features/marketplace";
import { loadedItems } from "../../lib/cursor-pages";

export function PartnerOfferingsRoute() {
  const { t } = useTranslation();
  const me = useMe().data;
  const offerings = useOwnOfferings();
  const [creating, createModal] = useDisclosure();
  const [editing, setEditing] = useState<Offering | undefined>();
  // Only partner admins may write (the API says the same); members see the list.
  const canEdit = me ? hasRole(me, ["partner_admin"]) : false;

  return (
    <Stack>
      <PageHeader
        title={t("partner.offeringsTitle")}
        description={t("partner.offeringsDescription")}
        actions={canEdit ? <Button onClick={createModal.open}>{t("partner.newOffering")}</Button> : null}
      />
      {!canEdit ? <Alert color="gray">{t("partner.readOnly")}</Alert> : null}
      {offerings.isPending ? <LoadingState /> : null}
      {offerings.isError ? <ErrorAlert error={offerings.error} onRetry={() => void offerings.refetch()} /> : null}
      {offerings.data ? <OwnOfferingsTable offerings={loadedItems(offerings.data)} canEdit={canEdit} onEdit={setEditing} /> : null}
      <LoadMore query={offerings} />
      {offerings.data ? <OfferingStatsTable titles={new Map(loadedItems(offerings.data).map((o) => [o.id, o.title]))} /> : null}
      <OfferingFormModal opened={creating} onClose={createModal.close} />
      <OfferingFormModal opened={editing !== undefined} offering={editing} onClose={() => setEditing(undefined)} />
    </Stack>
  );
}
