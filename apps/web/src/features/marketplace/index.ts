/** Marketplace: partners' offerings, discovery, suggestions, the partner's profile. The public face of the feature; other code imports only this file. */
export { useOffering } from "./api/get-offering";
export { useOfferings } from "./api/get-offerings";
export { useOwnOfferings } from "./api/get-own-offerings";
export { useRecommended } from "./api/get-recommended";
export { useProviderProfile } from "./api/provider-profile";
export type { FilterValues as MarketplaceFilterValues } from "./api/types";
export { BuddyButton } from "./components/buddy-button";
export { MarketplaceFilters } from "./components/marketplace-filters";
export { OfferingCard } from "./components/offering-card";
export { OfferingFacts } from "./components/offering-facts";
export { OfferingFormModal } from "./components/offering-form-modal";
export { OfferingStatsTable } from "./components/offering-stats-table";
export { OwnOfferingsTable } from "./components/own-offerings-table";
export { PartnerHomeLinks } from "./components/partner-home-links";
export { PartnerSuggestions } from "./components/partner-suggestions";
export { ProviderProfileForm } from "./components/provider-profile-form";
export { type MarketplaceSort, searchFromParams, searchToParams, sortFromParams } from "./filter-params";
export { fromPriceLabel } from "./from-price";
