import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { LoadingState } from "../../../components/ui/loading-state";
import { NotFound } from "../../../components/ui/not-found";
import { PageHeader } from "../../../components/ui/page-header";
import { isApiError } from "../../../lib/api-client";
import { formatNumber } from "../../../lib/format";
import { notify } from "../../../lib/notify";
import { useAttendance, useMarkAttendance } from "../api/attendance";
import type { AttendanceListResponse, AttendanceRowItem } from "../api/types";
import { participationError } from "../error-text";
import { formatShare, sessionMoment, sessionWhen } from "../format";
import { WalkInModal } from "./walk-in-modal";

/** Large touch targets (at least 48 px high) whose labels wrap instead of being cut off on a narrow phone. */
const TOGGLE = {
  size: "lg",
  h: "auto",
  mih: 48,
  px: 8,
  py: 6,
  fz: "md",
  styles: { label: { whiteSpace: "normal", textAlign: "center", lineHeight: 1.2 } },
} as const;

/** The attendance list of one session, built for a phone at the door: big toggles, one tap each. */
export function AttendancePage() {
  const { t } = useTranslation();
  const { id = "", sessionId = "" } = useParams();
  const attendance = useAttendance(sessionId);
  if (attendance.isPending) return <LoadingState />;
  if (attendance.isError) {
    if ([400, 403, 404].some((status) => isApiError(attendance.error, status)))
      return <NotFound body={t("participation.attendance.notFound")} />;
    return <ErrorAlert error={attendance.error} onRetry={() => void attendance.refetch()} />;
  }
  return <AttendanceView interventionId={id} list={attendance.data} />;
}

function summaryLine(summary: AttendanceListResponse["summary"], t: TFunction): string {
  const counts = { attended: formatNumber(summary.attended), expected: formatNumber(summary.expected) };
  return summary.rate === null
    ? t("participation.attendance.summaryNoRate", counts)
    : t("participation.attendance.summary", { ...counts, rate: formatShare(summary.rate) });
}

const fullName = (r: AttendanceRowItem) => `${r.firstName} ${r.lastName}`.trim();

function AttendanceView({ interventionId, list }: { interventionId: string; list: AttendanceListResponse }) {
  const { t } = useTranslation();
  const mark = useMarkAttendance(list.session.id);
  const [walkIn, setWalkIn] = useState(false);
  const holders = list.rows.filter((r) => r.status !== "waitlisted" && r.status !== "cancelled");
  const waiting = list.rows.filter((r) => r.status === "waitlisted");
  const cancelled = list.session.status === "cancelled";
  const anyOpen = holders.some((r) => r.status === "registered");

  const onError = (error: Error) =>
    notify({ color: "red", message: t("participation.attendance.markFailed", { message: participationError(error, t) }) });

  return (
    <Stack gap="md" maw={720}>
      <div>
        <Anchor component={Link} to={`/interventions/${interventionId}`} size="sm">
          {t("participation.attendance.back")}
        </Anchor>
        <PageHeader title={t("participation.attendance.title")} description={`${list.interventionTitle} · ${sessionWhen(list.session)}`} />
      </div>
      {cancelled ? <Text c="red.9">{t("participation.attendance.sessionCancelled")}</Text> : null}
      <Paper withBorder p="sm" pos="sticky" top={60} style={{ zIndex: 2 }} bg="white">
        <Stack gap="sm">
          <Text fw={700} fz="lg" role="status" data-testid="attendance-summary">
            {summaryLine(list.summary, t)}
          </Text>
          {cancelled ? null : (
            <Group grow gap="sm">
              <Button
                {...TOGGLE}
                disabled={!anyOpen}
                onClick={() =>
                  mark.mutate(
                    { kind: "all" },
                    { onError, onSuccess: () => notify({ color: "green", message: t("participation.attendance.allAttendedDone") }) },
                  )
                }
              >
                {t("participation.attendance.allAttended")}
              </Button>
              <Button {...TOGGLE} variant="default" onClick={() => setWalkIn(true)}>
                {t("participation.attendance.addWalkIn")}
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>
      {holders.length === 0 ? <Text>{t("participation.attendance.nobody")}</Text> : null}
      <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: "none" }} data-testid="attendance-list">
        {holders.map((r) => (
          <AttendanceRowView
            key={r.employeeId}
            row={r}
            disabled={cancelled}
            onMark={(status) => mark.mutate({ kind: "one", employeeId: r.employeeId, status }, { onError })}
          />
        ))}
      </Stack>
      {waiting.length > 0 ? (
        <section aria-labelledby="waitlist-heading">
          <Title order={2} fz="h4" id="waitlist-heading" mb="xs">
            {t("participation.attendance.waitlistTitle")}
          </Title>
          <Stack gap={4} component="ol" m={0} pl="md">
            {waiting.map((r) => (
              <Text component="li" key={r.employeeId} size="sm">
                {fullName(r)}
                {r.department ? ` · ${r.department}` : ""}
              </Text>
            ))}
          </Stack>
        </section>
      ) : null}
      <WalkInModal
        opened={walkIn}
        onClose={() => setWalkIn(false)}
        sessionId={list.session.id}
        listed={new Set(list.rows.map((r) => r.employeeId))}
        onAdd={(employeeId, name) =>
          mark.mutate(
            { kind: "walk-in", employeeId },
            {
              onError,
              onSuccess: () => {
                notify({ color: "green", message: t("participation.attendance.walkInAdded", { name }) });
                setWalkIn(false);
              },
            },
          )
        }
        pending={mark.isPending}
      />
    </Stack>
  );
}

/** One person: name, department, and two large toggles. Tapping the pressed one takes the mark back. */
function AttendanceRowView({
  row,
  disabled,
  onMark,
}: {
  row: AttendanceRowItem;
  disabled: boolean;
  onMark: (status: "attended" | "no_show" | "registered") => void;
}) {
  const { t } = useTranslation();
  const name = fullName(row);
  const toggle = (status: "attended" | "no_show") => onMark(row.status === status ? "registered" : status);
  return (
    <Paper withBorder p="sm" component="li" data-testid="attendance-row" data-status={row.status}>
      <Stack gap={8}>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <div>
            <Text fw={600}>{name}</Text>
            {row.department ? (
              <Text size="sm" c="dimmed">
                {row.department}
              </Text>
            ) : null}
          </div>
          {row.walkIn ? (
            <Badge variant="light" color="grape" tt="none">
              {t("participation.attendance.walkIn")}
            </Badge>
          ) : null}
        </Group>
        <Group grow gap="xs" role="group" aria-label={name}>
          <Button
            {...TOGGLE}
            variant={row.status === "attended" ? "filled" : "default"}
            color="teal.9"
            aria-pressed={row.status === "attended"}
            disabled={disabled}
            onClick={() => toggle("attended")}
          >
            {t("participation.attendance.attended")}
          </Button>
          <Button
            {...TOGGLE}
            variant={row.status === "no_show" ? "filled" : "default"}
            color="red.9"
            aria-pressed={row.status === "no_show"}
            disabled={disabled}
            onClick={() => toggle("no_show")}
          >
            {t("participation.attendance.noShow")}
          </Button>
        </Group>
        {row.changedByName && row.status !== "registered" ? (
          <Text size="xs" c="dimmed">
            {t("participation.attendance.changedBy", { name: row.changedByName, when: sessionMoment(row.changedAt) })}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
