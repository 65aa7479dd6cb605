import type { EngagementStatus } from "@bgm/domain";
import { Text, Timeline, Title } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime } from "../../../lib/format";
import { formatEuro } from "../../../lib/money";
import { useOutputTypeLabel } from "../../../lib/output-type-label";
import type { TimelineItem } from "../api/types";

const KNOWN = new Set([
  "created",
  "decline",
  "request_revision",
  "accept_quote",
  "reject_quote",
  "start",
  "mark_delivered",
  "request_changes",
  "complete",
  "cancel",
  "expire",
  "message",
]);

/** Partner results on the timeline name the output type and version. */
const RESULT_EVENTS = new Set(["result_submitted", "result_accepted", "result_changes_requested", "result_auto_accepted"]);

function eventTitle(e: TimelineItem, t: TFunction, outputLabel: (key: string) => string): string {
  if (e.kind === "send_quote") {
    const price = typeof e.data.priceCents === "number" ? formatEuro(e.data.priceCents) : "";
    const validUntil = typeof e.data.validUntil === "string" ? formatDate(e.data.validUntil) : "";
    return t("engagements.events.send_quote", { price, validUntil });
  }
  if (e.kind === "progress") return t("engagements.events.progress", { percent: Number(e.data.percent ?? 0) });
  if (RESULT_EVENTS.has(e.kind)) {
    const type = typeof e.data.outputType === "string" ? e.data.outputType : "";
    const label = type ? outputLabel(type) : "";
    return t(`engagements.events.${e.kind as "result_submitted"}`, { label, version: Number(e.data.version ?? 1) });
  }
  if (KNOWN.has(e.kind)) return t(`engagements.events.${e.kind as "created"}`);
  return t("engagements.events.other", { kind: e.kind });
}

/** Everything that happened, oldest first, the same for both sides. */
export function EngagementTimeline({ events }: { events: TimelineItem[] }) {
  const { t } = useTranslation();
  const outputLabel = useOutputTypeLabel();
  const status = (s: string | null) => (s ? t(`engagements.statuses.${s as EngagementStatus}`) : "");
  return (
    <section aria-labelledby="timeline-heading">
      <Title order={2} fz="h4" id="timeline-heading" mb="sm">
        {t("engagements.timeline")}
      </Title>
      {events.length === 0 ? <Text>{t("engagements.timelineEmpty")}</Text> : null}
      <Timeline active={events.length - 1} bulletSize={14} lineWidth={2} data-testid="engagement-timeline">
        {events.map((e) => (
          <Timeline.Item key={e.id} title={eventTitle(e, t, outputLabel)} data-testid="timeline-event" data-kind={e.kind}>
            <Text size="sm" c="dimmed">
              {formatDateTime(e.at)} · {e.actorName ?? t(`engagements.sides.${e.actorSide}`)} ({t(`engagements.sides.${e.actorSide}`)})
              {e.fromStatus && e.toStatus
                ? ` · ${t("engagements.statusChange", { from: status(e.fromStatus), to: status(e.toStatus) })}`
                : null}
            </Text>
            {e.message ? (
              <Text size="sm" mt={4} style={{ whiteSpace: "pre-wrap" }}>
                {e.message}
              </Text>
            ) : null}
          </Timeline.Item>
        ))}
      </Timeline>
    </section>
  );
}
