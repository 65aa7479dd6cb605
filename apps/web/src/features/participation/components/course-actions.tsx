import { Alert, Button, CloseButton, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../lib/api-client";
import { formatNumber } from "../../../lib/format";
import { notify } from "../../../lib/notify";
import { useCourseRegistration } from "../api/registration";
import type { CourseRegistrationResponse, OpenInterventionItem } from "../api/types";
import { courseActions, courseOutcome, refusingSession } from "../course-registration";
import { localizedError, participationError } from "../error-text";
import { sessionWhen } from "../format";
import { ConfirmModal } from "./confirm-modal";

/**
 * "Ganzen Kurs buchen" / "Kurs stornieren" for a recurring course, beside the per-session buttons. The API
 * does all sessions ahead in one transaction; afterwards the card lists what happened to each of them.
 */
export function CourseActions({ intervention }: { intervention: OpenInterventionItem }) {
  const { t } = useTranslation();
  const course = useCourseRegistration();
  const [outcome, setOutcome] = useState<CourseRegistrationResponse | null>(null);
  const [confirming, setConfirming] = useState(false);
  const offer = courseActions(intervention.sessions);
  const title = intervention.title;

  function refusal(error: unknown): string {
    const message = participationError(error, t);
    const session = error instanceof ApiError ? refusingSession(error.details, intervention.sessions) : null;
    return session ? t("participation.course.refusedAt", { message, when: sessionWhen(session) }) : message;
  }

  function act(action: "register" | "cancel") {
    course.mutate(
      { interventionId: intervention.id, action },
      {
        onSuccess: (answer) => {
          setOutcome(answer);
          setConfirming(false);
          notify({
            color: "green",
            message: t(action === "register" ? "participation.course.bookedToast" : "participation.course.cancelledToast", { title }),
          });
        },
        onError: (error) => {
          if (action === "register") notify({ color: "red", message: refusal(error) });
        },
      },
    );
  }

  if (!offer.book && !offer.cancel && !outcome) return null;
  return (
    <Stack gap="xs" data-testid="course-actions">
      {offer.book || offer.cancel ? (
        <Group gap="sm">
          {offer.book ? (
            <Button
              size="sm"
              variant="light"
              loading={course.isPending && course.variables?.action === "register"}
              disabled={course.isPending}
              onClick={() => act("register")}
            >
              {t("participation.course.book")}
            </Button>
          ) : null}
          {offer.cancel ? (
            <Button
              size="sm"
              variant="subtle"
              color="red"
              disabled={course.isPending}
              onClick={() => {
                course.reset();
                setConfirming(true);
              }}
            >
              {t("participation.course.cancel")}
            </Button>
          ) : null}
        </Group>
      ) : null}
      {offer.book ? (
        <Text size="xs" c="dimmed">
          {t("participation.course.hint")}
        </Text>
      ) : null}
      {outcome ? <CourseOutcome course={outcome} onHide={() => setOutcome(null)} /> : null}
      <ConfirmModal
        opened={confirming}
        title={t("participation.course.cancel")}
        body={t("participation.course.cancelConfirm", { title })}
        confirmLabel={t("participation.course.cancel")}
        loading={course.isPending}
        error={localizedError(course.error, t)}
        onClose={() => setConfirming(false)}
        onConfirm={() => act("cancel")}
      />
    </Stack>
  );
}

/** Per session what the call did: a place, the waitlist with the position, cancelled, or why it was skipped. */
function CourseOutcome({ course, onHide }: { course: CourseRegistrationResponse; onHide: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="teal" variant="light" p="sm" role="status" data-testid="course-outcome">
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Text size="sm" fw={600}>
          {t("participation.course.outcomeTitle", { title: course.interventionTitle })}
        </Text>
        <CloseButton size="sm" aria-label={t("participation.course.hideOutcome")} onClick={onHide} />
      </Group>
      <Stack gap={2} component="ul" m={0} mt={4} p={0} style={{ listStyle: "none" }}>
        {courseOutcome(course).map(({ place, kind }) => (
          <Text component="li" size="sm" key={place.sessionId} data-outcome={kind}>
            {sessionWhen(place)}:{" "}
            {t(`participation.course.outcome.${kind}`, {
              position: place.waitlistPosition ? formatNumber(place.waitlistPosition) : "–",
            })}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}
