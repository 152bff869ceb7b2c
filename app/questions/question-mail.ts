/**
 * The e-mails of tutor questions: to whoever answers when a question arrives, to the learner when
 * the answer comes. Pure (the text only); questions.server.ts sends them. The question's text goes
 * to the tutor, who needs it; the answer goes to the learner, so that they can read it without
 * signing in. Links come from the configured public address (D16).
 */
import { formatDateTime } from "~/utils/format.ts";

export function newQuestionMail(input: {
  learnerName: string;
  lessonTitle: string;
  pathTitle: string;
  body: string;
  answerDelay: string | null;
  inboxUrl: string;
}): { subject: string; text: string } {
  return {
    subject: `Nouvelle question de ${input.learnerName}`,
    text: [
      "Bonjour,",
      "",
      `${input.learnerName} pose une question depuis la leçon «\u202F${input.lessonTitle}\u202F» (${input.pathTitle})\u00A0:`,
      "",
      input.body,
      "",
      input.answerDelay
        ? `La plateforme lui a promis une réponse sous ${input.answerDelay}. Répondez depuis la boîte des questions\u00A0:`
        : "Répondez depuis la boîte des questions\u00A0:",
      input.inboxUrl,
    ].join("\n"),
  };
}

export function answerMail(input: { learnerName: string; askedAt: Date; lessonTitle: string; answer: string; questionsUrl: string }): {
  subject: string;
  text: string;
} {
  return {
    subject: "Réponse à votre question",
    text: [
      `Bonjour ${input.learnerName},`,
      "",
      `Votre question du ${formatDateTime(input.askedAt)}, posée depuis la leçon «\u202F${input.lessonTitle}\u202F», a reçu une réponse\u00A0:`,
      "",
      input.answer,
      "",
      "Retrouvez vos questions et leurs réponses sur la plateforme\u00A0:",
      input.questionsUrl,
    ].join("\n"),
  };
}
