// Public entry of the legal requirements module: routes, the company bootstrap and the use cases
// other modules may call (e.g. partner results attaching evidence and ticking steps).
export { missingDocumentation } from "./completeness.js";
export { legalRoutes } from "./legal.routes.js";
export {
  attachEvidence,
  bootstrapLegalRequirements,
  createMeasure,
  type EvidenceUpload,
  getRequirement,
  listRequirements,
  markStepDone,
  type RequirementProgress,
  recordTrigger,
  requirementProgress,
  updateMeasure,
  updateRequirement,
  updateStep,
} from "./legal.service.js";
export { type ContributionUndo, contributeResult, type ResultContribution, withdrawResult } from "./result-contributions.js";
