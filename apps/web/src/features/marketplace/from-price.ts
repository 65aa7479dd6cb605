import type { Offering } from "@bgm/domain";
import type { TFunction } from "i18next";
import { formatEuro } from "../../lib/money";

/**
 * An offering's price as shown everywhere: "ab 1.200 € pro Tag", or "kostenfrei" for a price of
 * 0 (health insurers' services are free for the company; "ab 0 €" read like a missing price).
 */
export function fromPriceLabel(t: TFunction, offering: Pick<Offering, "priceFromCents" | "priceUnit">): string {
  if (offering.priceFromCents === 0) return t("marketplace.free");
  return `${t("marketplace.fromPrice", { price: formatEuro(offering.priceFromCents) })}${t(`marketplace.priceUnits.${offering.priceUnit}`)}`;
}
