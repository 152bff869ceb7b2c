import { request } from "@playwright/test";
const ctx = await request.newContext({ baseURL: "http://localhost:3999" });
for (let i = 0; i < 3; i++) {
  const t = Date.now();
  const r = await ctx.post("/quiz/quiz-entrainement", {
    data: "x".repeat(300_000),
    headers: { Origin: "http://localhost:3999", "Content-Type": "text/plain" },
    timeout: 5000,
    maxRedirects: 0,
  });
  const r2 = await ctx.post("/quiz/quiz-entrainement", {
    data: "",
    headers: { Origin: "http://localhost:3999", "Content-Type": "application/x-www-form-urlencoded" },
    timeout: 5000,
    maxRedirects: 0,
  });
  const r3 = await ctx.post("/compte", {
    data: "x=" + "y".repeat(900_000),
    headers: { Origin: "http://localhost:3999", "Content-Type": "application/x-www-form-urlencoded" },
    timeout: 5000,
    maxRedirects: 0,
  });
  const r4 = await ctx.get("/healthz", { timeout: 5000 });
  console.log(r.status(), r2.status(), r3.status(), r4.status(), Date.now() - t, "ms");
}
await ctx.dispose();
