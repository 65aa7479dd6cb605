import { companySizeClass, WZ_SECTIONS } from "@bgm/domain";
import { Anchor, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { Fact } from "../../../components/ui/fact";
import { LoadingState } from "../../../components/ui/loading-state";
import { formatNumber } from "../../../lib/format";
import { notify } from "../../../lib/notify";
import { useLocalized } from "../../../lib/use-localized";
import { useCompanyProfile, useUpdateCompanyProfile } from "../api/company-profile";
import type { CompanyProfileResponse } from "../api/types";

interface CompanyProfileSectionProps {
  /**
   * Active employees in the employee register (the page that shows this section reads it); null while
   * unknown or when the register is empty. The size class follows from it: nobody types it in, so the
   * report cannot name a size the register contradicts.
   */
  headCount: number | null;
}

/** What the insurer report says about the company itself: its industry (set here) and its size (from the register). */
export function CompanyProfileSection({ headCount }: CompanyProfileSectionProps) {
  const { t } = useTranslation();
  const l = useLocalized();
  const profile = useCompanyProfile();
  const size = headCount === null ? null : companySizeClass(headCount);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="company-profile-heading" data-testid="company-profile">
      <Title order={2} fz="h3" id="company-profile-heading" mb="xs">
        {t("companyProfile.title")}
      </Title>
      <Text c="dimmed" size="sm" mb="sm">
        {t("companyProfile.description")}
      </Text>
      {profile.isPending ? <LoadingState /> : null}
      {profile.isError ? <ErrorAlert error={profile.error} onRetry={() => void profile.refetch()} /> : null}
      <Stack gap="md">
        {/* Mounted once the profile is there, so the field starts from the saved value. */}
        {profile.data ? <IndustryForm profile={profile.data} /> : null}
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} m={0}>
          <Fact label={t("companyProfile.sizeClass")}>
            <span data-testid="company-size-class">{size ? l(size.label) : t("companyProfile.noSizeClass")}</span>
          </Fact>
          <Fact label={t("companyProfile.headCount")}>{headCount === null ? "–" : formatNumber(headCount)}</Fact>
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          {t("companyProfile.sizeHint")}{" "}
          <Anchor component={Link} to="/employees" size="sm" underline="always">
            {t("companyProfile.toRegister")}
          </Anchor>
        </Text>
      </Stack>
    </Paper>
  );
}

function IndustryForm({ profile }: { profile: CompanyProfileResponse }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const update = useUpdateCompanyProfile();
  const [industry, setIndustry] = useState<string>(profile.industry ?? "");
  const saved = profile.industry ?? "";
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const next = WZ_SECTIONS.find((s) => s.key === industry)?.key ?? null;
        update.mutate({ industry: next }, { onSuccess: () => notify({ color: "green", message: t("companyProfile.saved") }) });
      }}
    >
      {update.isError ? <ErrorAlert error={update.error} /> : null}
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          label={t("companyProfile.industry")}
          description={t("companyProfile.industryHint")}
          value={industry}
          onChange={(e) => setIndustry(e.currentTarget.value)}
          data={[
            { value: "", label: t("companyProfile.noIndustry") },
            ...WZ_SECTIONS.map((s) => ({ value: s.key, label: `${s.key} – ${l(s.label)}` })),
          ]}
          style={{ flex: "1 1 260px", minWidth: 0 }}
        />
        <Button type="submit" loading={update.isPending} disabled={industry === saved}>
          {t("common.save")}
        </Button>
      </Group>
    </form>
  );
}
