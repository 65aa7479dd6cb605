import { BOOKING_STATUSES, type BookingStatus, HEALTH_DAY_STATUSES, type HealthDayStatus } from "@bgm/domain";
import { Badge } from "@mantine/core";
import { useLocalized } from "../../../lib/use-localized";

const STATUS_COLORS: Record<HealthDayStatus, string> = {
  planning: "gray",
  preparation: "blue",
  registration_open: "green",
  live: "teal",
  done: "dark",
  cancelled: "red",
};

/** The day's status, labelled from the domain registry (German/English). */
export function HealthDayStatusBadge({ status }: { status: HealthDayStatus }) {
  const l = useLocalized();
  const entry = HEALTH_DAY_STATUSES.find((s) => s.key === status);
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" tt="none" data-testid="health-day-status">
      {entry ? l(entry.label) : status}
    </Badge>
  );
}

const BOOKING_COLORS: Record<BookingStatus, string> = { requested: "orange", pending: "yellow", confirmed: "green", declined: "red" };

/** A station's booking as the brief's card shows it: ✓ confirmed, ⏳ requested or pending, ✗ declined, with the word. */
export function BookingBadge({ status }: { status: BookingStatus }) {
  const l = useLocalized();
  const entry = BOOKING_STATUSES.find((s) => s.key === status);
  return (
    <Badge color={BOOKING_COLORS[status]} variant="light" tt="none" data-testid="booking-status" data-booking={status}>
      {entry ? `${entry.mark} ${l(entry.label)}` : status}
    </Badge>
  );
}
