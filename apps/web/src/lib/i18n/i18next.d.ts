import "i18next";
import type { dataSharingDe } from "./data-sharing.de";
import type { de } from "./de";
import type { marketplaceDe } from "./marketplace.de";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof de & typeof marketplaceDe & typeof dataSharingDe };
  }
}
