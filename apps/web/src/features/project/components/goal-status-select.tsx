import type { Goal } from "@bgm/domain";
import { NativeSelect } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../components/ui/error-message";
import { useUpdateGoal } from "../api/update-goal";

const STATUSES: Goal["status"][] = ["active", "achieved", "dropped"];

/** Status changes save immediately: it is a single decision, not a form. */
export function GoalStatusSelect({ goal }: { goal: Goal }) {
  const { t } = useTranslation();
  const update = useUpdateGoal();
  return (
    <NativeSelect
      size="xs"
      aria-label={`${t("goals.status")}: ${goal.title}`}
      value={goal.status}
      disabled={update.isPending}
      data={STATUSES.map((s) => ({ value: s, label: t(`goals.statuses.${s}`) }))}
      onChange={(e) =>
        update.mutate(
          { id: goal.id, input: { status: e.currentTarget.value as Goal["status"] } },
          {
            onSuccess: () => notifications.show({ color: "green", message: t("goals.saved") }),
            onError: (err) => notifications.show({ color: "red", message: errorMessage(err, t) }),
          },
        )
      }
    />
  );
}
