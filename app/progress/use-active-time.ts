/**
 * Sends active-time heartbeats while a signed-in learner is on a lesson: only while the tab is
 * visible and the learner has scrolled, typed, pointed or touched in the last IDLE_AFTER_SECONDS.
 * The server caps and checks every claim (see active-time.ts); this hook only observes honestly.
 */
import { useEffect } from "react";
import { HEARTBEAT_SECONDS, IDLE_AFTER_SECONDS } from "./active-time.ts";

const ACTIVE_TIME_URL = "/api/temps-actif";
const TICK_MS = 1000;

export function useActiveTime({ lessonId, pathId, enabled }: { lessonId: string; pathId: string; enabled: boolean }) {
  useEffect(() => {
    if (!enabled) return;
    let lastActivity = Date.now();
    let observed = 0; // active seconds not yet reported

    const body = (seconds: number) => new URLSearchParams({ lessonId, pathId, seconds: String(Math.round(seconds)) });
    const send = (seconds: number) => {
      void fetch(ACTIVE_TIME_URL, { method: "POST", body: body(seconds), keepalive: true, credentials: "same-origin" }).catch(() => {
        // Offline or server gone: these seconds are lost, which under-counts rather than over-counts.
      });
    };
    const flush = () => {
      if (observed >= 1) {
        const seconds = observed;
        observed = 0;
        if (!navigator.sendBeacon?.(ACTIVE_TIME_URL, body(seconds))) send(seconds);
      }
    };
    const onActivity = () => {
      lastActivity = Date.now();
    };
    const timer = window.setInterval(() => {
      const active = document.visibilityState === "visible" && Date.now() - lastActivity < IDLE_AFTER_SECONDS * 1000;
      if (!active) return;
      observed += TICK_MS / 1000;
      if (observed >= HEARTBEAT_SECONDS) {
        send(HEARTBEAT_SECONDS);
        observed -= HEARTBEAT_SECONDS;
      }
    }, TICK_MS);
    const onVisibility = () => {
      if (document.visibilityState === "hidden") flush();
    };
    const events = ["scroll", "keydown", "pointerdown", "pointermove", "touchstart", "wheel"] as const;
    for (const event of events) window.addEventListener(event, onActivity, { passive: true });
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", flush);
    return () => {
      flush();
      window.clearInterval(timer);
      for (const event of events) window.removeEventListener(event, onActivity);
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", flush);
    };
  }, [lessonId, pathId, enabled]);
}
