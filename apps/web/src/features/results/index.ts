/** Results: what partners deliver on an engagement, its review, the partner API reference. The public face of the feature; other code imports only this file. */
export { useOutputTypes } from "./api/get-output-types";
export { ApiReferenceIntro } from "./components/api-reference-intro";
export { OutputTypeReference } from "./components/output-type-reference";
export { ResultsSection } from "./components/results-section";
