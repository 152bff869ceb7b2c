/**
 * Measures the steps of a loader and reports them in a Server-Timing header, visible in the
 * browser's developer tools and in benchmarks.
 * @example
 * const timing = new ServerTiming();
 * const lesson = await timing.time("compile", () => getCompiledLesson(lesson));
 * return json(data, { headers: { "Server-Timing": timing.header() } });
 */
export class ServerTiming {
  private readonly entries: Array<{ name: string; ms: number }> = [];
  private readonly started = performance.now();

  async time<T>(name: string, run: () => Promise<T> | T): Promise<T> {
    const start = performance.now();
    try {
      return await run();
    } finally {
      this.entries.push({ name, ms: performance.now() - start });
    }
  }

  header(): string {
    const total = { name: "total", ms: performance.now() - this.started };
    return [...this.entries, total].map(({ name, ms }) => `${name};dur=${ms.toFixed(1)}`).join(", ");
  }
}
