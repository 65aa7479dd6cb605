import { Anchor, Badge, Group, List, Paper, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Fact } from "../../../components/ui/fact";
import { useOfferingProvider } from "../api/get-offering-provider";
import { fromPriceLabel } from "../from-price";
import { safeWebsite } from "../safe-website";

/**
 * The provider behind an offering, as a BGM manager wants it before asking for a quote: who they are,
 * where they work, their qualifications, how to reach them, and what else they offer. Public profile data
 * only (the API shows nothing else).
 */
export function OfferingProviderSection({ offeringId }: { offeringId: string }) {
  const { t } = useTranslation();
  const provider = useOfferingProvider(offeringId);
  if (provider.isError) return null;
  if (provider.isPending) return <Skeleton height={160} aria-hidden />;
  const { profile, otherOfferings } = provider.data;
  const none = t("offering.none");
  const website = profile.website ? safeWebsite(profile.website) : null;
  const hasContact = Boolean(profile.contactEmail || website);
  return (
    <Stack gap="lg">
      <Paper withBorder p="md" component="section" aria-labelledby="provider-heading" data-testid="offering-provider">
        <Title order={2} fz="h3" id="provider-heading" mb="xs">
          {t("offering.providerSection")}
        </Title>
        <Group gap="xs" mb="xs" wrap="wrap">
          <Text fw={600}>{profile.name}</Text>
          {profile.isHealthInsurer ? (
            <Badge variant="light" style={{ textTransform: "none", maxWidth: "100%" }}>
              {t("offering.healthInsurer")}
            </Badge>
          ) : null}
        </Group>
        <Text size="sm" mb="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
          {profile.description || t("offering.providerNoDescription")}
        </Text>
        <Stack gap="xs" component="dl" m={0}>
          <Fact label={t("offering.providerRegions")}>{profile.regions.length ? profile.regions.join(", ") : none}</Fact>
          <Fact label={t("offering.providerCertifications")}>
            {profile.certifications.length ? profile.certifications.join(", ") : none}
          </Fact>
          <Fact label={t("offering.contact")}>
            {hasContact ? (
              <Stack gap={2}>
                {profile.contactEmail ? (
                  <Anchor href={`mailto:${profile.contactEmail}`} style={{ overflowWrap: "anywhere" }}>
                    {t("offering.contactEmail", { email: profile.contactEmail })}
                  </Anchor>
                ) : null}
                {website ? (
                  <Anchor href={website} target="_blank" rel="noopener noreferrer" style={{ overflowWrap: "anywhere" }}>
                    {t("offering.contactWebsite", { url: profile.website })}
                  </Anchor>
                ) : null}
              </Stack>
            ) : (
              t("offering.noContact")
            )}
          </Fact>
        </Stack>
      </Paper>
      <section aria-labelledby="other-offerings-heading">
        <Title order={2} fz="h3" id="other-offerings-heading" mb="xs">
          {t("offering.otherOfferings")}
        </Title>
        {otherOfferings.length === 0 ? (
          <Text size="sm">{t("offering.otherOfferingsEmpty")}</Text>
        ) : (
          <List spacing={4} size="sm" listStyleType="none" p={0}>
            {otherOfferings.map((o) => (
              <List.Item key={o.id}>
                <Anchor component={Link} to={`/marketplace/offerings/${o.id}`}>
                  {o.title}
                </Anchor>{" "}
                <Text span size="sm" c="dimmed">
                  · {fromPriceLabel(t, o)}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </section>
    </Stack>
  );
}
