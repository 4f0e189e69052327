import { render, type Language, type Message } from "../../src/domain/messages/localize";

/** Messages as a person reads them (Vietnamese unless asked otherwise), for assertions on their wording. */
export const rendered = (messages: readonly Message[], language: Language = "vi"): string[] => messages.map((m) => render(m, language));
