import { z } from "zod";
import { OFFERING_CATEGORIES, type OfferingCategoryKey } from "../registries/marketplace.js";
import { LongText, ShortText, Timestamp } from "./common.js";
import { CursorQuery, cursorPage, wholeList } from "./lists.js";

export const OfferingCategory = z.enum(OFFERING_CATEGORIES.map((c) => c.key) as [OfferingCategoryKey, ...OfferingCategoryKey[]]);
export const DeliveryMode = z.enum(["on_site", "remote", "hybrid"]);
export const PriceUnit = z.enum(["flat", "per_participant", "per_day"]);
export const OfferingStatus = z.enum(["draft", "published", "archived"]);

const KeyList = z.array(z.string().max(64)).max(20);

export const ProviderProfile = z.object({
  organizationId: z.string(),
  name: z.string(),
  description: z.string(),
  regions: z.array(z.string()),
  certifications: z.array(z.string()),
  contactEmail: z.string(),
  website: z.string(),
  isHealthInsurer: z.boolean(),
});
export type ProviderProfile = z.infer<typeof ProviderProfile>;

export const UpdateProviderProfile = z
  .strictObject({
    description: LongText,
    regions: z.array(ShortText).max(30),
    certifications: z.array(ShortText).max(20),
    contactEmail: z.email().max(254).or(z.literal("")),
    website: z.url().max(300).or(z.literal("")),
  })
  .partial();

const OfferingFields = {
  title: ShortText,
  description: LongText,
  category: OfferingCategory,
  certifications: z.array(ShortText).max(10),
  deliveryMode: DeliveryMode,
  priceFromCents: z.number().int().min(0).max(100_000_000),
  priceUnit: PriceUnit,
  turnaroundDays: z.number().int().min(1).max(365).nullable(),
  capacity: z.number().int().min(1).max(100_000).nullable(),
  /** Keys from the shared registries; unknown keys are a 422 naming the key. */
  requiredDataScopes: KeyList,
  outputDataTypes: KeyList,
  integrationPoints: KeyList,
  relevantPhases: z.array(z.number().int()).max(6),
  relevantTasks: KeyList,
};

export const CreateOffering = z.strictObject({
  ...OfferingFields,
  description: LongText.default(""),
  certifications: OfferingFields.certifications.default([]),
  turnaroundDays: OfferingFields.turnaroundDays.default(null),
  capacity: OfferingFields.capacity.default(null),
  requiredDataScopes: KeyList.default([]),
  outputDataTypes: KeyList.default([]),
  integrationPoints: KeyList.default([]),
  relevantPhases: OfferingFields.relevantPhases.default([]),
  relevantTasks: KeyList.default([]),
});
export type CreateOffering = z.infer<typeof CreateOffering>;
export const UpdateOffering = z
  .strictObject({ ...OfferingFields, status: OfferingStatus })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "Nothing to update" });

export const Offering = z.object({
  id: z.uuid(),
  providerOrgId: z.string(),
  providerName: z.string(),
  title: z.string(),
  description: z.string(),
  category: z.string(),
  certifications: z.array(z.string()),
  deliveryMode: DeliveryMode,
  priceFromCents: z.number().int(),
  priceUnit: PriceUnit,
  turnaroundDays: z.number().int().nullable(),
  capacity: z.number().int().nullable(),
  requiredDataScopes: z.array(z.string()),
  outputDataTypes: z.array(z.string()),
  integrationPoints: z.array(z.string()),
  relevantPhases: z.array(z.number().int()),
  relevantTasks: z.array(z.string()),
  status: OfferingStatus,
  updatedAt: Timestamp,
});
export type Offering = z.infer<typeof Offering>;

export const DiscoveryQuery = CursorQuery.extend({
  q: z.string().trim().max(200).optional(),
  category: OfferingCategory.optional(),
  certification: z.string().max(100).optional(),
  deliveryMode: DeliveryMode.optional(),
  priceMin: z.coerce.number().int().min(0).optional(),
  priceMax: z.coerce.number().int().min(0).optional(),
  phase: z.coerce.number().int().min(1).max(6).optional(),
  region: z.string().max(100).optional(),
});
export type DiscoveryQuery = z.infer<typeof DiscoveryQuery>;

