import { Button, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

interface MessagePageProps {
  title?: string;
  body?: string;
}

export function NotFound({ title, body }: MessagePageProps) {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start">
      <Title order={1} fz="h2">
        {title ?? t("common.notFoundTitle")}
      </Title>
      <Text>{body ?? t("common.notFoundBody")}</Text>
      <Button component={Link} to="/">
        {t("common.toHome")}
      </Button>
    </Stack>
  );
}
