import { type LegalRequirement, REOPEN_TRIGGERS } from "@bgm/domain";
import { Text, Timeline, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../lib/format";
import { useLocalized } from "../../../lib/use-localized";

export function EventsList({ events }: { events: LegalRequirement["events"] }) {
  const { t } = useTranslation();
  const l = useLocalized();
  return (
    <section aria-labelledby="events-heading">
      <Title order={2} fz="h3" id="events-heading" mb="sm">
        {t("legal.events")}
      </Title>
      {events.length === 0 ? (
        <Text>{t("legal.noEvents")}</Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2}>
          {[...events]
            .sort((a, b) => b.at.localeCompare(a.at))
            .map((event) => {
              const trigger = REOPEN_TRIGGERS.find((tr) => tr.key === event.kind);
              const title = trigger
                ? l(trigger.label)
                : event.kind === "completed" || event.kind === "reopened"
                  ? t(`legal.eventKinds.${event.kind}`)
                  : event.kind;
              return (
                <Timeline.Item key={event.id} title={title}>
                  <Text size="sm">{formatDateTime(event.at)}</Text>
                  {event.note ? <Text size="sm">{event.note}</Text> : null}
                </Timeline.Item>
              );
            })}
        </Timeline>
      )}
    </section>
  );
}