/** By relevance with a search text, else by title; `total` counts every match of the filters. */
export const OfferingList = cursorPage(Offering).extend({
  total: z.number().int(),
  didYouMean: z
    .string()
    .nullable()
    .describe(
      "When a search text found nothing: the same search spelled with words of the catalogue that finds something (trigram similarity), else null",
    ),
});
/** The provider's own offerings, by title. */
export const OwnOfferingList = cursorPage(Offering);

export const CertificationList = wholeList(z.string());

/**
 * The provider behind an offering, as a company sees it before asking for a quote: the public profile
 * (name, about, regions, certifications, contact) and the provider's other published offerings. The
 * platform keeps no reference list of its own; the other offerings stand for the provider's work.
 */
export const OfferingProvider = z.object({
  profile: ProviderProfile,
  otherOfferings: z.array(Offering).describe("Up to 6 other published offerings of the same provider, by title"),
});
export type OfferingProvider = z.infer<typeof OfferingProvider>;

export const SuggestionReason = z.object({
  /** The signal that gave the reason (issue 15 added survey and fit; clients show unknown kinds as plain text). */
  kind: z.enum(["task", "phase", "goal", "survey", "fit"]),
  /** A short, human reason, e.g. 'Passt zur Aufgabe "Mitarbeiterbefragung durchführen"'. */
  text: z.object({ de: z.string(), en: z.string() }),
});
export const Suggestion = z.object({ offering: Offering, reasons: z.array(SuggestionReason), score: z.number() });
export const SuggestionQuery = z.strictObject({
  taskKey: z.string().max(64).optional(),
  phase: z.coerce.number().int().min(1).max(6).optional(),
  limit: z.coerce.number().int().min(1).max(20).default(5),
  budgetCents: z.coerce
    .number()
    .int()
    .min(0)
    .max(100_000_000)
    .optional()
    .describe("What the company means to spend; offerings above it step back"),
  preferFunded: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true")
    .describe("Prefer courses a health insurer may co-fund (§20 SGB V certification)"),
});
export const SuggestionList = wholeList(Suggestion);

/** Why one offering fits the signed-in company: the partner matching's reasons for it (as in "Empfohlen"). */
export const OfferingFit = z.object({
  reasons: z.array(SuggestionReason),
  score: z.number(),
  /** False when the matching leaves the offering out (the company has it booked and under way). */
  matched: z.boolean(),
});
export type OfferingFit = z.infer<typeof OfferingFit>;

/**
 * The marketplace's "Empfohlen" sort (issue 15): the discovery filters, ranked by the partner matching for
 * the signed-in company. Paged by an offset cursor: the ranking is computed per request, not kept.
 */
export const RecommendedQuery = DiscoveryQuery.omit({ cursor: true, limit: true }).extend({
  cursor: z
    .string()
    .regex(/^\d{1,4}$/)
    .optional()
    .describe("The `nextCursor` of the previous page"),
  limit: z.coerce.number().int().min(1).max(50).default(12).describe("Items per page, 1–50"),
});
export const RecommendedList = cursorPage(Suggestion).extend({
  total: z.number().int(),
  didYouMean: z
    .string()
    .nullable()
    .describe("As in the discovery list: a respelled search that finds something, when this one found nothing"),
});

/** A question to the partner buddy (issue 15, 5.2). */
export const AssistantQuestion = z.strictObject({ question: z.string().trim().min(2).max(500) });
export const AssistantAnswer = z.object({
  answer: z.object({ de: z.string(), en: z.string() }),
  /** What the rules read from the question, so the panel can say how it was understood. */
  understood: z.object({
    categories: z.array(OfferingCategory),
    deliveryMode: DeliveryMode.nullable(),
    region: z.string().nullable(),
    maxPriceCents: z.number().int().nullable(),
    funded: z.boolean(),
    goal: z.string().nullable(),
  }),
  items: z.array(Suggestion),
  /** Which model phrased the answer: "rules" when none is configured or it did not answer in time. */
  model: z.string(),
});
