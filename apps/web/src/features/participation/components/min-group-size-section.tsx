import { Button, Group, NativeSelect, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { LoadingState } from "../../../components/ui/loading-state";
import { ApiError, isApiError } from "../../../lib/api-client";
import { formatDateTime, formatNumber } from "../../../lib/format";
import { notify } from "../../../lib/notify";
import { useDisclosureSettings, useRaiseMinGroupSize } from "../api/disclosure";
import { raiseOptions } from "../min-group-size";
import { ConfirmModal } from "./confirm-modal";

/**
 * The company's minimum group size for participation figures (reports, partner views, the insurer report).
 * It can only be raised, which is what employees were promised; the choice offers no smaller value and a
 * raise is confirmed first because there is no way back.
 */
export function MinGroupSizeSection() {
  const { t } = useTranslation();
  const settings = useDisclosureSettings();
  const raise = useRaiseMinGroupSize();
  const [chosen, setChosen] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const data = settings.data;
  const current = data?.minGroupSize;
  const next = chosen ?? current;
  // Someone else raised it meanwhile (409): say so in the UI language; the settings are read again.
  const raiseError = isApiError(raise.error, 409)
    ? new ApiError(409, "participation", t("participation.settings.minGroupChanged"))
    : raise.error;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="min-group-heading" data-testid="min-group-size">
      <Title order={2} fz="h3" id="min-group-heading" mb="xs">
        {t("participation.settings.minGroupTitle")}
      </Title>
      {settings.isPending ? <LoadingState /> : null}
      {settings.isError ? <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} /> : null}
      {data && current !== undefined ? (
        <Stack gap="sm">
          <Text>{t("participation.settings.minGroupExplain", { min: formatNumber(current) })}</Text>
          <Text size="sm" c="dimmed">
            {t("participation.settings.minGroupOnlyRaise", {
              default: formatNumber(data.defaultMinGroupSize),
              max: formatNumber(data.maxMinGroupSize),
            })}
          </Text>
          {data.updatedAt ? (
            <Text size="sm" c="dimmed">
              {t("participation.settings.minGroupUpdated", { when: formatDateTime(data.updatedAt) })}
            </Text>
          ) : null}
          <Group align="flex-end" gap="sm" wrap="wrap">
            <NativeSelect
              label={t("participation.settings.minGroupLabel")}
              value={String(next)}
              onChange={(e) => setChosen(Number(e.currentTarget.value))}
              data={raiseOptions(current, data.maxMinGroupSize).map((n) => ({
                value: String(n),
                label: n === current ? t("participation.settings.minGroupCurrent", { min: formatNumber(n) }) : formatNumber(n),
              }))}
              disabled={current >= data.maxMinGroupSize}
              w={220}
            />
            <Button onClick={() => setConfirming(true)} disabled={next === undefined || next <= current}>
              {t("participation.settings.minGroupRaise")}
            </Button>
          </Group>
        </Stack>
      ) : null}
      <ConfirmModal
        opened={confirming}
        title={t("participation.settings.minGroupConfirmTitle")}
        body={t("participation.settings.minGroupConfirm", { from: formatNumber(current ?? 0), to: formatNumber(next ?? 0) })}
        confirmLabel={t("participation.settings.minGroupRaiseTo", { min: formatNumber(next ?? 0) })}
        danger={false}
        loading={raise.isPending}
        error={raiseError}
        onClose={() => {
          setConfirming(false);
          raise.reset();
        }}
        onConfirm={() =>
          next !== undefined &&
          raise.mutate(
            { minGroupSize: next },
            {
              onError: (err) => {
                if (isApiError(err, 409)) void settings.refetch();
              },
              onSuccess: (s) => {
                setConfirming(false);
                setChosen(null);
                notify({ color: "green", message: t("participation.settings.minGroupRaised", { min: formatNumber(s.minGroupSize) }) });
              },
            },
          )
        }
      />
    </Paper>
  );
}
