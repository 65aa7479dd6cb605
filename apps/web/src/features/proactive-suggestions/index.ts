/** Proactive partner suggestions (issue 15, 5.5): the panel the notification links to. Other code imports only this file. */
export { ProactiveSuggestionsPanel } from "./components/proactive-suggestions-panel";
