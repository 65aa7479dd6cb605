import type { Offering } from "@bgm/domain";
import { Button, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ErrorAlert } from "../../components/ui/error-alert";
import { LoadingState } from "../../components/ui/loading-state";
import { PageHeader } from "../../components/ui/page-header";
import { RequestQuoteModal } from "../../features/engagements";
import type { MarketplaceFilterValues as FilterValues } from "../../features/marketplace";
import { MarketplaceFilters, OfferingCard, searchFromParams, searchToParams, useOfferings } from "../../features/marketplace";

const PAGE_SIZE = 12;

export function MarketplaceRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  // Filters and page are kept here while typing and mirrored into the URL (see filter-params.ts);
  // a suggestion widget links here with its phase preselected the same way.
  const [initial] = useState(() => searchFromParams(params));
  const [filters, setFilters] = useState<FilterValues>(initial.filters);
  const [cursor, setCursor] = useState(initial.cursor);
  // Cursors of the pages before this one, for "previous"; after a reload only "back to start" remains.
  const [previous, setPrevious] = useState<(string | undefined)[]>([]);
  const [debounced] = useDebouncedValue(filters, 300);
  const written = useRef(params.toString());

  // Replacing (not pushing) the entry: Back leaves the marketplace instead of undoing keystrokes.
  useEffect(() => {
    const next = searchToParams(debounced, cursor).toString();
    if (next === written.current) return;
    written.current = next;
    setParams(new URLSearchParams(next), { replace: true });
  }, [debounced, cursor, setParams]);

  // A URL we did not write (the nav link, a suggestion link) replaces what is on screen.
  useEffect(() => {
    const current = params.toString();
    if (current === written.current) return;
    written.current = current;
    const next = searchFromParams(params);
    setFilters(next.filters);
    setCursor(next.cursor);
    setPrevious([]);
  }, [params]);

  const [requesting, setRequesting] = useState<Offering | null>(null);
  const list = useOfferings({ ...debounced, q: debounced.q.trim(), region: debounced.region.trim(), cursor, limit: PAGE_SIZE });
  const nextCursor = list.data?.nextCursor ?? null;
  const page = previous.length + 1;
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;

  return (
    <Stack>
      <PageHeader title={t("marketplace.title")} description={t("marketplace.description")} />
      <MarketplaceFilters
        value={filters}
        onChange={(v) => {
          setFilters(v);
          // Any filter change starts again at the first page: a cursor belongs to the list it was taken from.
          setCursor(undefined);
          setPrevious([]);
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
          {list.data.didYouMean ? (
            <Button
              variant="subtle"
              px={0}
              data-testid="did-you-mean"
              onClick={() => {
                const q = list.data.didYouMean ?? "";
                setFilters((f) => ({ ...f, q }));
                setCursor(undefined);
                setPrevious([]);
              }}
            >
              {t("marketplace.didYouMean", { text: list.data.didYouMean })}
            </Button>
          ) : null}
          <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
            {list.data.items.map((o) => (
              <OfferingCard key={o.id} offering={o} headingOrder={2} onRequestQuote={setRequesting} />
            ))}
          </SimpleGrid>
          {nextCursor !== null || cursor !== undefined ? (
            <Group justify="center" mt="md" component="nav" aria-label={t("marketplace.pagination")}>
              {previous.length > 0 || cursor === undefined ? (
                <Button
                  variant="default"
                  disabled={cursor === undefined}
                  onClick={() => {
                    setCursor(previous.at(-1));
                    setPrevious((p) => p.slice(0, -1));
                  }}
                >
                  {t("common.previous")}
                </Button>
              ) : (
                <Button variant="default" onClick={() => setCursor(undefined)}>
                  {t("common.first")}
                </Button>
              )}
              {cursor === undefined || previous.length > 0 ? (
                <Text size="sm" aria-live="polite">
                  {t("common.page", { page, pages: Math.max(page, pages) })}
                </Text>
              ) : null}
              <Button
                variant="default"
                disabled={nextCursor === null}
                onClick={() => {
                  if (nextCursor === null) return;
                  setPrevious((p) => [...p, cursor]);
                  setCursor(nextCursor);
                }}
              >
                {t("common.next")}
              </Button>
            </Group>
          ) : null}
        </section>
      ) : null}
      <RequestQuoteModal offering={requesting} onClose={() => setRequesting(null)} />
    </Stack>
  );
}
