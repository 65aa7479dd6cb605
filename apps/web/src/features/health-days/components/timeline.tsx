import { Badge, Button, Group, NativeSelect, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../../lib/format";
import type { HealthDayDetail } from "../api/types";
import { slotDayAndTime, slotTime } from "../format";
import { slotCounter, type TimelineDay, type TimelineEntry, timelineByLocation } from "../timeline";
import { BookingBadge } from "./badges";
import { type SlotAdder, SlotFormModal } from "./slot-form-modal";

function SlotRow({ entry, multiDay }: { entry: TimelineEntry; multiDay: boolean }) {
  const { t } = useTranslation();
  const { slot, station, conflicts } = entry;
  const c = slotCounter(slot);
  const cancelled = slot.status === "cancelled";
  return (
    <Paper component="li" withBorder p="xs" data-testid="timeline-slot" data-slot-id={slot.id}>
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          <Text fw={600} ff="monospace" size="sm" td={cancelled ? "line-through" : undefined}>
            {multiDay ? slotDayAndTime(slot.startsAt, slot.endsAt) : slotTime(slot.startsAt, slot.endsAt)}
          </Text>
          <Text size="sm" fw={500}>
            {station.title}
          </Text>
          <Text size="sm" c="dimmed">
            {station.providerName}
          </Text>
          <BookingBadge status={station.bookingStatus} />
        </Group>
        <Group gap="xs" wrap="wrap">
          {cancelled ? (
            <Badge color="gray" variant="light" tt="none">
              {t("healthDays.timeline.cancelled")}
            </Badge>
          ) : (
            <Text size="sm" data-testid="slot-counter">
              {t("healthDays.timeline.counter", { held: formatNumber(c.held), capacity: formatNumber(c.capacity) })}
              {c.full ? ` · ${t("healthDays.timeline.full")}` : ""}
            </Text>
          )}
          {c.waiting > 0 ? (
            <Text size="sm" c="dimmed">
              {t("healthDays.timeline.waiting", { count: c.waiting })}
            </Text>
          ) : null}
        </Group>
        {conflicts.length > 0 ? (
          <Group gap={4} wrap="wrap" role="group" aria-label={t("healthDays.timeline.conflicts")} data-testid="timeline-conflicts">
            {conflicts.map((k) => (
              <Badge key={`${k.kind}-${k.slotId}-${k.otherSlotId}`} color="red" variant="light" tt="none" title={k.message}>
                ⚠ {t(`healthDays.conflict.${k.kind}`)}
              </Badge>
            ))}
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}

/**
 * The day's plan per room, slots in time order, each with its counter and the conflicts the API reports;
 * one "add a time slot" button per station opens a plain form (no drag and drop needed on a phone).
 */
export function Timeline(props: { day: HealthDayDetail } | { day: TimelineDay; editable: boolean; adder: SlotAdder }) {
  const { t } = useTranslation();
  const { day } = props;
  const [station, setStation] = useState<TimelineDay["modules"][number] | null>(null);
  const [pick, setPick] = useState("");
  const lanes = timelineByLocation(day);
  // The planner's page says itself whether it may add slots, and adds them through its booking.
  const editable = "adder" in props ? props.editable : props.day.allowedActions.length > 0;
  const multiDay = day.startsOn !== day.endsOn;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="health-day-timeline-heading">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="health-day-timeline-heading">
          {t("healthDays.timeline.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("healthDays.timeline.intro")}
        </Text>
        {editable && day.modules.length > 0 ? (
          <Group gap="xs" align="flex-end" wrap="wrap">
            <NativeSelect
              label={t("healthDays.timeline.station")}
              value={pick}
              onChange={(e) => setPick(e.currentTarget.value)}
              data={day.modules.map((m) => ({ value: m.id, label: m.title }))}
            />
            <Button variant="light" onClick={() => setStation(day.modules.find((m) => m.id === pick) ?? day.modules[0] ?? null)}>
              {t("healthDays.timeline.addSlot")}
            </Button>
          </Group>
        ) : null}
        {lanes.map((lane) => (
          <Stack key={lane.location || "-"} gap={6} data-testid="timeline-lane">
            <Title order={3} fz="h5">
              {lane.location || t("healthDays.timeline.noRoom")}
            </Title>
            {lane.entries.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t("healthDays.timeline.noSlots")}
              </Text>
            ) : (
              <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: "none" }}>
                {lane.entries.map((e) => (
                  <SlotRow key={e.slot.id} entry={e} multiDay={multiDay} />
                ))}
              </Stack>
            )}
          </Stack>
        ))}
      </Stack>
      <SlotFormModal day={day} station={station} onClose={() => setStation(null)} adder={"adder" in props ? props.adder : undefined} />
    </Paper>
  );
}
