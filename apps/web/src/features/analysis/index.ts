/** Analysis: what the COPSOQ survey found (phase 2). The public face of the feature; other code imports only this file. */
export { CopsoqAnalysisPanel } from "./components/copsoq-analysis-panel";
