/** Planning: interventions partners proposed (phase 3). The public face of the feature; other code imports only this file. */
export { InterventionProposals } from "./components/intervention-proposals";
