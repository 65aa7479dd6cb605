import type { EngagementAction } from "@bgm/domain";

/**
 * What the other side is told, in German. Only organization names, the offering title and
 * numbers: never the brief, messages or anything about employees (mails leave the platform).
 */
export type NoticeKind = "created" | "progress" | EngagementAction | ResultNoticeKind;

/** Timeline and notice kinds of partner results (see the results module). */
export type ResultNoticeKind = "result_submitted" | "result_accepted" | "result_changes_requested" | "result_auto_accepted";

export interface NoticeContext {
  companyName: string;
  providerName: string;
  offeringTitle: string;
  /** send_quote: a revision of an earlier quote. */
  revised?: boolean;
  percent?: number;
  /** Partner results: the output type's label and the version. */
  result?: { label: string; version: number };
}

type Text = (c: NoticeContext) => { title: string; body: string };

const TEXTS: Record<NoticeKind, Text> = {
  created: (c) => ({ title: "Neue Angebotsanfrage", body: `${c.companyName} bittet um ein Angebot für „${c.offeringTitle}“.` }),
  send_quote: (c) =>
    c.revised
      ? { title: "Überarbeitetes Angebot", body: `${c.providerName} hat ein überarbeitetes Angebot für „${c.offeringTitle}“ gesendet.` }
      : { title: "Neues Angebot", body: `${c.providerName} hat ein Angebot für „${c.offeringTitle}“ gesendet.` },
  decline: (c) => ({ title: "Anfrage abgelehnt", body: `${c.providerName} hat die Anfrage zu „${c.offeringTitle}“ abgelehnt.` }),
  request_revision: (c) => ({
    title: "Überarbeitung gewünscht",
    body: `${c.companyName} bittet um ein überarbeitetes Angebot für „${c.offeringTitle}“.`,
  }),
  accept_quote: (c) => ({ title: "Angebot angenommen", body: `${c.companyName} hat Ihr Angebot für „${c.offeringTitle}“ angenommen.` }),
  reject_quote: (c) => ({ title: "Angebot abgelehnt", body: `${c.companyName} hat Ihr Angebot für „${c.offeringTitle}“ abgelehnt.` }),
  start: (c) => ({ title: "Auftrag begonnen", body: `${c.providerName} hat mit „${c.offeringTitle}“ begonnen.` }),
  mark_delivered: (c) => ({ title: "Leistung geliefert", body: `${c.providerName} hat „${c.offeringTitle}“ als geliefert gemeldet.` }),
  request_changes: (c) => ({
    title: "Nachbesserung gewünscht",
    body: `${c.companyName} bittet um Nachbesserung bei „${c.offeringTitle}“.`,
  }),
  complete: (c) => ({ title: "Auftrag abgeschlossen", body: `${c.companyName} hat „${c.offeringTitle}“ abgeschlossen.` }),
  cancel: (c) => ({ title: "Auftrag storniert", body: `${c.companyName} hat „${c.offeringTitle}“ storniert.` }),
  result_submitted: (c) => ({
    title: "Neues Ergebnis",
    body: `${c.providerName} hat „${c.result?.label ?? "Ergebnis"}“ (Version ${c.result?.version ?? 1}) zu „${c.offeringTitle}“ geliefert. Bitte prüfen Sie es.`,
  }),
  result_accepted: (c) => ({
    title: "Ergebnis angenommen",
    body: `${c.companyName} hat „${c.result?.label ?? "Ergebnis"}“ (Version ${c.result?.version ?? 1}) zu „${c.offeringTitle}“ angenommen.`,
  }),
  result_changes_requested: (c) => ({
    title: "Änderungen am Ergebnis gewünscht",
    body: `${c.companyName} bittet um Änderungen an „${c.result?.label ?? "Ergebnis"}“ (Version ${c.result?.version ?? 1}) zu „${c.offeringTitle}“.`,
  }),
  result_auto_accepted: (c) => ({
    title: "Ergebnis automatisch angenommen",
    body: `„${c.result?.label ?? "Ergebnis"}“ (Version ${c.result?.version ?? 1}) zu „${c.offeringTitle}“ wurde nach Ablauf der Prüffrist automatisch angenommen.`,
  }),
  progress: (c) => ({
    title: `Fortschritt: ${c.percent ?? 0} %`,
    body: `${c.providerName} meldet ${c.percent ?? 0} % Fortschritt bei „${c.offeringTitle}“.`,
  }),
};

/** Every kind, as the timeline writes it to the audit log (`engagement.<kind>`). */
export const NOTICE_KINDS = Object.keys(TEXTS) as NoticeKind[];

export function noticeText(kind: NoticeKind, c: NoticeContext, link: string) {
  const { title, body } = TEXTS[kind](c);
  return {
    title,
    body,
    mail: {
      subject: `BGM Hub: ${title} – ${c.offeringTitle}`,
      text: `Guten Tag,\n\n${body}\n\nZum Auftrag: ${link}\n\nIhr BGM Hub\n(Diese E-Mail wurde automatisch versendet.)\n`,
    },
  };
}
