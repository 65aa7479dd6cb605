import { Button, Collapse, Paper, Stack, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { PartnerResultItem } from "../api/types";
import { ResultVersion, type ResultViewer } from "./result-version";

interface ResultTypeGroupProps {
  /** All versions of one output type, newest first. */
  versions: PartnerResultItem[];
  viewer: ResultViewer;
}

/** The newest version in full; older ones behind a toggle, since only the newest can still change. */
export function ResultTypeGroup({ versions, viewer }: ResultTypeGroupProps) {
  const { t } = useTranslation();
  const [showOlder, { toggle }] = useDisclosure(false);
  const olderId = useId();
  const [latest, ...older] = versions;
  if (!latest) return null;
  const headingId = `${olderId}-heading`;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={3} fz="h5" id={headingId}>
          {t(`offering.outputTypes.${latest.outputType}`)}
        </Title>
        <ResultVersion result={latest} viewer={viewer} />
        {older.length > 0 ? (
          <>
            <Button variant="subtle" size="xs" onClick={toggle} aria-expanded={showOlder} aria-controls={olderId} w="fit-content">
              {t("results.olderVersions", { count: older.length })}
            </Button>
            <Collapse expanded={showOlder} id={olderId}>
              <Stack gap="sm">
                {older.map((r) => (
                  <ResultVersion key={r.id} result={r} viewer={viewer} />
                ))}
              </Stack>
            </Collapse>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
