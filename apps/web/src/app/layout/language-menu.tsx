import { Button, Menu } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { LANGUAGES, languageOf } from "../../lib/language";

export function LanguageMenu() {
  const { t, i18n } = useTranslation();
  const current = languageOf(i18n.language);
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size="sm" aria-label={`${t("nav.chooseLanguage")}: ${t(`languages.${current}`)}`}>
          {current.toUpperCase()}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t("nav.language")}</Menu.Label>
        {LANGUAGES.map((lng) => (
          <Menu.Item key={lng} lang={lng} onClick={() => void i18n.changeLanguage(lng)} aria-current={lng === current ? "true" : undefined}>
            {t(`languages.${lng}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
