import { Anchor, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ResultLandingKey } from "../api/types";

/** Where an accepted result can be seen; engagement documents are this page itself. */
const LANDING_PATHS: Record<ResultLandingKey, string | null> = {
  phase2_analysis: "/phases/2",
  phase3_planning: "/phases/3",
  kpi_dashboard: "/",
  legal_requirements: "/legal/gbu_physical",
  engagement_documents: null,
};

interface LandingInfoProps {
  landsIn: ResultLandingKey;
  /** Only the company can follow the link: the places belong to its workspace. */
  linkable: boolean;
}

export function LandingInfo({ landsIn, linkable }: LandingInfoProps) {
  const { t } = useTranslation();
  const place = t(`offering.integrationPoints.${landsIn}`);
  const path = LANDING_PATHS[landsIn];
  return (
    <Text size="sm">
      {t("results.landsIn", { place })}
      {linkable && path ? (
        <>
          {" · "}
          <Anchor component={Link} to={path}>
            {t("results.openLanding", { place })}
          </Anchor>
        </>
      ) : null}
    </Text>
  );
}
