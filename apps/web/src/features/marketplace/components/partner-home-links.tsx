import { Button, Group, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** The partner's start page: straight to inquiries, offerings and profile. */
export function PartnerHomeLinks() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="partner-links-heading">
      <Title order={2} fz="h4" id="partner-links-heading" mb="sm">
        {t("partner.homeLinks")}
      </Title>
      <Group>
        <Button component={Link} to="/inbox">
          {t("partner.homeInbox")}
        </Button>
        <Button component={Link} to="/partner/offerings" variant="default">
          {t("partner.homeOfferings")}
        </Button>
        <Button component={Link} to="/partner/profile" variant="default">
          {t("partner.homeProfile")}
        </Button>
      </Group>
    </section>
  );
}
