/** Legal requirements (risk assessment and the like). The public face of the feature; other code imports only this file. */
export { useLegalRequirement } from "./api/get-legal-requirement";
export { useLegalRequirements } from "./api/get-legal-requirements";
export { RequirementDetail } from "./components/requirement-detail";
export { RequirementsList } from "./components/requirements-list";
