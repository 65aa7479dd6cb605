import type { EngagementStatus } from "@bgm/domain";
import { Button } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { GrantDialog } from "./grant-dialog";

/** Grants can be given only while the engagement is accepted, in progress or delivered (as the API says). */
const GRANTABLE: readonly EngagementStatus[] = ["accepted", "in_progress", "delivered"];

export function canManageDataAccess(status: EngagementStatus): boolean {
  return GRANTABLE.includes(status);
}

/** The company's entry to the grant dialog on an engagement. */
export function ManageDataAccessButton({ engagementId }: { engagementId: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant="light" onClick={() => setOpened(true)}>
        {t("dataSharing.manageAccess")}
      </Button>
      <GrantDialog engagementId={engagementId} opened={opened} onClose={() => setOpened(false)} />
    </>
  );
}
