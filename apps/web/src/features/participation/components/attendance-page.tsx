import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { TFunction } from "i18next";
import { useEffect, useState } from "react";
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
import { attendanceIsOpen, msUntilOpen, opensAtLabel } from "../attendance-window";
import { localizedError, participationError } from "../error-text";
import { formatShare, sessionMoment, sessionWhen } from "../format";
import { ConfirmModal } from "./confirm-modal";
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

/** Whether the doors are open (marks are taken); flips by itself when the page stays open until then. */
function useAttendanceOpen(opensAt: string): boolean {
  const [open, setOpen] = useState(() => attendanceIsOpen(opensAt));
  useEffect(() => {
    if (attendanceIsOpen(opensAt)) {
      setOpen(true);
      return;
    }
    setOpen(false);
    // A wait longer than a timer holds is cut short; the check then simply runs again.
    const timer = setTimeout(() => setOpen(attendanceIsOpen(opensAt)), msUntilOpen(opensAt));
    return () => clearTimeout(timer);
  }, [opensAt]);
  return open;
}

function AttendanceView({ interventionId, list }: { interventionId: string; list: AttendanceListResponse }) {
  const { t } = useTranslation();
  const mark = useMarkAttendance(list.session.id);
  const [walkIn, setWalkIn] = useState(false);
  const [removing, setRemoving] = useState<AttendanceRowItem | null>(null);
  const open = useAttendanceOpen(list.attendanceOpensAt);
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
          {!cancelled && !open ? (
            <Text fw={600} data-testid="attendance-opens-at">
              {t("participation.attendance.opensAt", { time: opensAtLabel(list.attendanceOpensAt) })}
            </Text>
          ) : null}
          {cancelled ? null : (
            <Group grow gap="sm">
              <Button
                {...TOGGLE}
                disabled={!anyOpen || !open}
                onClick={() =>
                  mark.mutate(
                    { kind: "all" },
                    { onError, onSuccess: () => notify({ color: "green", message: t("participation.attendance.allAttendedDone") }) },
                  )
                }
              >
                {t("participation.attendance.allAttended")}
              </Button>
              <Button {...TOGGLE} variant="default" disabled={!open} onClick={() => setWalkIn(true)}>
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
            marksOpen={open}
            onMark={(status) => mark.mutate({ kind: "one", employeeId: r.employeeId, status }, { onError })}
            onRemove={() => {
              mark.reset();
              setRemoving(r);
            }}
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
      <ConfirmModal
        opened={removing !== null}
        title={t("participation.attendance.removeWalkInTitle")}
        body={removing ? t("participation.attendance.removeWalkInConfirm", { name: fullName(removing) }) : ""}
        confirmLabel={t("participation.attendance.removeWalkIn")}
        loading={mark.isPending && mark.variables?.kind === "remove-walk-in"}
        error={mark.variables?.kind === "remove-walk-in" ? localizedError(mark.error, t) : null}
        onClose={() => setRemoving(null)}
        onConfirm={() => {
          if (!removing) return;
          const name = fullName(removing);
          mark.mutate(
            { kind: "remove-walk-in", employeeId: removing.employeeId },
            {
              onSuccess: () => {
                notify({ color: "green", message: t("participation.attendance.walkInRemoved", { name }) });
                setRemoving(null);
              },
            },
          );
        }}
      />
    </Stack>
  );
}

/**
 * One person: name, department, and two large toggles. Tapping the pressed one takes the mark back (always
 * possible); new marks wait until the doors open. A walk-in row can be taken out again (with a confirmation).
 */
function AttendanceRowView({
  row,
  disabled,
  marksOpen,
  onMark,
  onRemove,
}: {
  row: AttendanceRowItem;
  disabled: boolean;
  marksOpen: boolean;
  onMark: (status: "attended" | "no_show" | "registered") => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const name = fullName(row);
  const toggle = (status: "attended" | "no_show") => onMark(row.status === status ? "registered" : status);
  return (
    <Paper withBorder p="sm" component="li" data-testid="attendance-row" data-status={row.status}>
      <Stack gap={8}>
        <Group justify="space-between" gap="xs" wrap="wrap">
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
            disabled={disabled || (!marksOpen && row.status !== "attended")}
            onClick={() => toggle("attended")}
          >
            {t("participation.attendance.attended")}
          </Button>
          <Button
            {...TOGGLE}
            variant={row.status === "no_show" ? "filled" : "default"}
            color="red.9"
            aria-pressed={row.status === "no_show"}
            disabled={disabled || (!marksOpen && row.status !== "no_show")}
            onClick={() => toggle("no_show")}
          >
            {t("participation.attendance.noShow")}
          </Button>
        </Group>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          {row.changedByName && row.status !== "registered" ? (
            <Text size="xs" c="dimmed">
              {t("participation.attendance.changedBy", { name: row.changedByName, when: sessionMoment(row.changedAt) })}
            </Text>
          ) : (
            <span />
          )}
          {/* Only a walk-in can be taken out (a mistake at the door); anyone else's mark is taken back with the toggles. */}
          {row.walkIn ? (
            <Button
              variant="outline"
              color="red"
              size="sm"
              mih={44}
              style={{ flexShrink: 0 }}
              aria-label={t("participation.attendance.removeWalkInFor", { name })}
              onClick={onRemove}
            >
              {t("participation.attendance.removeWalkIn")}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}
