/**
 * Turns a compiled lesson into a React component, the same way on the server and in the browser,
 * without `eval` in the browser.
 *
 * mdx-bundler produces a function body that expects React, ReactDOM and the JSX runtime. The server
 * wraps it in a script served at /lecons/<hash>.js that registers the function on
 * `self.__lecons[hash]`; the lesson page includes that script before React hydrates (and its
 * clientLoader loads it before a client-side navigation shows the lesson). A Content-Security-Policy
 * can therefore forbid 'unsafe-eval'. On the server the same body is turned into a function once
 * per lesson content and kept.
 */
import type { ComponentType } from "react";
import * as React from "react";
import * as ReactDOM from "react-dom";
import * as jsxRuntime from "react/jsx-runtime";

type LessonFactory = (
  react: typeof React,
  reactDom: typeof ReactDOM,
  runtime: typeof jsxRuntime,
) => {
  default: ComponentType<{ components?: Record<string, ComponentType<never>> }>;
};

declare global {
  var __lecons: Record<string, LessonFactory> | undefined;
}

const components = new Map<string, ReturnType<LessonFactory>["default"]>();

/** The address of a lesson's script. */
export function lessonScriptUrl(hash: string): string {
  return `/lecons/${hash}.js`;
}

/** The script served at lessonScriptUrl(hash). */
export function lessonScript(hash: string, code: string): string {
  return `(self.__lecons=self.__lecons||{})[${JSON.stringify(hash)}]=function(React,ReactDOM,_jsx_runtime){${code}\n};`;
}

/** Server side: makes a compiled lesson available to getLessonComponent. */
export function registerLessonCode(hash: string, code: string): void {
  const registry = (globalThis.__lecons ??= {});
  if (!registry[hash]) {
    registry[hash] = new Function("React", "ReactDOM", "_jsx_runtime", code) as LessonFactory;
  }
}

export function getLessonComponent(hash: string) {
  let component = components.get(hash);
  if (!component) {
    const factory = globalThis.__lecons?.[hash];
    if (!factory) return undefined;
    component = factory(React, ReactDOM, jsxRuntime).default;
    components.set(hash, component);
  }
  return component;
}

/** Browser side: loads a lesson's script unless it is already there. */
export function loadLessonScript(hash: string): Promise<void> {
  if (globalThis.__lecons?.[hash]) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = lessonScriptUrl(hash);
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`La leçon n'a pas pu être chargée (${hash}).`));
    document.head.append(script);
  });
}
