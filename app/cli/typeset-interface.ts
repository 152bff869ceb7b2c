/**
 * `npm run typeset:interface`: writes the French no-break spaces into the interface's strings
 * (app/cli/interface-typography.ts says which and why). `-- --check` only lists what is left, as
 * the test does. Exits with 1 when a slip remains that it cannot mend (a JSX text whose « : »
 * starts a new line: join the lines).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { findSlips, fixSource, interfaceSourceFiles } from "./interface-typography.ts";

const check = process.argv.includes("--check");
let changed = 0;
let left = 0;
for (const file of interfaceSourceFiles()) {
  const source = readFileSync(file, "utf8");
  if (!check) {
    const fixed = fixSource(file, source);
    if (fixed !== source) {
      writeFileSync(file, fixed);
      changed++;
    }
  }
  for (const slip of findSlips(file, check ? source : fixSource(file, source))) {
    console.log(`${file}:${slip.line} : « ${slip.text} »`);
    left++;
  }
}
if (!check) console.log(`${changed} fichier(s) corrigé(s).`);
if (left > 0) {
  console.log(`${left} espace(s) à rendre insécable(s) à la main.`);
  process.exit(1);
}
