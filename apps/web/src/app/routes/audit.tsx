import { Button, Group, Stack, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/ui/error-alert";
import { LoadingState } from "../../components/ui/loading-state";
import { PageHeader } from "../../components/ui/page-header";
import { AuditTable, useAudit } from "../../features/audit";

const LIMIT = 50;

export function AuditRoute() {
  const { t } = useTranslation();
  const [entityType, setEntityType] = useState("");
  const [debouncedType] = useDebouncedValue(entityType.trim(), 300);
  // A stack of cursors lets "newer" go back without the API needing a backwards cursor.
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors[cursors.length - 1];
  const audit = useAudit({ entityType: debouncedType, cursor, limit: LIMIT });

  return (
    <Stack>
      <PageHeader title={t("audit.title")} description={t("audit.intro")} />
      <Group align="flex-end" role="search">
        <TextInput
          label={t("audit.entityType")}
          placeholder={t("audit.entityTypePlaceholder")}
          value={entityType}
          onChange={(e) => {
            setEntityType(e.currentTarget.value);
            setCursors([]);
          }}
          w={260}
        />
      </Group>
      {audit.isPending ? <LoadingState /> : null}
      {audit.isError ? <ErrorAlert error={audit.error} onRetry={() => void audit.refetch()} /> : null}
      {audit.data ? <AuditTable items={audit.data.items} /> : null}
      <Group justify="space-between">
        <Button variant="default" disabled={cursors.length === 0} onClick={() => setCursors([])}>
          {t("audit.newest")}
        </Button>
        <Button
          variant="default"
          disabled={!audit.data?.nextCursor}
          onClick={() => {
            const next = audit.data?.nextCursor;
            if (next) setCursors((c) => [...c, next]);
          }}
        >
          {t("audit.older")}
        </Button>
      </Group>
    </Stack>
  );
}
