// Public entry of the result evidence links (partner results → tasks and legal requirement steps).
export {
  addResultEvidence,
  type EvidenceLink,
  type EvidenceTarget,
  hasOtherResultEvidence,
  listResultEvidence,
  removeResultEvidence,
} from "./result-evidence.js";
