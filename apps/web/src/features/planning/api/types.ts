import type { AdoptIntervention, InterventionList, PlannedIntervention } from "@bgm/domain";
import type { z } from "zod";

export type PlannedInterventionItem = z.infer<typeof PlannedIntervention>;
export type InterventionListResponse = z.infer<typeof InterventionList>;

export type AdoptInterventionInput = { id: string } & z.input<typeof AdoptIntervention>;
