import type { ModuleApproval } from "@bgm/domain";
import { Badge, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type ApprovalMark, approvalMarks } from "../planner-view";

const COLORS: Record<ApprovalMark, string> = { pending: "orange", approved: "green", rejected: "red", byPlanner: "grape" };

/** Full-service mode: "Freigabe ausstehend" / "Freigegeben" / "Abgelehnt" and "vom Planer"; nothing for the company's own stations. */
export function ApprovalBadges({ station }: { station: { approval: ModuleApproval; addedByPlanner: boolean } }) {
  const { t } = useTranslation();
  const marks = approvalMarks(station);
  if (marks.length === 0) return null;
  return (
    <Group gap={4} wrap="wrap">
      {marks.map((m) => (
        <Badge key={m} color={COLORS[m]} variant="light" tt="none" data-testid="approval-status" data-approval={m}>
          {t(`healthDays.approval.${m}`)}
        </Badge>
      ))}
    </Group>
  );
}
