import { AUDIT_AREA_LABELS, AUDIT_AREAS, type AuditArea } from "@bgm/domain";
import { Button, Group, NativeSelect, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/ui/error-alert";
import { LoadingState } from "../../components/ui/loading-state";
import { PageHeader } from "../../components/ui/page-header";
import { AuditEntries, useAudit } from "../../features/audit";
import { languageOf } from "../../lib/language";

const LIMIT = 50;

export function AuditRoute() {
  const { t, i18n } = useTranslation();
  const lang = languageOf(i18n.language);
  const [area, setArea] = useState<AuditArea | "">("");
  // A stack of cursors lets "newer" go back without the API needing a backwards cursor.
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors[cursors.length - 1];
  const audit = useAudit({ ...(area ? { area } : {}), cursor, limit: LIMIT });

  return (
    <Stack>
      <PageHeader title={t("audit.title")} description={t("audit.intro")} />
      <Group align="flex-end" role="search">
        <NativeSelect
          label={t("audit.area")}
          value={area}
          onChange={(e) => {
            setArea(e.currentTarget.value as AuditArea | "");
            setCursors([]);
          }}
          data={[{ value: "", label: t("audit.allAreas") }, ...AUDIT_AREAS.map((a) => ({ value: a, label: AUDIT_AREA_LABELS[a][lang] }))]}
          w={{ base: "100%", xs: 280 }}
        />
      </Group>
      {audit.isPending ? <LoadingState /> : null}
      {audit.isError ? <ErrorAlert error={audit.error} onRetry={() => void audit.refetch()} /> : null}
      {audit.data ? <AuditEntries items={audit.data.items} /> : null}
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
