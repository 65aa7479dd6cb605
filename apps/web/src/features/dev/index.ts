/** Development helpers (the local mail outbox). The public face of the feature; other code imports only this file. */
export { useOutbox } from "./api/get-outbox";
export { OutboxList } from "./components/outbox-list";
