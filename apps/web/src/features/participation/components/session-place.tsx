import { Anchor, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Where a session takes place: the room, the online link, or both. */
export function SessionPlace({ location, onlineUrl }: { location: string; onlineUrl: string | null }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" component="span">
      {location}
      {location && onlineUrl ? " · " : null}
      {onlineUrl ? (
        <Anchor href={onlineUrl} target="_blank" rel="noopener noreferrer" size="sm">
          {t("participation.session.onlineLink")}
        </Anchor>
      ) : null}
    </Text>
  );
}
