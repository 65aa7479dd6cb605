import type { Offering } from "@bgm/domain";
import { Button, Group, NativeSelect, SimpleGrid, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ErrorAlert } from "../../components/ui/error-alert";
import { LoadingState } from "../../components/ui/loading-state";
import { PageHeader } from "../../components/ui/page-header";
import { hasRole, useMe } from "../../features/auth";
import { RequestQuoteModal } from "../../features/engagements";
import type { MarketplaceFilterValues as FilterValues, MarketplaceSort } from "../../features/marketplace";
import {
  BuddyButton,
  MarketplaceFilters,
  OfferingCard,
  searchFromParams,
  searchToParams,
  sortFromParams,
  useOfferings,
  useRecommended,
} from "../../features/marketplace";
import { useLocalized } from "../../lib/use-localized";

const PAGE_SIZE = 12;

export function MarketplaceRoute() {
  const { t } = useTranslation();
  const l = useLocalized();
  const me = useMe().data;
  // "Empfohlen" ranks by the partner matching of the signed-in company: a BGM manager's default (issue 15).
  const isManager = me ? hasRole(me, ["bgm_manager"]) : false;
  const [params, setParams] = useSearchParams();
  const [sortChoice, setSortChoice] = useState<MarketplaceSort | null>(() => sortFromParams(params));
  // The dashboard links here with ?buddy=1 to open the partner buddy.
  const [openBuddy] = useState(() => params.get("buddy") === "1");
  const sort: MarketplaceSort = isManager ? (sortChoice ?? "recommended") : "default";
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
    const next = searchToParams(debounced, cursor, sortChoice).toString();
    if (next === written.current) return;
    written.current = next;
    setParams(new URLSearchParams(next), { replace: true });
  }, [debounced, cursor, sortChoice, setParams]);

  // A URL we did not write (the nav link, a suggestion link) replaces what is on screen.
  useEffect(() => {
    const current = params.toString();
    if (current === written.current) return;
    written.current = current;
    const next = searchFromParams(params);
    setFilters(next.filters);
    setCursor(next.cursor);
    setSortChoice(sortFromParams(params));
    setPrevious([]);
  }, [params]);

  const [requesting, setRequesting] = useState<Offering | null>(null);
  const query = { ...debounced, q: debounced.q.trim(), region: debounced.region.trim(), cursor, limit: PAGE_SIZE };
  // Only one of the two runs: the anonymous, cached discovery or the company's own ranking.
  const plain = useOfferings(query, me !== undefined && sort === "default");
  const recommended = useRecommended(query, me !== undefined && sort === "recommended");
  const list = sort === "recommended" ? recommended : plain;
  const cards =
    recommended.data && sort === "recommended"
      ? recommended.data.items.map((s) => ({ offering: s.offering, reasons: s.reasons.slice(0, 2).map((r) => l(r.text)) }))
      : (plain.data?.items.map((o) => ({ offering: o, reasons: undefined })) ?? []);
  const nextCursor = list.data?.nextCursor ?? null;
  const page = previous.length + 1;
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;

  return (
    <Stack>
      <PageHeader title={t("marketplace.title")} description={t("marketplace.description")} />
      {isManager ? (
        <Group align="flex-end" gap="sm">
          <NativeSelect
            label={t("marketplace.sort")}
            value={sort}
            data={[
              { value: "recommended", label: t("marketplace.sortRecommended") },
              { value: "default", label: t("marketplace.sortDefault") },
            ]}
            onChange={(e) => {
              setSortChoice(e.currentTarget.value as MarketplaceSort);
              setCursor(undefined);
              setPrevious([]);
            }}
            w={{ base: "100%", xs: 220 }}
          />
          <BuddyButton defaultOpened={openBuddy} />
        </Group>
      ) : null}
      <MarketplaceFilters
        value={filters}
        onChange={(v) => {
          setFilters(v);
          // Any filter change starts again at the first page: a cursor belongs to the list it was taken from.
          setCursor(undefined);
          setPrevious([]);
        }}
      />
      {list.isPending || me === undefined ? <LoadingState /> : null}
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
            {cards.map((c) => (
              <OfferingCard key={c.offering.id} offering={c.offering} reasons={c.reasons} headingOrder={2} onRequestQuote={setRequesting} />
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
