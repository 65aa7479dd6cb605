/** The offering form's required fields that are missing, as i18n keys of `partner.*`; empty when it may be sent. */
export interface OfferingFormErrors {
  title?: "partner.titleRequired";
  price?: "partner.priceRequired";
}

/**
 * What stops an offering from being saved, checked when the partner presses „Speichern“ (the button
 * stays enabled: a disabled button never said that the price was missing).
 */
export function offeringFormErrors(values: { title: string; price: number | null }): OfferingFormErrors {
  const errors: OfferingFormErrors = {};
  if (!values.title.trim()) errors.title = "partner.titleRequired";
  if (values.price === null || !Number.isFinite(values.price)) errors.price = "partner.priceRequired";
  return errors;
}
