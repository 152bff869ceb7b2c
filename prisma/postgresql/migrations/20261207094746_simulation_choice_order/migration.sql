-- AlterTable
ALTER TABLE "SimulationRun" ADD COLUMN     "choiceOrder" TEXT NOT NULL DEFAULT '{}';
