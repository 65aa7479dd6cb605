import { Button, Group, Paper, Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { LoadMore } from "../../../components/ui/load-more";
import { LoadingState } from "../../../components/ui/loading-state";
import { loadedItems } from "../../../lib/cursor-pages";
import { useAccessLog } from "../api/access-log";
import { AccessLogTable } from "./access-log-table";

interface Props {
  /** The grant the log is narrowed to, with its label for the heading; null for the whole log. */
  grant: { id: string; label: string } | null;
  onShowAll: () => void;
}

/** The company's access log, newest first, a page at a time: it grows with every partner request. */
export function AccessLogSection({ grant, onShowAll }: Props) {
  const { t } = useTranslation();
  const log = useAccessLog(grant ? { grantId: grant.id } : {});
  const title = grant ? `${t("dataSharing.page.accessLog")}: ${grant.label}` : t("dataSharing.page.accessLog");
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="access-log" id="access-log-section">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} fz="h3" id="access-log">
            {title}
          </Title>
          {grant ? (
            <Button variant="default" size="xs" onClick={onShowAll}>
              {t("dataSharing.page.showAllLog")}
            </Button>
          ) : null}
        </Group>
        {log.isPending ? <LoadingState /> : null}
        {log.isError ? <ErrorAlert error={log.error} onRetry={() => void log.refetch()} /> : null}
        {log.data ? <AccessLogTable entries={loadedItems(log.data)} caption={title} /> : null}
        <LoadMore query={log} />
      </Stack>
    </Paper>
  );
}
