import type { OfferingCategoryKey } from "../registries/offering-categories.js";

/**
 * What accepted analyses say about needs: a COPSOQ scale worse than its reference value points to the
 * kinds of partner that work on it (quantitative demands or burnout → mental health; leadership
 * quality → coaching), an ergonomic assessment's findings point to ergonomics. Scales not listed here
 * still count through their German name and the goal synonym table (see score.ts).
 */
export const COPSOQ_SCALE_CATEGORIES: Record<string, readonly OfferingCategoryKey[]> = {
  quantitative_demands: ["mental_health", "coaching"],
  work_pace: ["mental_health"],
  emotional_demands: ["mental_health"],
  hiding_emotions: ["mental_health"],
  work_privacy_conflict: ["mental_health", "coaching"],
  burnout: ["mental_health"],
  stress: ["mental_health"],
  cognitive_stress: ["mental_health"],
  sleeping_troubles: ["mental_health"],
  job_insecurity: ["mental_health", "coaching"],
  role_conflicts: ["coaching", "mental_health"],
  role_clarity: ["coaching"],
  quality_of_leadership: ["coaching"],
  social_support_supervisor: ["coaching"],
  social_support_colleagues: ["coaching", "mental_health"],
  recognition: ["coaching"],
  influence_at_work: ["coaching"],
  predictability: ["coaching"],
  general_health: ["movement", "mental_health"],
  physical_demands: ["ergonomics", "movement"],
};

/** One COPSOQ scale of an accepted analysis, as the matching reads it: an aggregate, never answers. */
export interface SurveyScale {
  key: string;
  name: string;
  /** Valid answers behind the mean; scales of fewer people than the minimum group size are ignored. */
  n: number;
  mean: number;
  referenceMean: number;
  /** Worse than either reference (all occupations or the occupation group). */
  worse: boolean;
}

/** An accepted ergonomic assessment, as counts only. */
export interface ErgonomicFindings {
  /** Findings rated medium or high risk. */
  elevated: number;
}
