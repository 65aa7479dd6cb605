import { Badge, Button, Card, Group, Rating, Stack, Text, Textarea, Title } from "@mantine/core";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../lib/api-client";
import { formatDate } from "../../../lib/format";
import { notify } from "../../../lib/notify";
import { type MyFeedbackItem, useGiveFeedback, useMyFeedback } from "../api/feedback";
import { healthDayError } from "../error-text";

const COMMENT_MAX = 1000;

/** One attended station: stars 1–5 and an optional comment, sent once; afterwards only a thank-you. */
function FeedbackCard({ item }: { item: MyFeedbackItem }) {
  const { t } = useTranslation();
  const titleId = useId();
  const give = useGiveFeedback();
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState("");
  return (
    <Card
      withBorder
      padding="md"
      component="article"
      aria-labelledby={titleId}
      data-testid="health-day-feedback"
      data-module-id={item.moduleId}
    >
      <Stack gap="xs">
        <Title order={3} fz="h5" id={titleId}>
          {item.stationTitle} · {item.healthDayTitle}
        </Title>
        {item.answered ? (
          <Badge color="green" variant="light" tt="none" data-testid="feedback-answered">
            {t("healthDays.feedback.thanks")}
          </Badge>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (rating < 1) return;
              give.mutate(
                { dayId: item.healthDayId, moduleId: item.moduleId, rating, comment },
                {
                  onSuccess: () => notify({ color: "green", message: t("healthDays.feedback.sent", { title: item.stationTitle }) }),
                  onError: (error) => notify({ color: "red", message: healthDayError(error, t) }),
                },
              );
            }}
          >
            <Stack gap="xs">
              <Text size="sm" id={`${titleId}-rating`}>
                {t("healthDays.feedback.ratingLabel")}
              </Text>
              <Rating
                value={rating}
                onChange={setRating}
                size="lg"
                aria-labelledby={`${titleId}-rating`}
                getSymbolLabel={(n) => t("healthDays.feedback.stars", { count: n })}
              />
              <Textarea
                label={t("healthDays.feedback.commentLabel")}
                description={t("healthDays.feedback.commentHint")}
                value={comment}
                maxLength={COMMENT_MAX}
                autosize
                minRows={2}
                onChange={(e) => setComment(e.currentTarget.value)}
              />
              <Group justify="space-between">
                <Text size="xs" c="dimmed">
                  {t("healthDays.feedback.openUntil", { date: formatDate(item.openUntil) })}
                </Text>
                <Button type="submit" size="xs" disabled={rating < 1} loading={give.isPending}>
                  {t("healthDays.feedback.send")}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}

/**
 * The employee's start page section after a health day: the stations they were checked in at, each with a
 * short anonymous feedback form (ADR 0016). Shows nothing when there is nothing to rate.
 */
export function HealthDayFeedback() {
  const { t } = useTranslation();
  const mine = useMyFeedback();
  if (isApiError(mine.error, 403) || !mine.data || mine.data.length === 0) return null;
  return (
    <section aria-labelledby="health-day-feedback-heading">
      <Title order={2} fz="h3" id="health-day-feedback-heading" mb="xs">
        {t("healthDays.feedback.title")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("healthDays.feedback.intro")}
      </Text>
      <Stack gap="md">
        {mine.data.map((item) => (
          <FeedbackCard key={item.moduleId} item={item} />
        ))}
      </Stack>
    </section>
  );
}
