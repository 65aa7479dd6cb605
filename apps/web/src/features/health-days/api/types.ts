import type {
  AddHealthDayModule,
  AddHealthDaySlots,
  CreateHealthDay,
  HealthDay,
  HealthDayList,
  HealthDayListQuery,
  MyHealthDayList,
  MyHealthDayPlace,
  SlotConflict,
  SuggestionList,
  UpdateHealthDay,
} from "@bgm/domain";
import type { z } from "zod";

/** What the health-day routes answer, inferred from the domain contracts (never re-declared here). */
export type HealthDayDetail = HealthDay;
export type HealthDayModuleItem = HealthDay["modules"][number];
export type HealthDaySlotItem = HealthDayModuleItem["slots"][number];
export type HealthDayBudgetView = HealthDay["budget"];
export type HealthDayCardView = HealthDay["card"];
export type SlotConflictItem = SlotConflict;
export type HealthDayListResponse = z.infer<typeof HealthDayList>;
export type HealthDaySummaryItem = HealthDayListResponse["items"][number];
export type HealthDayListParams = Pick<z.infer<typeof HealthDayListQuery>, "status">;
export type MyHealthDayItem = z.infer<typeof MyHealthDayList>["items"][number];
export type MyHealthDayStation = MyHealthDayItem["modules"][number];
export type MyHealthDaySlotItem = MyHealthDayStation["slots"][number];
export type MyHealthDayPlaceResponse = MyHealthDayPlace;
/** The marketplace's suggestions (offerings with reasons), read for the module catalog. */
export type SuggestionItem = z.infer<typeof SuggestionList>["items"][number];

/** What the forms send: the domain's request schemas before their defaults apply. */
export type CreateHealthDayInput = z.input<typeof CreateHealthDay>;
export type UpdateHealthDayInput = z.input<typeof UpdateHealthDay>;
export type AddHealthDayModuleInput = z.input<typeof AddHealthDayModule>;
export type AddHealthDaySlotsInput = z.input<typeof AddHealthDaySlots>;
