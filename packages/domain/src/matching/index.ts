// Partner matching (issue 15): one pure, explainable scoring of offerings for a company's situation.
export * from "./assistant.js";
export * from "./llm.js";
export * from "./proactive.js";
export * from "./regions.js";
export * from "./score.js";
export * from "./survey.js";
export * from "./synonyms.js";
export { fold, goalStems, hasPrefix, indexText, stem, stemsOf } from "./text.js";
