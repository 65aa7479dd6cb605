import { Box, Container, Group, Paper } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AppLink } from "../../lib/navigation";
import { LanguageMenu } from "./language-menu";
import { MAIN_ID } from "./skip-link";

/**
 * Sign-in, sign-up, password reset and invitations: a narrow card, no navigation. Without react-router:
 * the sign-in shell (app/sign-in-shell.tsx) renders it before the router is loaded; inside the router it is
 * PublicLayout's frame.
 */
export function PublicFrame({ wide = false, children }: { wide?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <Box component="header" px="md" py="sm" style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}>
        <Group justify="space-between">
          <AppLink to="/" fw={700} size="lg" c="dark" underline="never">
            {t("common.appName")}
          </AppLink>
          <LanguageMenu />
        </Group>
      </Box>
      <Container component="main" id={MAIN_ID} size={wide ? "lg" : 460} py="xl">
        <Paper withBorder p="xl" radius="md">
          {children}
        </Paper>
      </Container>
    </>
  );
}
