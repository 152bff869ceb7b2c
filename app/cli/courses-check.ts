/**
 * `npm run courses:check [dossier]`: validates the course content (courses/ by default) and exits
 * with 1 if anything is wrong, listing each problem with its file.
 */
import path from "node:path";
import { formatAssessmentTable } from "~/content/assessment-rules.ts";
import { checkCourses } from "~/content/check-courses.server.ts";
import { formatBalanceTable } from "~/simulations/scenario-balance.ts";
import { formatTimeTable } from "~/courses/time-report.ts";
import { checkPlacementContent } from "~/placement/load-placement.server.ts";

const dir = path.resolve(process.argv[2] ?? "courses");
const started = performance.now();
const report = await checkCourses(dir, { cacheDir: path.resolve(".cache/lessons") });
// The positioning's questions (courses/placement) are checked by their own folder, above content/.
report.problems.push(...checkPlacementContent(dir));
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log("Questions des quiz (règles d'évaluation, voir courses/README.md « Des évaluations qui prouvent l'apprentissage ») :");
for (const line of formatAssessmentTable(report.assessment)) console.log(`  ${line}`);
console.log("");
console.log("Simulations (équilibre des choix, voir courses/README.md « Des scénarios à vrais arbitrages ») :");
for (const line of formatBalanceTable(report.scenarioBalance)) console.log(`  ${line}`);
console.log("");
console.log(
  "Temps des leçons (modèle de app/courses/time-model.ts : lecture à 180 mots/min des passages qu'un profil voit, plus le temps des activités ; ≠ : écart de plus de 15 % avec la durée déclarée, refusé) :",
);
for (const line of formatTimeTable(report.time)) console.log(`  ${line}`);
console.log("");
if (report.warnings.length > 0) {
  console.warn(
    `⚠ ${report.warnings.length} avertissement(s) : règles pas encore exigées (ENFORCE_ASSESSMENT_RULES, ENFORCE_SCENARIO_BALANCE, ENFORCE_WORDING_IN_SCENARIOS, ENFORCE_CONTENT_FORM, ENFORCE_DURATIONS, app/content/check-courses.server.ts) :`,
  );
  for (const warning of report.warnings) console.warn(`  ${warning.file} : ${warning.message}`);
  console.warn("");
}
if (report.problems.length > 0) {
  console.error(`✗ ${report.problems.length} problème(s) dans ${path.relative(process.cwd(), dir) || dir} :`);
  for (const problem of report.problems) console.error(`  ${problem.file} : ${problem.message}`);
  process.exit(1);
}
console.log(
  `✓ contenu valide : ${report.paths} parcours, ${report.lessons} leçons compilées, ${report.toolkit} documents de la boîte à outils (${seconds} s)`,
);
