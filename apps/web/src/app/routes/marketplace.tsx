import type { Offering } from "@bgm/domain";
import { Group, Pagination, SimpleGrid, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ErrorAlert } from "../../components/ui/error-alert";
import { LoadingState } from "../../components/ui/loading-state";
import { PageHeader } from "../../components/ui/page-header";
import { RequestQuoteModal } from "../../features/engagements/components/request-quote-modal";
import { useOfferings } from "../../features/marketplace/api/get-offerings";
import { type FilterValues, MarketplaceFilters } from "../../features/marketplace/components/marketplace-filters";
import { OfferingCard } from "../../features/marketplace/components/offering-card";
import { searchFromParams, searchToParams } from "../../features/marketplace/filter-params";

const PAGE_SIZE = 12;

export function MarketplaceRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  // Filters and page are kept here while typing and mirrored into the URL (see filter-params.ts);
  // a suggestion widget links here with its phase preselected the same way.
  const [initial] = useState(() => searchFromParams(params));
  const [filters, setFilters] = useState<FilterValues>(initial.filters);
  const [page, setPage] = useState(initial.page);
  const [debounced] = useDebouncedValue(filters, 300);
  const written = useRef(params.toString());

  // Replacing (not pushing) the entry: Back leaves the marketplace instead of undoing keystrokes.
  useEffect(() => {
    const next = searchToParams(debounced, page).toString();
    if (next === written.current) return;
    written.current = next;
    setParams(new URLSearchParams(next), { replace: true });
  }, [debounced, page, setParams]);

  // A URL we did not write (the nav link, a suggestion link) replaces what is on screen.
  useEffect(() => {
    const current = params.toString();
    if (current === written.current) return;
    written.current = current;
    const next = searchFromParams(params);
    setFilters(next.filters);
    setPage(next.page);
  }, [params]);

  const [requesting, setRequesting] = useState<Offering | null>(null);
  const list = useOfferings({ ...debounced, q: debounced.q.trim(), region: debounced.region.trim(), page, pageSize: PAGE_SIZE });
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;

  return (
    <Stack>
      <PageHeader title={t("marketplace.title")} description={t("marketplace.description")} />
      <MarketplaceFilters
        value={filters}
        onChange={(v) => {
          setFilters(v);
          // Any filter change starts again at page 1, otherwise the current page may not exist any more.
          setPage(1);
        }}
      />
      {list.isPending ? <LoadingState /> : null}
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data ? (
        <section aria-label={t("marketplace.results")}>
          <Text size="sm" role="status" mb="sm" data-testid="offerings-total">
            {t("marketplace.total", { count: list.data.total })}
          </Text>
          {list.data.items.length === 0 ? <Text>{t("marketplace.empty")}</Text> : null}
          <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
            {list.data.items.map((o) => (
              <OfferingCard key={o.id} offering={o} headingOrder={2} onRequestQuote={setRequesting} />
            ))}
          </SimpleGrid>
          {pages > 1 ? (
            <Group justify="center" mt="md">
              <Pagination
                total={pages}
                value={page}
                onChange={setPage}
                getControlProps={(control) => ({
                  "aria-label": control === "previous" ? t("common.previous") : control === "next" ? t("common.next") : undefined,
                })}
                getItemProps={(p) => ({ "aria-label": t("common.page", { page: p, pages }) })}
                aria-label={t("marketplace.pagination")}
              />
            </Group>
          ) : null}
        </section>
      ) : null}
      <RequestQuoteModal offering={requesting} onClose={() => setRequesting(null)} />
    </Stack>
  );
}
