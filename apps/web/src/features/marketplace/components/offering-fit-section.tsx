import { Alert, List, Paper, Skeleton, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLocalized } from "../../../lib/use-localized";
import { useOfferingFit } from "../api/get-offering-provider";

/**
 * "Why it fits": the partner matching's reasons for the signed-in manager's company (the same as the
 * marketplace's "Empfohlen" sort), for one published offering. Only for BGM managers; an error hides the
 * box rather than the page (the offering itself is still worth reading).
 */
export function OfferingFitSection({ offeringId }: { offeringId: string }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const fit = useOfferingFit(offeringId, true);
  if (fit.isError) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="fit-heading" data-testid="offering-fit">
      <Title order={2} fz="h3" id="fit-heading" mb="xs">
        {t("offering.fitTitle")}
      </Title>
      {fit.isPending ? (
        <Skeleton height={48} aria-hidden />
      ) : !fit.data.matched ? (
        <Alert color="blue" variant="light" p="xs">
          {t("offering.fitBooked")}
        </Alert>
      ) : fit.data.reasons.length === 0 ? (
        <Text size="sm">{t("offering.fitNone")}</Text>
      ) : (
        <List size="sm" spacing={4}>
          {fit.data.reasons.map((r) => (
            <List.Item key={`${r.kind}-${r.text.de}`}>{l(r.text)}</List.Item>
          ))}
        </List>
      )}
      <Text size="xs" c="dimmed" mt="xs">
        {t("offering.fitBasis")}
      </Text>
    </Paper>
  );
}
