import type { Goal } from "@bgm/domain";
import { NativeSelect } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../components/ui/error-message";
import { notify } from "../../../lib/notify";
import { useUpdateGoal } from "../api/update-goal";

const STATUSES: Goal["status"][] = ["active", "achieved", "dropped"];

/** Status changes save immediately: it is a single decision, not a form. */
export function GoalStatusSelect({ goal }: { goal: Goal }) {
  const { t } = useTranslation();
  const update = useUpdateGoal();
  // Keeps the chosen value on screen while saving instead of snapping back to the old one.
  const [pending, setPending] = useState<Goal["status"] | undefined>();
  return (
    <NativeSelect
      size="xs"
      aria-label={`${t("goals.status")}: ${goal.title}`}
      value={pending ?? goal.status}
      disabled={update.isPending}
      data={STATUSES.map((s) => ({ value: s, label: t(`goals.statuses.${s}`) }))}
      onChange={(e) => {
        const status = e.currentTarget.value as Goal["status"];
        setPending(status);
        update.mutate(
          { id: goal.id, input: { status } },
          {
            onSuccess: () => notify({ color: "green", message: t("goals.saved") }),
            onError: (err) => notify({ color: "red", message: errorMessage(err, t) }),
            onSettled: () => setPending(undefined),
          },
        );
      }}
    />
  );
}
