/** Employee access: the company's join link and the sign-in by mailed link. The public face of the feature; other code imports only this file. */
export { JoinLinkCard } from "./components/join-link-card";
export { JoinView } from "./components/join-view";
export { LinkSignIn } from "./components/link-sign-in";
