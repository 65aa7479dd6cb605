/** One login per role. Printed on start and listed in the README; never created on a PostgreSQL server unless asked. */
export const DEMO_PASSWORD = "Demo!2026bgm";

export const DEMO_LOGINS = [
  { email: "petra.manager@muster-gmbh.de", name: "Petra Schneider", role: "bgm_manager", org: "Muster GmbH" },
  { email: "max.mitarbeiter@muster-gmbh.de", name: "Max Mustermann", role: "employee", org: "Muster GmbH" },
  { email: "marcus@surveypro.de", name: "Marcus Berger", role: "partner_admin", org: "SurveyPro GmbH" },
  { email: "lena@surveypro.de", name: "Lena Vogel", role: "partner_member", org: "SurveyPro GmbH" },
  { email: "anna@gk-nord.de", name: "Anna Krüger", role: "partner_admin", org: "Gesundheitskasse Nord" },
  { email: "admin@bgm-hub.de", name: "Plattform Admin", role: "admin", org: null },
] as const;
