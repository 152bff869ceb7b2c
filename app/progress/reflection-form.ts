/**
 * What a <Reflection> form posts and what the lesson action accepts from it. Client-safe: the form
 * (app/mdx/reflection.tsx) and the action's schema (app/pages/lesson-actions.server.ts) share it.
 */

export const REFLECTION_INTENT = "reflexion";

export const REFLECTION_MAX_LENGTH = 5000;
