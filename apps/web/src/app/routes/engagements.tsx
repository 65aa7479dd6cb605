import { Button, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../components/ui/error-alert";
import { LoadMore } from "../../components/ui/load-more";
import { LoadingState } from "../../components/ui/loading-state";
import { PageHeader } from "../../components/ui/page-header";
import type { EngagementFilterValues as Filters } from "../../features/engagements";
import { EngagementFilters, EngagementsTable, useEngagements } from "../../features/engagements";
import { loadedItems } from "../../lib/cursor-pages";

interface EngagementListPageProps {
  side: "company" | "provider";
}

/** The company's engagement dashboard and the provider's inbox: one list, seen from either side. */
export function EngagementListPage({ side }: EngagementListPageProps) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>({ status: "", phase: "" });
  const list = useEngagements(filters);
  const items = loadedItems(list.data);
  const filtered = filters.status !== "" || filters.phase !== "";
  const title = side === "company" ? t("engagements.title") : t("engagements.inboxTitle");

  return (
    <Stack>
      <PageHeader
        title={title}
        description={side === "company" ? t("engagements.description") : t("engagements.inboxDescription")}
        actions={
          side === "company" ? (
            <Button component={Link} to="/marketplace" variant="default">
              {t("marketplaceNav.marketplace")}
            </Button>
          ) : null
        }
      />
      <EngagementFilters value={filters} onChange={setFilters} />
      {list.isPending ? <LoadingState /> : null}
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && items.length === 0 ? (
        <Text>
          {filtered ? t("engagements.emptyFiltered") : t("engagements.empty")}{" "}
          {side === "company" && !filtered ? t("engagements.emptyHint") : null}
        </Text>
      ) : null}
      {items.length > 0 ? <EngagementsTable items={items} side={side} caption={title} /> : null}
      <LoadMore query={list} />
    </Stack>
  );
}

export function EngagementsRoute() {
  return <EngagementListPage side="company" />;
}
