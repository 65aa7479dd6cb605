import { PARTICIPATION_STATUSES, type ParticipationStatusKey } from "@bgm/domain";
import { Badge } from "@mantine/core";
import { useLocalized } from "../../../lib/use-localized";

const COLORS: Record<ParticipationStatusKey, string> = {
  registered: "blue",
  waitlisted: "orange",
  cancelled: "gray",
  attended: "green",
  no_show: "red",
};

/** One employee's place in one session, labelled from the domain registry (German/English). */
export function ParticipationStatusBadge({ status }: { status: ParticipationStatusKey }) {
  const l = useLocalized();
  const entry = PARTICIPATION_STATUSES.find((s) => s.key === status);
  return (
    <Badge color={COLORS[status]} variant="light" tt="none" data-testid="participation-status">
      {entry ? l(entry.label) : status}
    </Badge>
  );
}
