import { Button } from "@mantine/core";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";

// The panel, its cards and the quote form load only when the buddy is opened (bundle budgets, issue 14).
const BuddyDrawer = lazy(() => import("./buddy-drawer").then((module) => ({ default: module.BuddyDrawer })));

/** Opens the partner buddy (issue 15, 5.2): a chat that answers with offerings and their reasons. */
export function BuddyButton({ defaultOpened = false }: { defaultOpened?: boolean }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(defaultOpened);
  const [loaded, setLoaded] = useState(defaultOpened);
  return (
    <>
      <Button
        variant="light"
        onClick={() => {
          setLoaded(true);
          setOpened(true);
        }}
        data-testid="buddy-open"
      >
        {t("buddy.open")}
      </Button>
      {loaded ? (
        <Suspense fallback={null}>
          <BuddyDrawer opened={opened} onClose={() => setOpened(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
