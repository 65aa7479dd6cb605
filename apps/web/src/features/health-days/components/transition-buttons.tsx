import { HEALTH_DAY_STATUSES, HEALTH_DAY_TRANSITIONS, type HealthDayAction } from "@bgm/domain";
import { Button, Group, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormModal, ModalForm } from "../../../components/ui/form-modal";
import { notify } from "../../../lib/notify";
import { useLocalized } from "../../../lib/use-localized";
import { useTransitionHealthDay } from "../api/health-days";
import type { HealthDayDetail } from "../api/types";
import { healthDayError, localizedError } from "../error-text";

/** The actions the API allows now (`allowedActions`), as buttons; cancelling asks first (people are told by mail). */
export function TransitionButtons({ day }: { day: HealthDayDetail }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const transition = useTransitionHealthDay(day.id);
  const [confirming, setConfirming] = useState(false);

  function run(action: HealthDayAction, after?: () => void) {
    transition.mutate(action, {
      onSuccess: (changed) => {
        const to = HEALTH_DAY_STATUSES.find((s) => s.key === changed.status);
        notify({ color: "green", message: t("healthDays.actions.done", { status: to ? l(to.label) : changed.status }) });
        after?.();
      },
      onError: (error) => {
        if (action !== "cancel") notify({ color: "red", message: healthDayError(error, t) });
      },
    });
  }

  if (day.allowedActions.length === 0) return <Text c="dimmed">{t("healthDays.detail.final")}</Text>;
  // In the table's order, so the way forward comes first and "cancel" last.
  const actions = HEALTH_DAY_TRANSITIONS.map((tr) => tr.action).filter((a) => day.allowedActions.includes(a));
  return (
    <>
      <Group gap="sm">
        {actions.map((a) =>
          a === "cancel" ? (
            <Button key={a} variant="outline" color="red" onClick={() => setConfirming(true)}>
              {t("healthDays.actions.cancel")}
            </Button>
          ) : (
            <Button
              key={a}
              variant={a === "close_registration" ? "default" : "filled"}
              loading={transition.isPending && transition.variables === a}
              disabled={transition.isPending}
              onClick={() => run(a)}
            >
              {t(`healthDays.actions.${a}`)}
            </Button>
          ),
        )}
      </Group>
      <FormModal opened={confirming} onClose={() => setConfirming(false)} title={t("healthDays.actions.cancelTitle")}>
        {confirming ? (
          <ModalForm
            onSubmit={() => run("cancel", () => setConfirming(false))}
            onCancel={() => setConfirming(false)}
            submitLabel={t("healthDays.actions.cancelConfirm")}
            submitColor="red"
            pending={transition.isPending}
            error={transition.variables === "cancel" ? localizedError(transition.error, t) : null}
            autoFocusSubmit
          >
            <Text>{t("healthDays.actions.cancelBody")}</Text>
          </ModalForm>
        ) : null}
      </FormModal>
    </>
  );
}
