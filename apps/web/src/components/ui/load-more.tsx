import { Button, Center } from "@mantine/core";
import { useTranslation } from "react-i18next";

interface LoadMoreProps {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
}

/** The "load more" of every list that can outgrow a page; nothing when the last page is loaded. */
export function LoadMore({ query }: LoadMoreProps) {
  const { t } = useTranslation();
  if (!query.hasNextPage) return null;
  return (
    <Center>
      <Button variant="default" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()} data-testid="load-more">
        {t("common.loadMore")}
      </Button>
    </Center>
  );
}
