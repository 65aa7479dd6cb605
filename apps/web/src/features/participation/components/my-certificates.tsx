import { Anchor, Paper, Stack, Text, Title } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../../lib/format";
import { certificatePdfUrl, type MyCertificateItem, useMyCertificates } from "../api/certificates";

/**
 * Participation certificates of §20 courses: a download where the API says one is available (80 % of the
 * sessions attended, course over), otherwise how far the employee is. Nothing when there is no certified course.
 */
export function MyCertificates() {
  const { t } = useTranslation();
  const certificates = useMyCertificates();
  const items = certificates.data ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="my-certificates-heading">
      <Title order={2} fz="h3" id="my-certificates-heading" mb="sm">
        {t("participation.certificates.title")}
      </Title>
      <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
        {items.map((c) => (
          <Paper key={c.interventionId} withBorder p="sm" component="li" data-testid="certificate">
            <Text fw={600}>{c.title}</Text>
            <Text size="sm" c="dimmed">
              {c.certificationId}
              {c.providerName ? ` · ${c.providerName}` : ""}
            </Text>
            {c.available ? (
              <Anchor
                href={certificatePdfUrl(c.interventionId)}
                download
                aria-label={t("participation.certificates.downloadFor", { title: c.title })}
              >
                {t("participation.certificates.download")}
              </Anchor>
            ) : (
              <Text size="sm">{certificateStatus(c, t)}</Text>
            )}
          </Paper>
        ))}
      </Stack>
    </section>
  );
}

function certificateStatus(c: MyCertificateItem, t: TFunction): string {
  const counts = {
    attended: formatNumber(c.attendedSessions),
    counted: formatNumber(c.countedSessions),
    required: formatNumber(c.requiredSessions),
    upcoming: formatNumber(c.upcomingSessions),
  };
  if (c.reason === "course_cancelled") return t("participation.certificates.cancelled");
  if (c.reason === "course_running") return t("participation.certificates.running", counts);
  return t("participation.certificates.tooFew", counts);
}
